import Fanzha
import SwiftUI

/// Runs one check off the main actor and turns the answer (or the error) into a CheckResult.
@MainActor
final class CheckRunner: ObservableObject {
    @Published var result: CheckResult = .idle
    let lang = SharedGuard.lang

    func run(example: Example?, _ check: @escaping @Sendable (Guard) throws -> Verdict) {
        let lang = self.lang
        Task.detached {
            let result: CheckResult
            if let g = SharedGuard.get() {
                do {
                    let v = try check(g)
                    result = .done(v, VerdictView(v, lang: lang), example)
                } catch {
                    result = .failed(failureText(error, lang: lang))
                }
            } else {
                result = .failed(UiText.get(lang, .checkFailed))
            }
            await MainActor.run { self.result = result }
        }
    }
}

/// Number: what a call screener or SMS filter asks about a caller or sender.
/// A check here counts as a call the SDK saw (its journey), like a real call would.
struct NumberView: View {
    let examples: [Example]
    @StateObject private var runner = CheckRunner()
    @State private var number = ""
    @State private var inContacts = false
    @State private var asSms = false
    @State private var callsLastHour = 0
    @State private var example: Example?

    var body: some View {
        let lang = runner.lang
        Form {
            ExamplesRow(examples: examples, lang: lang) { e in
                number = e.input; asSms = e.flag("sms"); inContacts = e.flag("contact")
                callsLastHour = Int(e.option("calls") ?? "") ?? 0; example = e
                check()
            }
            TextField(UiText.get(lang, .numberHint), text: $number).keyboardType(.phonePad)
            Toggle(UiText.get(lang, .inContacts), isOn: $inContacts)
            Toggle(UiText.get(lang, .asSmsSender), isOn: $asSms)
            Stepper("\(UiText.get(lang, .callsLastHour)): \(callsLastHour)", value: $callsLastHour, in: 0...99)
            Button(UiText.get(lang, .check)) { example = nil; check() }
            ResultView(result: runner.result, lang: lang)
        }
    }

    private func check() {
        let ctx = NumberContext(channel: asSms ? .sms : .call, inContacts: inContacts, stir: nil, callsLastHour: Int32(callsLastHour))
        let n = number
        runner.run(example: example) { try $0.checkNumber(number: n, context: ctx) }
    }
}

/// Link: a URL typed or picked from the script.
struct LinkView: View {
    let examples: [Example]
    @StateObject private var runner = CheckRunner()
    @State private var url = ""
    @State private var example: Example?

    var body: some View {
        let lang = runner.lang
        Form {
            ExamplesRow(examples: examples, lang: lang) { e in url = e.input; example = e; check() }
            TextField(UiText.get(lang, .linkHint), text: $url).keyboardType(.URL).textInputAutocapitalization(.never)
            Button(UiText.get(lang, .check)) { example = nil; check() }
            ResultView(result: runner.result, lang: lang)
        }
    }

    private func check() {
        let u = url.trimmingCharacters(in: .whitespaces)
        runner.run(example: example) { try $0.checkLink(url: u) }
    }
}

/// Message: an SMS body and sender, with the links, numbers and codes found in it.
struct MessageView: View {
    let examples: [Example]
    @StateObject private var runner = CheckRunner()
    @State private var sender = ""
    @State private var messageBody = ""
    @State private var example: Example?

    var body: some View {
        let lang = runner.lang
        Form {
            ExamplesRow(examples: examples, lang: lang) { e in sender = e.option("sender") ?? ""; messageBody = e.input; example = e; check() }
            TextField(UiText.get(lang, .senderHint), text: $sender)
            TextEditor(text: $messageBody).frame(minHeight: 120)
            Button(UiText.get(lang, .check)) { example = nil; check() }
            ResultView(result: runner.result, lang: lang)
        }
    }

    private func check() {
        let s = sender.trimmingCharacters(in: .whitespaces)
        let b = messageBody
        runner.run(example: example) { try $0.checkMessage(sender: s.isEmpty ? nil : s, body: b) }
    }
}
