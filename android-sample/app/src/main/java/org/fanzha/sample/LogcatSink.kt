package org.fanzha.sample

import android.util.Log
import org.fanzha.LogRecord
import org.fanzha.LogSink
import org.fanzha.sample.logic.LogFormat

/**
 * The SDK's log records → Logcat. Called from whatever thread logged;
 * Log.println is thread-safe and never throws for these arguments. The
 * SDK logs no user data at INFO and above; DEBUG (Status → "Debug logs")
 * may carry details, so it is off by default.
 */
class LogcatSink : LogSink {
    override fun log(record: LogRecord) {
        Log.println(LogFormat.priority(record.level), LogFormat.TAG, LogFormat.line(record.target, record.message))
    }
}
