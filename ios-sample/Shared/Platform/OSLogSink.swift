// The SDK's log records → os.Logger (subsystem org.fanzha.sample, category
// = the Rust module). The SDK logs no user data at info and above, so
// those are public; debug and trace may carry details and stay private
// (redacted in Console unless a profile enables them).
import Fanzha
import Foundation
import os

final class OSLogSink: LogSink {
    private let logger = Logger(subsystem: "org.fanzha.sample", category: "sdk")

    func log(record: LogRecord) throws {
        let target = record.target
        let message = record.message.count > 2000 ? String(record.message.prefix(2000)) + "…" : record.message
        switch record.level {
        case .error: logger.error("[\(target, privacy: .public)] \(message, privacy: .public)")
        case .warn: logger.warning("[\(target, privacy: .public)] \(message, privacy: .public)")
        case .info: logger.info("[\(target, privacy: .public)] \(message, privacy: .public)")
        case .debug: logger.debug("[\(target, privacy: .public)] \(message, privacy: .private)")
        case .trace: logger.trace("[\(target, privacy: .public)] \(message, privacy: .private)")
        }
    }
}
