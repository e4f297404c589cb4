// Plain Kotlin (no Android imports): see VerdictView.kt.
package org.fanzha.sample.logic

import org.fanzha.Level

/**
 * The calls this process screened lately — in memory only, never stored:
 * how often a number called in the last hour (the SDK's
 * `callsLastHour`), and who the current call is with. TelephonyManager
 * gives the call state but, without READ_CALL_LOG, not the number; the
 * app's own call screener saw it. Times are a monotonic clock in ms
 * (Android: SystemClock.elapsedRealtime()).
 */
class RecentCalls(private val max: Int = 64) {
    data class Seen(val number: String, val level: Level, val atMs: Long)

    private val seen = ArrayDeque<Seen>()

    /** Calls from `number` in the hour before `now`. */
    @Synchronized
    fun countLastHour(number: String, now: Long): Int =
        seen.count { it.number == number && now - it.atMs in 0..HOUR_MS }

    @Synchronized
    fun onScreened(number: String, level: Level, now: Long) {
        seen.addLast(Seen(number, level, now))
        while (seen.size > max) seen.removeFirst()
    }

    /** The last call screened within `withinMs` before `now`, if any. */
    @Synchronized
    fun last(withinMs: Long, now: Long): Seen? =
        seen.lastOrNull()?.takeIf { now - it.atMs in 0..withinMs }

    companion object {
        const val HOUR_MS = 60 * 60 * 1000L

        /** The process-wide log the call screener writes and the transfer screen reads. */
        val shared = RecentCalls()
    }
}
