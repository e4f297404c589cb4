// Pure Swift (Foundation + Fanzha only). Mirrors VerdictView.kt.
import Fanzha
import Foundation

enum Tone { case trusted, clear, caution, danger }

extension Level {
    var tone: Tone {
        switch self {
        case .trusted: return .trusted
        case .clear: return .clear
        case .suspicious: return .caution
        case .dangerous: return .danger
        }
    }

    /// The lowercase id the CLI's JSON uses.
    var id: String {
        switch self {
        case .trusted: return "trusted"
        case .clear: return "clear"
        case .suspicious: return "suspicious"
        case .dangerous: return "dangerous"
        }
    }

    var isWarning: Bool { self == .suspicious || self == .dangerous }
}

extension Action {
    var id: String {
        switch self {
        case .allow: return "allow"
        case .warn: return "warn"
        case .confirm: return "confirm"
        case .block: return "block"
        }
    }
}

/// Everything a screen or an extension shows for one verdict.
struct VerdictView {
    struct ReasonLine: Hashable { let code: String; let weight: Int; let detail: String }
    struct ItemLine: Hashable { let kind: String; let value: String; let tone: Tone?; let badge: String?; let title: String? }

    static let protectionCodes: Set<String> = ["feed.stale", "store.unavailable"]

    let level: Level
    let tone: Tone
    let badge: String
    let title: String
    let score: Int
    let actionLabel: String
    let fraudTypeId: String?
    let normalized: String?
    let advice: [String]
    let reasons: [ReasonLine]
    let items: [ItemLine]
    let coolOffSeconds: Int?
    let questions: [Question]
    let feedVersion: String
    /// Set when the protection data itself is degraded (expired feed, unreadable store).
    let protectionNotice: String?

    var summary: String { "\(badge) · \(title)" }

    init(_ v: Verdict, lang: UiLang) {
        level = v.level
        tone = v.level.tone
        badge = UiText.level(lang, v.level)
        title = v.title
        score = min(max(Int(v.score), 0), 100)
        actionLabel = UiText.action(lang, v.action)
        fraudTypeId = v.fraudType.map { fraudTypeId(fraudType: $0) }
        normalized = v.normalized
        advice = v.advice
        reasons = v.reasons.map { ReasonLine(code: $0.code, weight: Int($0.weight), detail: $0.detail) }
        items = v.extracted.map { e in
            ItemLine(kind: e.kind, value: e.value, tone: e.verdict?.level.tone,
                     badge: e.verdict.map { UiText.level(lang, $0.level) }, title: e.verdict?.title)
        }
        coolOffSeconds = v.coolOffSeconds.map { max(Int($0), 0) }
        questions = v.questions
        feedVersion = v.feedVersion
        // The typed status decides; the reason codes only carry the detail.
        switch v.protection {
        case .unavailable: protectionNotice = UiText.get(lang, .storeUnavailable)
        case .stale: protectionNotice = UiText.get(lang, .feedStale)
        case .full: protectionNotice = nil
        }
    }
}

/// Text for an SDK failure (FanzhaError never carries the checked value).
func failureText(_ error: Error, lang: UiLang) -> String {
    let head = UiText.get(lang, .checkFailed)
    if let e = error as? FanzhaError {
        if case let .InvalidInput(_, why) = e { return "\(head): \(why)" }
        return "\(head): \(e)"
    }
    return "\(head): \(type(of: error))"
}
