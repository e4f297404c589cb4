package org.fanzha.sample

import android.content.Context

/** The sample's few settings (SharedPreferences; nothing sensitive). */
object Prefs {
    private const val FILE = "fanzha-sample"

    private fun p(c: Context) = c.getSharedPreferences(FILE, Context.MODE_PRIVATE)

    /** Reject calls the SDK says to block (otherwise they ring, silenced, with a warning). */
    fun blockingEnabled(c: Context): Boolean = p(c).getBoolean("blocking", true)

    fun setBlockingEnabled(c: Context, b: Boolean) = p(c).edit().putBoolean("blocking", b).apply()

    /** Forward the SDK's DEBUG records to Logcat. */
    fun debugLogs(c: Context): Boolean = p(c).getBoolean("debug_logs", false)

    fun setDebugLogs(c: Context, b: Boolean) = p(c).edit().putBoolean("debug_logs", b).apply()
}
