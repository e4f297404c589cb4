package org.fanzha.tests

import org.fanzha.Action
import org.fanzha.Channel
import org.fanzha.FanzhaException
import org.fanzha.FeedRefusal
import org.fanzha.FraudType
import org.fanzha.Guard
import org.fanzha.GuardSettings
import org.fanzha.Level
import org.fanzha.NumberContext
import org.fanzha.testing.*
import java.io.File
import java.util.concurrent.ConcurrentHashMap

/**
 * Signed feeds built by bindings/scripts/test-kotlin.sh with the `fanzha`
 * CLI (our own made-up test entries), in the directory named by the
 * `fanzha.fixtures` system property.
 */
object FeedFixtures {
    val dir = File(System.getProperty("fanzha.fixtures") ?: error("fanzha.fixtures is not set"))
    fun bytes(name: String) = File(dir, name).readBytes()
    val publicKey: String get() = File(dir, "publisher.key.pub").readText().trim()

    /** A number and a link the test feeds list. */
    const val NUMBER = "+86 170 0000 1234"
    const val LINK = "http://fake-bank-login.top/verify"

    fun openGuard(seed: Byte = 20): Guard =
        Guard.open(GuardSettings(locale = "en", trustedKeys = listOf(publicKey)), StoreTests.tempStore(), TestKeyProvider(seed))
}

object FeedTests : Suite("applyFeed") {
    val call = NumberContext(Channel.CALL)

