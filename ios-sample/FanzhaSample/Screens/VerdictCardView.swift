import Fanzha
import SwiftUI

extension Tone {
    var accent: Color {
        switch self {
        case .trusted: return .green
        case .clear: return .gray
        case .caution: return .orange
        case .danger: return .red
        }
    }
}

/// The answer of a check screen: ✓/✗ against the script line it came from, then the verdict.
enum CheckResult {
    case idle
    case done(Verdict, VerdictView, Example?)
    case failed(String)
}

struct ResultView: View {
    let result: CheckResult
    let lang: UiLang

    var body: some View {
        switch result {
        case .idle:
            EmptyView()
        case let .failed(message):
            Text(message).foregroundColor(.red)
        case let .done(verdict, view, example):
            VStack(alignment: .leading, spacing: 6) {
                if let e = example {
                    if let m = e.mismatch(verdict) {
                        Text("✗ \(UiText.get(lang, .notAsExpected)): \(m)").foregroundColor(.red)
                    } else {
                        Text("✓ \(UiText.get(lang, .asExpected))").foregroundColor(.green)
                    }
                    if !e.note.isEmpty { Text(e.note).font(.footnote) }
                }
                VerdictCardView(view: view, lang: lang)
            }
        }
    }
}

struct VerdictCardView: View {
    let view: VerdictView
    let lang: UiLang

    var body: some View {
        VStack(alignment: .leading, spacing: 6) {
            if let notice = view.protectionNotice { Text("⚠ \(notice)").foregroundColor(.red) }
            HStack {
                Text(view.badge).bold()
                Text("· \(view.actionLabel) · \(UiText.get(lang, .score)) \(view.score)")
            }
            .foregroundColor(view.tone.accent)
            Text(view.title).font(.headline)
            if let f = view.fraudTypeId { Text(f).font(.caption.monospaced()) }
            if let n = view.normalized { Text("\(UiText.get(lang, .normalized)): \(n)").font(.caption.monospaced()) }
            if !view.advice.isEmpty {
                Divider()
                Text(UiText.get(lang, .whatToDo)).bold()
                ForEach(view.advice, id: \.self) { Text("• \($0)") }
            }
            if !view.items.isEmpty {
                Divider()
                Text(UiText.get(lang, .foundInMessage)).bold()
                ForEach(view.items, id: \.self) { item in
                    Text("\(item.kind): \(item.value)\(item.badge.map { " — \($0)" } ?? "")\(item.title.map { " · \($0)" } ?? "")")
                        .font(.caption)
                        .foregroundColor(item.tone?.accent ?? .primary)
                }
            }
            if !view.reasons.isEmpty {
                Divider()
                Text(UiText.get(lang, .why)).bold()
                ForEach(view.reasons, id: \.self) { r in
                    Text("\(r.code) (\(r.weight >= 0 ? "+" : "")\(r.weight))").font(.caption.monospaced())
                    Text(r.detail).font(.caption)
                }
            }
            Text("\(UiText.get(lang, .protectionData)): \(view.feedVersion)").font(.caption2)
        }
        .padding()
        .frame(maxWidth: .infinity, alignment: .leading)
        .background(view.tone.accent.opacity(0.12))
        .cornerRadius(12)
    }
}

/// "Try these": the script's lines for a screen.
struct ExamplesRow: View {
    let examples: [Example]
    let lang: UiLang
    let pick: (Example) -> Void

    var body: some View {
        if !examples.isEmpty {
            VStack(alignment: .leading) {
                Text(UiText.get(lang, .examples)).font(.caption)
                ScrollView(.horizontal, showsIndicators: false) {
                    HStack {
                        ForEach(examples) { e in
                            Button {
                                pick(e)
                            } label: {
                                Text("\(String(e.input.prefix(24)))\(e.expectLevel.map { " → \($0)" } ?? "")")
                            }
                            .buttonStyle(.bordered)
                        }
                    }
                }
            }
        }
    }
}
