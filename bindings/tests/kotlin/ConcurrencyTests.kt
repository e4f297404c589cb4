package org.fanzha.tests

import org.fanzha.Level
import org.fanzha.testing.*
import java.util.concurrent.CountDownLatch
import java.util.concurrent.atomic.AtomicInteger
import java.util.concurrent.atomic.AtomicReference
import kotlin.concurrent.thread

object ConcurrencyTests : Suite("concurrency") {
    /** 8 threads hammer one shared guard; `during` runs meanwhile on this thread. */
    fun hammer(iterations: Int, during: () -> Unit = {}): Int {
        val guard = Fixtures.guard
        val start = CountDownLatch(1)
        val done = AtomicInteger()
        val failure = AtomicReference<Throwable?>(null)
        val threads = (0 until 8).map { t ->
            thread(name = "checker-$t") {
                try {
                    start.await()
                    repeat(iterations) { i ->
                        val spoof = guard.checkNumber("+86 95588 ${1000 + (i % 9000)}", Fixtures.call)
                        if (spoof.level != Level.DANGEROUS) fail("thread $t: spoof came back ${spoof.level}")
                        val official = guard.checkNumber("95588", Fixtures.call)
                        if (official.level != Level.TRUSTED) fail("thread $t: official came back ${official.level}")
                        done.addAndGet(2)
                    }
                } catch (e: Throwable) {
                    failure.compareAndSet(null, e)
                }
            }
        }
        start.countDown()
        during()
        threads.forEach { it.join() }
        failure.get()?.let { throw it }
        return done.get()
    }

    init {
        test("8 threads checking one shared guard get consistent verdicts") {
            val n = hammer(500)
            assertEquals(8 * 500 * 2, n, "checks done")
        }
    }
}
