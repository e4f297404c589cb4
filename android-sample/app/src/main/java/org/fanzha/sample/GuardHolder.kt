package org.fanzha.sample

import android.content.Context
import android.telephony.TelephonyManager
import android.util.Log
import org.fanzha.Guard
import org.fanzha.GuardSettings
import org.fanzha.sample.logic.GuardOpener
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

    /** How many feed publisher keys the app pins (0: every feed is refused). */
    @Volatile
    var pinnedKeys: Int = 0
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
        pinnedKeys = 0
    }

    /**
     * The store-backed guard, with the fallbacks of [GuardOpener]: never
     * without a guard, and Status says what had to give.
     */
    private fun open(context: Context): Guard {
        val base = GuardSettings(region = region(context), locale = lang.sdkLocale, trustedKeys = trustedKeys(context))
        val file = storeFile(context)
        file.parentFile?.mkdirs()
        val opened = GuardOpener.open(
            base,
            withStore = { s -> Guard.open(s, file.absolutePath, KeystoreKeyProvider()) },
            embedded = { s -> Guard(s) },
        )
        settingsProblem = opened.settingsProblem
        storeProblem = opened.storeProblem
        pinnedKeys = opened.settings.trustedKeys.size
        opened.storeProblem?.let { Log.w(TAG, "store unavailable, using the embedded data: ${it.substringBefore(':')}") }
        opened.settingsProblem?.let { Log.w(TAG, "settings refused, opened with region ${opened.settings.region}: $it") }
        return opened.guard
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
