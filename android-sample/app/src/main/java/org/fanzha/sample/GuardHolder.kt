package org.fanzha.sample

import android.content.Context
import android.telephony.TelephonyManager
import android.util.Log
import org.fanzha.FanzhaException
import org.fanzha.Guard
import org.fanzha.GuardSettings
import org.fanzha.sample.logic.TrustedKeysFile
import org.fanzha.sample.logic.UiLang
import java.io.File
import java.util.Locale

/**
 * The one Guard of the process, shared by the screens, the call screener
 * and the SMS receiver (the SDK's journey — "a flagged call, then a
 * transfer" — only works if they share it).
 *
 * Opened with the encrypted store in the app's private files, its data
 * key wrapped by [KeystoreKeyProvider]. If the store can't be opened
 * (wrong key after a restore, damaged file, Keystore unavailable), the app
 * still protects with the embedded default data and the Status screen
 * says why — it never runs unprotected, and never silently.
 */
object GuardHolder {
    private const val TAG = "FanzhaSample"

    @Volatile
    private var guard: Guard? = null

    /** Why the store could not be used (shown on Status), or null. */
    @Volatile
    var storeProblem: String? = null
        private set

    /** Why the first settings were refused (region, a malformed pinned key), or null. */
    @Volatile
    var settingsProblem: String? = null
        private set

    /** The UI language, from the device locale when the process started. */
    val lang: UiLang = UiLang.fromLocaleTag(Locale.getDefault().toLanguageTag())

    fun storeFile(context: Context): File = File(context.noBackupFilesDir, "fanzha/store.db")

    /** The guard, opening it on first use (call off the main thread when you can). */
    fun get(context: Context): Guard = guard ?: synchronized(this) {
        guard ?: open(context.applicationContext).also { guard = it }
    }

    /** Drops the guard so the next [get] reopens it (after a reset). */
    fun reset() = synchronized(this) {
        guard?.close()
        guard = null
        storeProblem = null
        settingsProblem = null
    }

    private fun open(context: Context): Guard {
        val base = GuardSettings(region = region(context), locale = lang.sdkLocale, trustedKeys = trustedKeys(context))
        // A region without numbering data, or a malformed pinned key, is an
        // InvalidSettings error: retry with CN, then without the keys (feed
        // apply then refuses every feed, and Status says why).
        val attempts = listOf(base, base.copy(region = "CN"), base.copy(region = "CN", trustedKeys = emptyList()))
        for ((i, settings) in attempts.withIndex()) {
            try {
                return openWithStore(context, settings)
            } catch (e: FanzhaException.InvalidSettings) {
                if (i == attempts.lastIndex) throw e
                settingsProblem = e.why
            } catch (e: FanzhaException) {
                storeProblem = "${e::class.simpleName}: ${e.message}"
                Log.w(TAG, "store unavailable, using the embedded data: ${e::class.simpleName}")
                return embedded(settings)
            }
        }
        return embedded(attempts.last())
    }

    /**
     * The store-backed guard: `Guard.open(settings, storePath, keys)` (the
     * bindings branch's store constructor). A damaged store is not an
     * exception there: the guard falls back to the embedded data itself
     * and `status().storeProblem` says why (shown on Status).
     */
    private fun openWithStore(context: Context, settings: GuardSettings): Guard {
        val file = storeFile(context)
        file.parentFile?.mkdirs()
        return Guard.open(settings, file.absolutePath, KeystoreKeyProvider())
    }

    private fun embedded(settings: GuardSettings): Guard = try {
        Guard(settings)
    } catch (e: FanzhaException.InvalidSettings) {
        Guard(GuardSettings(region = "CN", locale = settings.locale))
    }

    /** The pinned feed publisher keys (assets/trusted-feed-keys.txt). */
    private fun trustedKeys(context: Context): List<String> = try {
        context.assets.open(TrustedKeysFile.FILE_NAME).bufferedReader().use { TrustedKeysFile.parse(it.readText()) }
    } catch (e: java.io.IOException) {
        emptyList()
    }

    /** ISO region of the SIM, then the network, then "CN". */
    private fun region(context: Context): String {
        val tm = context.getSystemService(TelephonyManager::class.java)
        val iso = tm?.simCountryIso?.takeIf { it.length == 2 }
            ?: tm?.networkCountryIso?.takeIf { it.length == 2 }
        return iso?.uppercase(Locale.ROOT) ?: "CN"
    }
}
