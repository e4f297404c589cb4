// The guard as the app and its extensions open it: the encrypted store in
// the App Group container (group.org.fanzha.sample), its data key wrapped
// by KeychainKeyProvider, the log sink installed once per process. If the
// store can't be opened, the embedded default data still protects, and
// `storeProblem` says why (the Status screen shows it).
import Fanzha
import Foundation

enum SharedGuard {
    static let appGroup = "group.org.fanzha.sample"

    private static let lock = NSLock()
    private static var cached: Guard?
    private(set) static var storeProblem: String?

    static var lang: UiLang { UiLang.current }

    static func storeURL() -> URL? {
        FileManager.default.containerURL(forSecurityApplicationGroupIdentifier: appGroup)?
            .appendingPathComponent("fanzha", isDirectory: true)
            .appendingPathComponent("store.db")
    }

    static func settings() -> GuardSettings {
        let region = Locale.current.region?.identifier ?? "CN"
        return GuardSettings(region: region, locale: lang.sdkLocale)
    }

    /// The process's guard. `withStore: false` opens the embedded data
    /// only (the Message Filter extension: it may not write to the App
    /// Group container, and opening a WAL store writes).
    static func get(withStore: Bool = true) -> Guard? {
        lock.lock()
        defer { lock.unlock() }
        if let g = cached { return g }
        _ = installLogSink(sink: OSLogSink(), level: .info)
        let s = settings()
        var g: Guard?
        if withStore, let url = storeURL() {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                // The store-backed constructor of the bindings branch (a damaged store
                // is not thrown: the guard falls back itself and status().storeProblem says why).
                g = try Guard.open(settings: s, storePath: url.path, keys: KeychainKeyProvider())
            } catch {
                storeProblem = "\(error)"
            }
        }
        if g == nil {
            g = (try? Guard(settings: s)) ?? (try? Guard(settings: GuardSettings(region: "CN", locale: s.locale)))
        }
        cached = g
        return g
    }
}
