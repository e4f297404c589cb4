import CallKit
import Fanzha
import SwiftUI
import UIKit

/// What the phone is doing, for the payment check's live context.
/// - Call: CXCallObserver (a call connected and not ended). iOS never
///   tells an app the other party's number, so it is "unknown" unless typed.
/// - Screen sharing: UIScreen.isCaptured (recording, AirPlay or mirroring),
///   updated by capturedDidChangeNotification.
/// - Remote access and accessibility: no iOS equivalent of Android's
///   third-party services; manual switches stand in for testing.
@MainActor
final class LiveContextObserver: NSObject, ObservableObject, CXCallObserverDelegate {
    @Published var live = LiveContext()
    private let observer = CXCallObserver()
    private var connectedAt: Date?

    override init() {
        super.init()
        observer.setDelegate(self, queue: .main)
        NotificationCenter.default.addObserver(self, selector: #selector(refresh), name: UIScreen.capturedDidChangeNotification, object: nil)
        refresh()
    }

    nonisolated func callObserver(_ callObserver: CXCallObserver, callChanged call: CXCall) {
        Task { @MainActor in self.refresh() }
    }

    @objc func refresh() {
        let active = observer.calls.contains { $0.hasConnected && !$0.hasEnded }
        if active, connectedAt == nil { connectedAt = Date() }
        if !active { connectedAt = nil }
        live = LiveContext(
            inCall: active, callNumber: nil,
            callSeconds: connectedAt.map { Int(Date().timeIntervalSince($0)) } ?? 0,
            screenSharing: UIScreen.main.isCaptured, remoteAccess: false, accessibilityService: false)
    }
}

/// The mock bank transfer (nothing is sent): form + live context → the
/// payment check; block stops it, warn needs "I understand", confirm asks
/// the verdict's questions and holds the button for the cool-off.
struct TransferView: View {
    let examples: [Example]
    private let lang = SharedGuard.lang
    @StateObject private var observer = LiveContextObserver()
    @State private var account = ""
    @State private var kind: AccountKind = .card
    @State private var payeeName = ""
    @State private var amount = ""
    @State private var currency = "CNY"
    @State private var memo = ""
    @State private var newPayee = true
    /// The bank's payee-name check (Confirmation of Payee) as its back end returned it.
    @State private var nameCheck: NameCheckResult? = nil
    @State private var nameReturned = ""
    @State private var manual = LiveContext()
    @State private var stage: TransferStage = .editing
    @State private var now = Date()
    private let tick = Timer.publish(every: 1, on: .main, in: .common).autoconnect()

    var body: some View {
        Form {
            ExamplesRow(examples: examples, lang: lang, pick: use)
            Section {
                TextField(UiText.get(lang, .payeeAccount), text: $account)
                Picker("", selection: $kind) {
                    ForEach([AccountKind.card, .iban, .alipay, .wechat, .phone, .other], id: \.self) { Text(String(describing: $0)).tag($0) }
                }.pickerStyle(.segmented)
                TextField(UiText.get(lang, .payeeName), text: $payeeName)
                HStack {
                    TextField(UiText.get(lang, .amount), text: $amount).keyboardType(.decimalPad)
                    TextField(UiText.get(lang, .currency), text: $currency).frame(width: 70)
                }
                TextField(UiText.get(lang, .memo), text: $memo)
                Toggle(UiText.get(lang, .newPayee), isOn: $newPayee)
                Picker(lang == .zh ? "收款人姓名核验（银行返回）" : "Payee name check (from the bank)", selection: $nameCheck) {
                    Text(lang == .zh ? "未核验" : "Not checked").tag(NameCheckResult?.none)
                    ForEach([NameCheckResult.match, .closeMatch, .noMatch, .unavailable], id: \.self) {
                        Text(String(describing: $0)).tag(NameCheckResult?.some($0))
                    }
                }
                if nameCheck == .closeMatch {
                    TextField(lang == .zh ? "银行返回的户名" : "Name the bank returned", text: $nameReturned)
                }
            }
            Section {
                let l = observer.live
                Text(l.inCall ? "📞 \(l.callSeconds)s" : "📞 —").font(.caption)
                if l.screenSharing { Text("🖥 \(UiText.get(lang, .screenSharing))").font(.caption) }
                Toggle(UiText.get(lang, .onACall), isOn: $manual.inCall)
                if manual.inCall {
                    TextField(UiText.get(lang, .callerNumber), text: Binding(get: { manual.callNumber ?? "" }, set: { manual.callNumber = $0.isEmpty ? nil : $0 }))
                }
                Toggle(UiText.get(lang, .screenSharing), isOn: $manual.screenSharing)
                Toggle(UiText.get(lang, .remoteAccess), isOn: $manual.remoteAccess)
            }
            stageView
        }
        .onReceive(tick) { now = $0 }
    }

