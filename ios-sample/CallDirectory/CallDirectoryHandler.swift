// Call Directory extension: hands CallKit the numbers to block and to
// label, taken from the SDK, sorted ascending and de-duplicated by
// CallDirectoryPlan as CallKit requires (entries out of order or repeated
// fail the whole load).
//
// The store keeps only hashes, so CallKit's plaintext numbers can come
// only from what the SDK can name in the clear:
//   - identification: the official numbers in the protection data
//     (95588 → "中国工商银行", 96110 → "反诈预警专线"), embedded or replaced
//     by a feed's numbers rules;
//   - blocking: the user's own block rules (kept encrypted, decryptable)
//     and, if a publisher ships one, a feed section of plaintext numbers
//     meant for call blocking (README: "What a feed must carry for CallKit").
// API: `Guard.callDirectoryEntries()` — a hook the SDK does not have yet
// (see README and the report); this file is written against it.
import CallKit
import Fanzha
import Foundation
import os

final class CallDirectoryHandler: CXCallDirectoryProvider {
    private let logger = Logger(subsystem: "org.fanzha.sample", category: "call-directory")

    override func beginRequest(with context: CXCallDirectoryExtensionContext) {
        context.delegate = self
        guard let guardian = SharedGuard.get() else {
            context.cancelRequest(withError: NSError(domain: "org.fanzha.sample", code: 1))
            return
        }
        let plan: CallDirectoryPlan
        do {
            let entries = try guardian.callDirectoryEntries()
            plan = CallDirectoryPlan.make(
                blocked: entries.blocking,
                identified: entries.identification.map { (number: $0.number, label: $0.label) },
                countryCode: entries.countryCode)
        } catch {
            logger.error("call directory entries unavailable: \(String(describing: error), privacy: .public)")
            context.cancelRequest(withError: error)
            return
        }
        // Always a full reload: simpler than diffing, and the lists are small
        // (official numbers + the user's rules + a feed's call list).
        if context.isIncremental {
            context.removeAllBlockingEntries()
            context.removeAllIdentificationEntries()
        }
        for number in plan.blocking {
            context.addBlockingEntry(withNextSequentialPhoneNumber: number)
        }
        for entry in plan.identification {
            context.addIdentificationEntry(withNextSequentialPhoneNumber: entry.number, label: entry.label)
        }
        logger.info("loaded \(plan.blocking.count) blocking, \(plan.identification.count) identification entries (\(plan.skipped) skipped)")
        context.completeRequest()
    }
}

extension CallDirectoryHandler: CXCallDirectoryExtensionContextDelegate {
    func requestFailed(for extensionContext: CXCallDirectoryExtensionContext, withError error: Error) {
        logger.error("call directory request failed: \(String(describing: error), privacy: .public)")
    }
}
