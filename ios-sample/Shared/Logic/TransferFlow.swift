// Pure Swift (Foundation + Fanzha only). The mock transfer's review flow —
// questions, cool-off, acknowledgement — mirroring TransferModel.kt, whose
// JVM tests pin the rules: block stops; warn needs "I understand"; confirm
// asks every question, re-scores once all are answered, and holds the
// button for the cool-off (a re-score never shortens a running cool-off).
import Fanzha
import Foundation

struct LiveContext: Equatable {
    var inCall = false
    var callNumber: String?
    var callSeconds = 0
    var screenSharing = false
    var remoteAccess = false
    var accessibilityService = false
}

enum ConfirmBlocker: Equatable {
    case coolingOff(secondsLeft: Int)
    case unanswered(count: Int)
    case needsAcknowledgement
}

struct Review {
    var intent: PaymentIntent
    var verdict: Verdict
    var coolOffStart: Date
    var coolOffSeconds: Int
    var answers: [String: Bool] = [:]
    var acknowledged = false

    func remaining(at now: Date) -> Int {
        let left = coolOffStart.addingTimeInterval(TimeInterval(coolOffSeconds)).timeIntervalSince(now)
        return left <= 0 ? 0 : Int(left.rounded(.up))
    }

    func blockers(at now: Date) -> [ConfirmBlocker] {
        var out: [ConfirmBlocker] = []
        let left = remaining(at: now)
        if left > 0 { out.append(.coolingOff(secondsLeft: left)) }
        let unanswered = verdict.questions.filter { answers[$0.id] == nil }.count
        if unanswered > 0 { out.append(.unanswered(count: unanswered)) }
        if (verdict.action == .warn || verdict.action == .confirm) && !acknowledged { out.append(.needsAcknowledgement) }
        return out
    }

    /// Seconds of cool-off left, or nil when it is over.
    func coolingOffLeft(at now: Date) -> Int? {
        let left = remaining(at: now)
        return left > 0 ? left : nil
    }

    /// The review after a re-score: keeps the longer of the running cool-off and the new one.
    func rescored(_ v: Verdict, at now: Date) -> Review {
        var r = self
        r.verdict = v
        let secs = max(Int(v.coolOffSeconds ?? 0), 0)
        if secs > remaining(at: now) {
            r.coolOffStart = now
            r.coolOffSeconds = secs
        }
        r.answers = answers.filter { a in v.questions.contains { $0.id == a.key } }
        return r
    }
}

enum TransferStage {
    case editing
    case invalid(String)
    case reviewing(Review)
    case stopped(Verdict)
    case sent(PaymentIntent)
    case cancelled
    case failed(String)
}