    @ViewBuilder private var stageView: some View {
        switch stage {
        case .editing:
            Button(UiText.get(lang, .reviewTransfer), action: review)
        case let .invalid(problem):
            Text(problem).foregroundColor(.red)
            Button(UiText.get(lang, .reviewTransfer), action: review)
        case let .reviewing(r):
            Section {
                Text(Money.format(r.intent.amountMinor, currency: r.intent.currency)).font(.title2)
                VerdictCardView(view: VerdictView(r.verdict, lang: lang), lang: lang)
                if !r.verdict.questions.isEmpty { Text(UiText.get(lang, .answerQuestions)).bold() }
                ForEach(r.verdict.questions, id: \.id) { q in
                    Text(q.text)
                    HStack {
                        Button(UiText.get(lang, .yes)) { answer(r, q.id, true) }.buttonStyle(.bordered).tint(r.answers[q.id] == true ? Color.red : nil)
                        Button(UiText.get(lang, .no)) { answer(r, q.id, false) }.buttonStyle(.bordered).tint(r.answers[q.id] == false ? Color.blue : nil)
                    }
                }
                let blockers = r.blockers(at: now)
                if r.verdict.action == .warn || r.verdict.action == .confirm {
                    Toggle(UiText.get(lang, .iUnderstand), isOn: Binding(get: { r.acknowledged }, set: { on in
                        var changed = r
                        changed.acknowledged = on
                        stage = .reviewing(changed)
                    }))
                }
                if let left = r.coolingOffLeft(at: now) {
                    Text(UiText.format(lang, .waitSeconds, left)).foregroundColor(.red)
                }
                Button(UiText.get(lang, .confirmTransfer)) { confirm(r) }.disabled(!blockers.isEmpty)
                Button(UiText.get(lang, .cancelTransfer), role: .cancel) {
                    record(r.verdict, .cancelled)
                    stage = .cancelled
                }
                // Recorded as `asked_for_help` in the bank's audit log.
                Button(UiText.get(lang, .askForHelp)) {
                    record(r.verdict, .askedForHelp)
                    stage = .cancelled
                }
            }
        case let .stopped(v):
            VerdictCardView(view: VerdictView(v, lang: lang), lang: lang)
            Text(UiText.get(lang, .transferBlocked)).foregroundColor(.red).bold()
            Link(UiText.get(lang, .call96110), destination: URL(string: "tel:96110")!)
            Button("←") {
                record(v, .cancelled)
                stage = .editing
            }
        case let .sent(intent):
            Text("\(UiText.get(lang, .transferSent)): \(Money.format(intent.amountMinor, currency: intent.currency))").bold()
            Button("←") { stage = .editing }
        case .cancelled:
            Text(UiText.get(lang, .transferCancelled))
            Button("←") { stage = .editing }
        case let .failed(message):
            Text(message).foregroundColor(.red)
            Button("←") { stage = .editing }
        }
    }

