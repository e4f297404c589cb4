// Pure Swift (Foundation + Fanzha only): what the app and its extensions DO
// with a verdict. Mirrors android-sample/…/logic/Policy.kt rule for rule;
// the Kotlin twin is what the JVM tests exercise against the real library,
// so change both together. The Message Filter extension only translates
// FilterDecision into ILMessageFilterAction / ILMessageFilterSubAction.
import Fanzha
import Foundation

/// Mirrors ILMessageFilterAction.
enum FilterAction { case none, allow, junk, promotion, transaction }

/// Mirrors the iOS 16 ILMessageFilterSubAction cases this app uses.
enum FilterSubAction { case none, transactionalOthers, transactionalFinance, promotionalOthers }

struct FilterDecision: Equatable {
    let action: FilterAction
    let subAction: FilterSubAction
}

enum AlertPriority { case low, normal, high }

struct AppAlert: Equatable {
    let priority: AlertPriority
    let title: String
    let text: String
    let body: String
}

enum Policy {
    /// Reason codes that mark a message as marketing rather than fraud.
    static let promotionCodes: Set<String> = ["message.marketing", "message.promotion", "message.unsubscribe"]
    /// Items pulled out of a message that make it transactional.
    static let transactionItemKinds: Set<String> = ["verification_code"]
    /// The item kind the message check gives the sender.
    static let senderItem = "sender"

    /// Message Filter answer for a message from an unknown sender:
    /// suspicious / dangerous → Junk (iOS turns its links off); trusted, or
    /// clear from a sender the SDK identifies as official → Transaction;
    /// clear with a verification code → Transaction; clear with
    /// a marketing signal → Promotion; else None (never Allow: it would vouch
    /// for a sender we know nothing about).
    static func messageFilter(_ v: Verdict) -> FilterDecision {
        if v.level.isWarning || v.action == .block || v.action == .confirm {
            return FilterDecision(action: .junk, subAction: .none)
        }
        if v.level == .trusted {
            return FilterDecision(action: .transaction, subAction: .transactionalOthers)
        }
        if v.extracted.contains(where: { $0.kind == senderItem && $0.verdict?.level == .trusted }) {
            return FilterDecision(action: .transaction, subAction: .transactionalOthers)
        }
        if v.extracted.contains(where: { transactionItemKinds.contains($0.kind) }) {
            return FilterDecision(action: .transaction, subAction: .transactionalOthers)
        }
        if v.reasons.contains(where: { promotionCodes.contains($0.code) }) {
            return FilterDecision(action: .promotion, subAction: .promotionalOthers)
        }
        return FilterDecision(action: .none, subAction: .none)
    }

    /// In-app notice for a flagged check (iOS has no call-screening
    /// callback: the Call Directory extension blocks and labels ahead of
    /// time, so this is used by the app's own screens).
    static func alert(_ v: Verdict, lang: UiLang) -> AppAlert? {
        guard v.level.isWarning || v.action == .block || v.action == .confirm else { return nil }
        let view = VerdictView(v, lang: lang)
        var body = view.title
        if let n = view.protectionNotice { body += "\n" + n }
        for line in view.advice.prefix(3) { body += "\n• " + line }
        let priority: AlertPriority = (v.level == .dangerous || v.action == .block) ? .high : .normal
        return AppAlert(priority: priority, title: view.badge, text: view.title, body: body)
    }
}
