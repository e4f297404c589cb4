package org.fanzha.tests

import org.fanzha.LogLevel
import org.fanzha.LogRecord
import org.fanzha.LogSink
import org.fanzha.installLogSink
import org.fanzha.setLogLevel
import org.fanzha.testing.*
import java.util.concurrent.CopyOnWriteArrayList

/** The process's one sink: records land in a list the tests read. */
object CollectingSink : LogSink {
    val records = CopyOnWriteArrayList<LogRecord>()
    @Volatile var throwNext = false

    override fun log(record: LogRecord) {
        if (throwNext) {
            throwNext = false
            throw IllegalStateException("sink failure")
        }
        records += record
    }

    /** Installs the sink once per process (the SDK keeps the first). */
    val installed: Boolean by lazy { installLogSink(this, LogLevel.DEBUG) }
}

object LogTests : Suite("log sink") {
    init {
        test("the first install wins; a second returns false") {
            assertTrue(CollectingSink.installed) { "first install failed" }
            assertFalse(installLogSink(CollectingSink, LogLevel.DEBUG)) { "second install accepted" }
        }

        test("records from the core reach the sink, filtered by level") {
            CollectingSink.installed
            setLogLevel(LogLevel.TRACE)
            CollectingSink.records.clear()
            org.fanzha.Guard(org.fanzha.GuardSettings()).close()
            Fixtures.guard.checkNumber("+86 95588 0000", Fixtures.call)
            val got = CollectingSink.records.toList()
            assertTrue(got.isNotEmpty()) { "no records received" }
            assertTrue(got.all { it.target.startsWith("fanzha") }) { "targets: ${got.map { it.target }}" }

            setLogLevel(LogLevel.ERROR)
            CollectingSink.records.clear()
            org.fanzha.Guard(org.fanzha.GuardSettings()).close()
            Fixtures.guard.checkNumber("+86 95588 0000", Fixtures.call)
            assertTrue(CollectingSink.records.all { it.level == LogLevel.ERROR }) {
                "records above the level: ${CollectingSink.records}"
            }
            setLogLevel(LogLevel.DEBUG)
        }

        test("records at info and above carry no checked value") {
            CollectingSink.installed
            setLogLevel(LogLevel.TRACE)
            CollectingSink.records.clear()
            Fixtures.guard.checkNumber("+86 95588 0000", Fixtures.call)
            Fixtures.guard.checkNumber("13812345678", Fixtures.call)
            val loud = CollectingSink.records.filter { it.level in setOf(LogLevel.ERROR, LogLevel.WARN, LogLevel.INFO) }
            assertTrue(loud.none { it.message.contains("95588") || it.message.contains("13812345678") }) {
                "user data at info+: $loud"
            }
            setLogLevel(LogLevel.DEBUG)
        }

        test("a sink that throws does not break the SDK") {
            CollectingSink.installed
            setLogLevel(LogLevel.TRACE)
            CollectingSink.throwNext = true
            // Opening a guard logs at info: the sink throws on that record.
            val g = org.fanzha.Guard(org.fanzha.GuardSettings())
            assertFalse(CollectingSink.throwNext) { "the sink was not called" }
            val v = g.checkNumber("95588", Fixtures.call)
            assertEquals(org.fanzha.Level.TRUSTED, v.level, "level after a throwing sink")
            g.close()
            setLogLevel(LogLevel.DEBUG)
        }
    }
}