    private func use(_ e: Example) {
        account = e.input
        kind = [AccountKind.card, .iban, .alipay, .wechat, .phone, .other].first { String(describing: $0) == e.option("kind") } ?? .other
        payeeName = e.option("name") ?? ""
        amount = e.option("amount") ?? ""
        currency = e.option("currency") ?? "CNY"
        memo = e.option("memo") ?? ""
        newPayee = e.flag("new_payee")
        manual = LiveContext(inCall: e.flag("call"), callNumber: e.option("call").flatMap { $0 == "unknown" ? nil : $0 },
                             callSeconds: Int(e.option("call_secs") ?? "") ?? 0, screenSharing: e.flag("screen_sharing"),
                             remoteAccess: e.flag("remote_access"), accessibilityService: e.flag("accessibility"))
        stage = .editing
    }

    private func intent() -> PaymentIntent? {
        let cur = currency.trimmingCharacters(in: .whitespaces).uppercased()
        guard !account.trimmingCharacters(in: .whitespaces).isEmpty,
              cur.range(of: "^[A-Z]{3}$", options: .regularExpression) != nil,
              let minor = Money.parseMinor(amount, currency: cur) else { return nil }
        observer.refresh()
        let l = observer.live
        let inCall = l.inCall || manual.inCall
        let call = inCall ? CallContext(number: manual.callNumber ?? l.callNumber, durationSecs: Int32(max(l.callSeconds, manual.callSeconds)), inContacts: false) : nil
        return PaymentIntent(
            account: account.trimmingCharacters(in: .whitespaces), accountKind: kind, amountMinor: minor, currency: cur,
            payeeName: payeeName.isEmpty ? nil : payeeName, memo: memo.isEmpty ? nil : memo, newPayee: newPayee,
            nameCheck: nameCheck.map { NameCheck(result: $0, returnedName: nameReturned.isEmpty ? nil : nameReturned) },
            context: PaymentContext(call: call, screenSharing: l.screenSharing || manual.screenSharing,
                                    remoteAccess: manual.remoteAccess, accessibilityService: manual.accessibilityService,
                                    utcOffsetMinutes: Int32(TimeZone.current.secondsFromGMT() / 60)))
    }

    private func review() {
        guard let i = intent() else {
            stage = .invalid(lang == .zh ? "请检查账户、金额和币种" : "Check the account, amount and currency")
            return
        }
        do {
            guard let g = SharedGuard.get() else { return }
            let v = try g.checkPayment(intent: i)
            if v.action == .block {
                stage = .stopped(v)
            } else {
                stage = .reviewing(Review(intent: i, verdict: v, coolOffStart: Date(), coolOffSeconds: max(Int(v.coolOffSeconds ?? 0), 0)))
            }
        } catch {
            stage = .failed(failureText(error, lang: lang))
        }
    }

    private func answer(_ r: Review, _ id: String, _ yes: Bool) {
        var r = r
        r.answers[id] = yes
        guard r.verdict.questions.allSatisfy({ r.answers[$0.id] != nil }) else {
            stage = .reviewing(r)
            return
        }
        do {
            guard let g = SharedGuard.get() else { return }
            let v = try g.answerPaymentQuestions(intent: r.intent, answers: r.answers.map { Answer(id: $0.key, yes: $0.value) })
            stage = v.action == .block ? .stopped(v) : .reviewing(r.rescored(v, at: Date()))
        } catch {
            stage = .failed(failureText(error, lang: lang))
        }
    }

    private func confirm(_ r: Review) {
        guard r.blockers(at: Date()).isEmpty else { return }
        do {
            try SharedGuard.get()?.recordPayment(intent: r.intent)
            record(r.verdict, .proceeded)
            stage = .sent(r.intent)
        } catch {
            stage = .failed(failureText(error, lang: lang))
        }
    }

    /// Reports the person's decision on a warning to the bank's audit log
    /// (by `Verdict.id`, set when the guard has a store). Clear verdicts are
    /// not recorded warnings; a failure never blocks the transfer flow.
    private func record(_ v: Verdict, _ decision: Decision) {
        guard let id = v.id, v.action != .allow else { return }
        try? SharedGuard.get()?.recordDecision(id: id, decision: decision)
    }
}
