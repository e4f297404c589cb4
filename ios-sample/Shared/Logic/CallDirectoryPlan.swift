// Pure Swift (Foundation only): turns the SDK's call-directory entries into
// what CallKit accepts. CallKit wants every number as an Int64 — country
// code + national number, no "+" — added in strictly ascending order, each
// number once per list (a violation fails the whole load with
// CXErrorCodeCallDirectoryManagerError.entriesOutOfOrder / duplicateEntries).
import Foundation

struct DirectoryNumber: Equatable {
    /// CXCallDirectoryPhoneNumber.
    let number: Int64
    let label: String
}

struct CallDirectoryPlan: Equatable {
    /// Ascending, unique.
    var blocking: [Int64] = []
    /// Ascending, unique numbers.
    var identification: [DirectoryNumber] = []
    /// Entries that could not be turned into a CallKit number (counted, not kept).
    var skipped: Int = 0

    /// Longest E.164 number: 15 digits.
    static let maxDigits = 15

    /// "+86 95588 0000" → 86955880000; "95588" (a national short number,
    /// as the SDK normalizes official hotlines) → countryCode + 95588.
    /// Nil for anything else (letters, too long, empty).
    static func callKitNumber(_ raw: String, countryCode: String) -> Int64? {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        let international = trimmed.hasPrefix("+")
        let digits = trimmed.filter { $0.isASCII && $0.isNumber }
        let allowed = trimmed.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "+" || $0 == " " || $0 == "-" }
        guard allowed, !digits.isEmpty else { return nil }
        let full = international ? digits : countryCode + digits
        guard full.count <= maxDigits, full.first != "0" else { return nil }
        return Int64(full)
    }

    /// Builds the plan. `blocked` and `identified` may be in any order and
    /// contain duplicates; for a number identified twice, the first label wins.
    static func make(blocked: [String], identified: [(number: String, label: String)], countryCode: String) -> CallDirectoryPlan {
        var plan = CallDirectoryPlan()
        var block = Set<Int64>()
        for raw in blocked {
            if let n = callKitNumber(raw, countryCode: countryCode) { block.insert(n) } else { plan.skipped += 1 }
        }
        var labels: [Int64: String] = [:]
        for (raw, label) in identified {
            guard let n = callKitNumber(raw, countryCode: countryCode), !label.isEmpty else { plan.skipped += 1; continue }
            if labels[n] == nil { labels[n] = label }
        }
        plan.blocking = block.sorted()
        plan.identification = labels.keys.sorted().map { DirectoryNumber(number: $0, label: labels[$0]!) }
        return plan
    }
}
