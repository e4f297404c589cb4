// Call Directory extension: hands CallKit the numbers to block and to
// label, taken from the SDK, sorted ascending and de-duplicated by
// CallDirectoryPlan as CallKit requires (entries out of order or repeated
// fail the whole load).
//
// The store keeps only hashes, so CallKit's plaintext numbers can come
// only from what the SDK can name in the clear — `Guard.callDirectoryEntries()`:
//   - identification: the official numbers in the protection data
//     (95588 → "中国工商银行", 96110 → "反诈预警专线"), embedded or replaced
//     by a feed's numbers rules;
//   - blocking: the user's own block rules (kept encrypted, not hashed).
// A feed's blocklist (hashes) can't reach CallKit; README: "What a feed
// must carry for CallKit".
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
            plan = CallDirectoryPlan.make(try guardian.callDirectoryEntries())
        } catch {
            logger.error("call directory entries unavailable: \(String(describing: error), privacy: .public)")
            context.cancelRequest(withError: error)
            return
        }
        // Always a full reload: simpler than diffing, and the lists are small
        // (official numbers + the user's rules).
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
