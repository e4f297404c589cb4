// The guard as the app and its extensions open it: the encrypted store in
// the App Group container (group.org.fanzha.sample), its data key wrapped
// by KeychainKeyProvider, the feed publisher keys pinned from the bundled
// trusted-feed-keys.txt, the log sink installed once per process. The
// fallbacks are GuardOpener's (Shared/Logic/GuardSetup.swift): if the store
// can't be opened, the embedded default data still protects, and
// `storeProblem` says why (the Status screen shows it).
import Fanzha
import Foundation

enum SharedGuard {
    static let appGroup = "group.org.fanzha.sample"

    private static let lock = NSLock()
    private static var cached: Guard?
    private(set) static var storeProblem: String?
    /// Why the first settings were refused (region, a malformed pinned key), or nil.
    private(set) static var settingsProblem: String?
    /// Feed publisher keys in use (0: every feed file is refused).
    private(set) static var pinnedKeys = 0

    static var lang: UiLang { UiLang.current }

    static func storeURL() -> URL? {
        FileManager.default.containerURL(forSecurityApplicationGroupIdentifier: appGroup)?
            .appendingPathComponent("fanzha", isDirectory: true)
            .appendingPathComponent("store.db")
    }

    static func settings() -> GuardSettings {
        let region = Locale.current.region?.identifier ?? GuardOpener.fallbackRegion
        return GuardSettings(region: region, locale: lang.sdkLocale, trustedKeys: TrustedKeysFile.load())
    }

    /// The process's guard. `withStore: false` opens the embedded data
    /// only (the Message Filter extension: it may not write to the App
    /// Group container, and opening a WAL store writes). Nil only if even
    /// the embedded data can't load (a broken build).
    static func get(withStore: Bool = true) -> Guard? {
        lock.lock()
        defer { lock.unlock() }
        if let g = cached { return g }
        _ = installLogSink(sink: OSLogSink(), level: .info)
        var openStore: ((GuardSettings) throws -> Guard)?
        var noContainer: String?
        if withStore {
            if let url = storeURL() {
                openStore = { s in
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    // A damaged store is not thrown: the guard falls back
                    // itself and status().storeProblem says why.
                    return try Guard.open(settings: s, storePath: url.path, keys: KeychainKeyProvider())
                }
            } else {
                noContainer = "no App Group container \(appGroup): check the entitlements"
            }
        }
        do {
            let opened = try GuardOpener.open(settings(), withStore: openStore, embedded: { try Guard(settings: $0) })
            storeProblem = opened.storeProblem ?? noContainer
            settingsProblem = opened.settingsProblem
            pinnedKeys = opened.settings.trustedKeys.count
            cached = opened.value
            return opened.value
        } catch {
            storeProblem = GuardOpener.describe(error)
            return nil
        }
    }
}
