package org.fanzha.sample

import android.app.Application
import org.fanzha.LogLevel
import org.fanzha.installLogSink
import kotlin.concurrent.thread

/**
 * Installs the SDK's log sink (→ Logcat, tag "Fanzha") once per process,
 * creates the notification channels, and opens the shared guard in the
 * background so the first screened call does not wait for the store.
 */
class SampleApp : Application() {
    override fun onCreate() {
        super.onCreate()
        installLogSink(LogcatSink(), if (Prefs.debugLogs(this)) LogLevel.DEBUG else LogLevel.INFO)
        Alerts.createChannels(this)
        thread(name = "fanzha-open", isDaemon = true) { GuardHolder.get(this) }
    }
}
