// Pure Swift (Foundation + Fanzha only). How the app and its extensions
// open the guard: mirrors android-sample/…/logic/GuardSetup.kt, whose JVM
// tests run the same fallbacks against the real library — change both
// together.
import Fanzha
import Foundation

/// The feed publisher keys the app pins: `Resources/trusted-feed-keys.txt`
/// (the same file as the Android app's `assets/trusted-feed-keys.txt`), one
/// key per line as `fanzha feed keygen` writes it
/// (`fanzha-feed-public-key-v1 <hex>`), `#` comments and blank lines
/// ignored. Ships empty: a tester adds their publisher's `.pub` line before
/// building. The SDK parses the keys; a malformed one is `InvalidSettings`.
enum TrustedKeysFile {
    static let resource = "trusted-feed-keys"

    static func parse(_ text: String) -> [String] {
        var keys: [String] = []
        for raw in text.components(separatedBy: .newlines) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || keys.contains(line) { continue }
            keys.append(line)
        }
        return keys
    }

    /// The bundle's keys; none when the file is missing (the extensions
    /// don't carry it: they never apply feeds).
    static func load(bundle: Bundle = .main) -> [String] {
        guard let url = bundle.url(forResource: resource, withExtension: "txt"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return parse(text)
    }
}

/// The guard the app ended up with, and what it had to give up for it.
struct Opened<T> {
    let value: T
    /// The settings that worked.
    let settings: GuardSettings
    /// Why the first settings were refused (unknown region, malformed pinned key), or nil.
    let settingsProblem: String?
    /// Why the store could not be opened (the guard runs on the embedded data), or nil.
    let storeProblem: String?
}

/// Opens the guard, never leaving the app without one: the settings as
/// asked on the store; on `InvalidSettings` the same without the pinned
/// keys, then region CN with the keys, then CN without (each dropped only
/// when it is the problem); any other store failure (wrong key, Keychain
/// unavailable, a store from a newer version) → the embedded data with the
/// same settings, the reason kept for the Status screen.
enum GuardOpener {
    static let fallbackRegion = "CN"

    static func candidates(_ base: GuardSettings) -> [GuardSettings] {
        let all = [
            base,
            GuardSettings(region: base.region, locale: base.locale, trustedKeys: []),
            GuardSettings(region: fallbackRegion, locale: base.locale, trustedKeys: base.trustedKeys),
            GuardSettings(region: fallbackRegion, locale: base.locale, trustedKeys: []),
        ]
        var out: [GuardSettings] = []
        for s in all where !out.contains(s) { out.append(s) }
        return out
    }

    /// `withStore` is nil when there is no store to open.
    static func open<T>(_ base: GuardSettings,
                        withStore: ((GuardSettings) throws -> T)?,
                        embedded: (GuardSettings) throws -> T) throws -> Opened<T> {
        var settingsProblems: [String] = []
        var storeProblem: String?
        var useStore = withStore != nil
        let tries = candidates(base)
        var i = 0
        var last: Error?
        while i < tries.count {
            let s = tries[i]
            do {
                let value: T
                if useStore, let withStore {
                    value = try withStore(s)
                } else {
                    value = try embedded(s)
                }
                var unique: [String] = []
                for p in settingsProblems where !unique.contains(p) { unique.append(p) }
                return Opened(value: value, settings: s,
                              settingsProblem: unique.isEmpty ? nil : unique.joined(separator: "; "),
                              storeProblem: storeProblem)
            } catch FanzhaError.InvalidSettings(let why) {
                settingsProblems.append(why)
                last = FanzhaError.InvalidSettings(why: why)
                i += 1
            } catch {
                if !useStore { throw error }
                // The store can't be used: the embedded data, same settings.
                storeProblem = describe(error)
                useStore = false
            }
        }
        throw last ?? FanzhaError.InvalidSettings(why: "no settings to try")
    }

    /// A failure as Status shows it (FanzhaError carries no user data;
    /// anything else: its type only).
    static func describe(_ error: Error) -> String {
        if let e = error as? FanzhaError { return "\(e)" }
        return String(describing: type(of: error))
    }
}
