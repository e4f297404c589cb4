// Pure Swift (Foundation + Fanzha only): the SDK's call-directory entries
// made safe for CallKit. CallKit wants every number as an Int64 — country
// code + national number, no "+" — added in strictly ascending order, each
// once per list; a violation fails the whole load
// (CXErrorCodeCallDirectoryManagerError.entriesOutOfOrder / duplicateEntries).
// The SDK already returns them that way (fanzha_core::directory, tested in
// Rust and from Kotlin); this re-checks rather than trusts, because one bad
// entry would cost the user every entry.
import Fanzha
import Foundation

struct CallDirectoryPlan: Equatable {
    /// Ascending, unique.
    var blocking: [Int64] = []
    /// Ascending, unique numbers.
    var identification: [DirectoryEntry] = []
    /// Entries dropped (not a valid number, empty label, duplicate).
    var skipped = 0

    /// Largest CallKit number: 15 digits (E.164).
    static let maxNumber: Int64 = 999_999_999_999_999

    static func make(_ entries: CallDirectoryEntries) -> CallDirectoryPlan {
        var plan = CallDirectoryPlan()
        let blocked = entries.blocking.filter { $0 > 0 && $0 <= maxNumber }
        plan.blocking = Array(Set(blocked)).sorted()
        plan.skipped += entries.blocking.count - plan.blocking.count

        var seen = Set<Int64>()
        for e in entries.identification.sorted(by: { $0.number < $1.number }) {
            guard e.number > 0, e.number <= maxNumber, !e.label.isEmpty, seen.insert(e.number).inserted else {
                plan.skipped += 1
                continue
            }
            plan.identification.append(e)
        }
        return plan
    }
}
