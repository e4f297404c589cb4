// Message Filter extension: iOS asks it about SMS/MMS from senders not in
// the contacts. Each message goes through the SDK's message check and
// Policy.messageFilter (the same rule as the Kotlin twin the JVM tests
// exercise): suspicious/dangerous → Junk (links disabled), trusted sender or
// a verification code → Transaction, marketing → Promotion, else None.
//
// Runs offline (no deferral to a server) and never writes: the extension
// may not write to the App Group container, so it opens the embedded
// protection data only (a read-only store open would let it use feeds and
// the user's rules: README).
import Fanzha
import Foundation
import IdentityLookup
import os

final class MessageFilterExtension: ILMessageFilterExtension {
    private let logger = Logger(subsystem: "org.fanzha.sample", category: "message-filter")
}

extension MessageFilterExtension: ILMessageFilterQueryHandling, ILMessageFilterCapabilitiesQueryHandling {
    func handle(_ capabilitiesQueryRequest: ILMessageFilterCapabilitiesQueryRequest,
                context: ILMessageFilterExtensionContext,
                completion: @escaping (ILMessageFilterCapabilitiesQueryResponse) -> Void) {
        let response = ILMessageFilterCapabilitiesQueryResponse()
        response.transactionalSubActions = [.transactionalOthers, .transactionalFinance]
        response.promotionalSubActions = [.promotionalOthers]
        completion(response)
    }

    func handle(_ queryRequest: ILMessageFilterQueryRequest,
                context: ILMessageFilterExtensionContext,
                completion: @escaping (ILMessageFilterQueryResponse) -> Void) {
        let response = ILMessageFilterQueryResponse()
        response.action = .none
        guard let body = queryRequest.messageBody, !body.isEmpty,
              let guardian = SharedGuard.get(withStore: false) else {
            completion(response)
            return
        }
        do {
            let verdict = try guardian.checkMessage(sender: queryRequest.sender, body: body)
            let decision = Policy.messageFilter(verdict)
            response.action = Self.action(decision.action)
            response.subAction = Self.subAction(decision.subAction)
        } catch {
            // FanzhaError never carries the message; leave it to the system.
            logger.error("message check failed: \(String(describing: error), privacy: .public)")
        }
        completion(response)
    }

    static func action(_ a: FilterAction) -> ILMessageFilterAction {
        switch a {
        case .none: return .none
        case .allow: return .allow
        case .junk: return .junk
        case .promotion: return .promotion
        case .transaction: return .transaction
        }
    }

    static func subAction(_ s: FilterSubAction) -> ILMessageFilterSubAction {
        switch s {
        case .none: return .none
        case .transactionalOthers: return .transactionalOthers
        case .transactionalFinance: return .transactionalFinance
        case .promotionalOthers: return .promotionalOthers
        }
    }
}