    init {
        test("a signed feed turns its number dangerous, with its fraud type; status shows it") {
            FeedFixtures.openGuard().use { g ->
                assertEquals(Level.CLEAR, g.checkNumber(FeedFixtures.NUMBER, call).level, "before")
                val applied = g.applyFeed(FeedFixtures.bytes("v1.feed"))
                assertEquals("test", applied.feedId, "feed id")
                assertEquals(1L, applied.version, "version")
                assertTrue(applied.feedVersion.contains("test")) { "guard version ${applied.feedVersion}" }
                val v = g.checkNumber(FeedFixtures.NUMBER, call)
                assertEquals(Level.DANGEROUS, v.level, "after")
                assertEquals(FraudType.IMPERSONATE_AUTHORITY, v.fraudType, "fraud type")
                assertEquals(applied.feedVersion, v.feedVersion, "verdict feed version")
                val s = g.status()
                assertEquals(1, s.feeds.size, "feeds")
                assertEquals(1L, s.feeds[0].numbers, "numbers listed")
                assertFalse(s.stale) { "fresh feed reported stale" }
            }
        }

        test("a newer feed applies; replaying an older one is refused and changes nothing") {
            FeedFixtures.openGuard().use { g ->
                g.applyFeed(FeedFixtures.bytes("v1.feed"))
                g.applyFeed(FeedFixtures.bytes("v2.feed"))
                assertEquals(Level.DANGEROUS, g.checkLink(FeedFixtures.LINK).level, "link listed by v2")
                val before = g.status().feedVersion
                val e = assertThrows<FanzhaException.Feed> { g.applyFeed(FeedFixtures.bytes("v1.feed")) }
                assertEquals(FeedRefusal.ROLLBACK, e.reason, "a replay is typed as a rollback")
                assertEquals(before, g.status().feedVersion, "version after a refused rollback")
            }
        }

        test("a feed signed by an untrusted key is a Feed exception") {
            FeedFixtures.openGuard().use { g ->
                val e = assertThrows<FanzhaException.Feed> { g.applyFeed(FeedFixtures.bytes("untrusted.feed")) }
                assertEquals(FeedRefusal.UNTRUSTED_KEY, e.reason, "typed refusal")
                assertEquals(Level.CLEAR, g.checkNumber(FeedFixtures.NUMBER, call).level, "nothing applied")
            }
        }

        test("a damaged or truncated feed is a Feed exception, and garbage too") {
            FeedFixtures.openGuard().use { g ->
                val corrupt = assertThrows<FanzhaException.Feed> { g.applyFeed(FeedFixtures.bytes("corrupt.feed")) }
                assertTrue(corrupt.reason == FeedRefusal.BAD_SIGNATURE || corrupt.reason == FeedRefusal.MALFORMED) {
                    "damaged bytes near the end: ${corrupt.reason}"
                }
                val v1 = FeedFixtures.bytes("v1.feed")
                assertThrows<FanzhaException.Feed> { g.applyFeed(v1.copyOf(v1.size / 2)) }
                val empty = assertThrows<FanzhaException.Feed> { g.applyFeed(ByteArray(0)) }
                assertEquals(FeedRefusal.MALFORMED, empty.reason, "an empty feed")
                val junk = assertThrows<FanzhaException.Feed> { g.applyFeed("not a feed at all".toByteArray()) }
                assertEquals(FeedRefusal.MALFORMED, junk.reason, "not a feed")
                assertEquals(Level.CLEAR, g.checkNumber(FeedFixtures.NUMBER, call).level, "nothing applied")
            }
        }

        test("a malformed pinned key is an InvalidSettings exception") {
            assertThrows<FanzhaException.InvalidSettings> {
                Guard(GuardSettings(trustedKeys = listOf("fanzha-feed-public-key-v1 nothex")))
            }
        }

        test("applying a feed without a store is refused") {
            val g = Guard(GuardSettings(trustedKeys = listOf(FeedFixtures.publicKey)))
            assertThrows<FanzhaException> { g.applyFeed(FeedFixtures.bytes("v1.feed")) }
            g.close()
        }

        test("8 threads keep checking while feeds are applied: every answer is the old or the new one") {
            FeedFixtures.openGuard(21).use { g ->
                val threads = 8
                val seen = ConcurrentHashMap<Level, Int>()
                val stop = java.util.concurrent.atomic.AtomicBoolean(false)
                val failure = java.util.concurrent.atomic.AtomicReference<Throwable?>(null)
                val counts = java.util.concurrent.atomic.AtomicLong()
                val workers = (0 until threads).map { t ->
                    kotlin.concurrent.thread(name = "feed-checker-$t") {
                        try {
                            while (!stop.get()) {
                                val v = g.checkNumber(FeedFixtures.NUMBER, call)
                                if (v.level != Level.CLEAR && v.level != Level.DANGEROUS) fail("unexpected ${v.level}")
                                seen.merge(v.level, 1, Int::plus)
                                val official = g.checkNumber("95588", call)
                                if (official.level != Level.TRUSTED) fail("official came back ${official.level}")
                                g.checkLink(FeedFixtures.LINK)
                                counts.addAndGet(3)
                            }
                        } catch (e: Throwable) {
                            failure.compareAndSet(null, e)
                        }
                    }
                }
                Thread.sleep(100)
                g.applyFeed(FeedFixtures.bytes("v1.feed"))
                Thread.sleep(100)
                g.applyFeed(FeedFixtures.bytes("v2.feed"))
                Thread.sleep(100)
                stop.set(true)
                workers.forEach { it.join() }
                failure.get()?.let { throw it }
                assertTrue(counts.get() > 0) { "no checks ran" }
                // After the applies every thread sees the new data.
                val after = (0 until threads).map { g.checkNumber(FeedFixtures.NUMBER, call).level }.toSet()
                assertEquals(setOf(Level.DANGEROUS), after, "levels after the applies")
                assertEquals(Action.BLOCK, g.checkLink(FeedFixtures.LINK).action, "link action after v2")
                assertTrue(seen.containsKey(Level.DANGEROUS)) { "no thread saw the new data: $seen" }
            }
        }

        test("8 threads checking a listed number while 10 feeds apply: no wrong verdict, full protection") {
            FeedFixtures.openGuard(seed = 23).use { g ->
                g.applyFeed(FeedFixtures.bytes("v1.feed"))
                val stop = java.util.concurrent.atomic.AtomicBoolean(false)
                val wrong = java.util.concurrent.atomic.AtomicInteger()
                val checks = java.util.concurrent.atomic.AtomicInteger()
                val firstWrong = java.util.concurrent.atomic.AtomicReference<String?>(null)
                val workers = (0 until 8).map { t ->
                    kotlin.concurrent.thread(name = "never-clear-$t") {
                        while (!stop.get()) {
                            val v = g.checkNumber(FeedFixtures.NUMBER, call)
                            if (v.level != Level.DANGEROUS || v.protection != org.fanzha.Protection.FULL) {
                                wrong.incrementAndGet()
                                firstWrong.compareAndSet(null, "${v.level} ${v.protection} ${v.reasons.map { it.code }}")
                            }
                            checks.incrementAndGet()
                        }
                    }
                }
                for (v in 3..12) g.applyFeed(FeedFixtures.bytes("v$v.feed"))
                stop.set(true)
                workers.forEach { it.join() }
                assertTrue(checks.get() > 0) { "no checks ran" }
                assertEquals(0, wrong.get(), "wrong verdicts of ${checks.get()} (first: ${firstWrong.get()})")
                assertEquals(false, g.refresh(), "refresh after own applies")
            }
        }
    }
}
