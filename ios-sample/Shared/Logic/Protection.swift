// Pure Swift (Foundation + Fanzha only): what the Status screen says about
// the protection data. Mirrors Freshness and StatusModel's texts in
// android-sample/…/logic/Protection.kt, which the JVM tests pin.
import Fanzha
import Foundation

/// "Current: expires in 3 days" / "Expired 2 days ago: update it …".
enum Freshness {
    private static let dayMs: Int64 = 24 * 60 * 60 * 1000
    private static let hourMs: Int64 = 60 * 60 * 1000

    static func describe(expiresMs: Int64, nowMs: Int64, lang: UiLang) -> String {
        let zh = lang == .zh
        let delta = expiresMs - nowMs
        let span = delta.magnitude
        let amount: String
        if span >= UInt64(dayMs) {
            let d = span / UInt64(dayMs)
            amount = zh ? "\(d) 天" : "\(d) day\(d == 1 ? "" : "s")"
        } else {
            let h = max(1, span / UInt64(hourMs))
            amount = zh ? "\(h) 小时" : "\(h) hour\(h == 1 ? "" : "s")"
        }
        if delta > 0 {
            return zh ? "有效，\(amount) 后过期" : "Current: expires in \(amount)"
        }
        return zh ? "已过期 \(amount)，请更新（结果会带 feed.stale）" : "Expired \(amount) ago: update it (verdicts carry feed.stale)"
    }

    static func nowMs() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}

enum FeedText {
    /// The app reads at most this much of a picked file (the SDK has its own, larger cap).
    static let maxBytes = 64 * 1024 * 1024

    /// One line per applied feed: id, version, freshness, entries.
    static func line(_ f: FeedStatus, nowMs: Int64, lang: UiLang) -> String {
        "\(f.feedId) v\(f.version) · \(Freshness.describe(expiresMs: f.expiresMs, nowMs: nowMs, lang: lang)) · \(f.numbers + f.links + f.accounts)"
    }

    /// "Protection data updated: cn-test@2 · full · +3 −1" (and a warning for an already expired feed).
    static func applied(_ a: FeedApplied, lang: UiLang) -> String {
        let kind = UiText.get(lang, a.full ? .feedFull : .feedDelta)
        let base = "\(UiText.get(lang, .feedApplied)): \(a.feedVersion) · \(kind) · +\(a.added) −\(a.removed)"
        return a.stale ? "\(base) · ⚠ \(UiText.get(lang, .feedAlreadyExpired))" : base
    }

    static func refused(_ why: String, lang: UiLang) -> String { "\(UiText.get(lang, .feedRefused)): \(why)" }

    static func tooLarge(lang: UiLang) -> String { UiText.format(lang, .feedTooLarge, maxBytes / (1024 * 1024)) }
}
