// Plain Kotlin (no Android imports): see VerdictView.kt.
//
// How the app opens its one guard, decided here so the JVM tests can run
// it against the real library: the settings it tries, in which order, and
// what it tells the tester when something had to give. GuardHolder (the
// Android side) only supplies the region, the pinned keys and the two
// constructors. ios-sample/Shared/Logic/GuardSetup.swift mirrors it.
package org.fanzha.sample.logic

import org.fanzha.FanzhaException
import org.fanzha.GuardSettings

/**
 * The feed publisher keys the app pins: a text file shipped with the app
 * (`assets/trusted-feed-keys.txt`, iOS `Resources/trusted-feed-keys.txt`),
 * one key per line as `fanzha feed keygen` writes it
 * (`fanzha-feed-public-key-v1 <hex>`), `#` comments and blank lines
 * ignored. Empty by default: a tester adds their test publisher's `.pub`
 * line before building. The SDK parses the keys (a malformed one is an
 * `InvalidSettings` error, handled by [GuardOpener]).
 */
object TrustedKeysFile {
    const val FILE_NAME = "trusted-feed-keys.txt"

    fun parse(text: String): List<String> =
        text.lineSequence().map { it.trim() }.filter { it.isNotEmpty() && !it.startsWith("#") }.distinct().toList()
}

/** The guard the app ended up with, and what it had to give up for it. */
data class Opened<T>(
    val guard: T,
    /** The settings that worked. */
    val settings: GuardSettings,
    /** Why the first settings were refused (unknown region, malformed pinned key), or null. */
    val settingsProblem: String?,
    /** Why the store could not be opened (the guard runs on the embedded data), or null. */
    val storeProblem: String?,
)

/**
 * Opens the guard, never leaving the app without one:
 *
 * 1. the settings as asked (region from the SIM, the pinned keys) on the
 *    encrypted store;
 * 2. an `InvalidSettings` answer (a region without numbering data, a
 *    malformed pinned key) → the same without the pinned keys, then region
 *    CN with the keys, then CN without: the keys are dropped only when
 *    they are the problem, and the region only when it is;
 * 3. any other failure of the store (wrong key after a restore, Keystore
 *    unavailable, a store from a newer version) → the embedded data with
 *    the same settings, and the reason is kept for the Status screen.
 *
 * A damaged store file is not an exception (the SDK falls back by itself
 * and `status().storeProblem` says why).
 */
object GuardOpener {
    fun candidates(base: GuardSettings): List<GuardSettings> = listOf(
        base,
        base.copy(trustedKeys = emptyList()),
        base.copy(region = FALLBACK_REGION),
        base.copy(region = FALLBACK_REGION, trustedKeys = emptyList()),
    ).distinct()

    /**
     * `withStore` is null when the app has no store to open (then the
     * embedded data is used and no store problem is reported).
     */
    fun <T> open(
        base: GuardSettings,
        withStore: ((GuardSettings) -> T)?,
        embedded: (GuardSettings) -> T,
    ): Opened<T> {
        val settingsProblems = mutableListOf<String>()
        var storeProblem: String? = null
        var useStore = withStore != null
        val tries = candidates(base)
        var i = 0
        var last: FanzhaException? = null
        while (i < tries.size) {
            val s = tries[i]
            try {
                val g = if (useStore) withStore!!(s) else embedded(s)
                val problem = settingsProblems.distinct().joinToString("; ").ifEmpty { null }
                return Opened(g, s, problem, storeProblem)
            } catch (e: FanzhaException.InvalidSettings) {
                settingsProblems += e.why
                last = e
                i++
            } catch (e: FanzhaException) {
                if (!useStore) throw e
                // The store can't be used: the embedded data, same settings.
                storeProblem = describe(e)
                useStore = false
            }
        }
        throw last ?: IllegalStateException("no settings to try")
    }

    /** A failure as the Status screen shows it (FanzhaException messages carry no user data). */
    fun describe(e: FanzhaException): String = "${e::class.simpleName}: ${e.message}"

    const val FALLBACK_REGION = "CN"
}
