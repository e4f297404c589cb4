// Times checks called from Kotlin through the generated bindings (JNA):
// warm-up, then N timed calls one at a time; prints the median and p99 per
// call. A figure to quote, never an assertion.
//
// Run: bindings/scripts/bench-kotlin.sh (release-small library), or as the
// last step of bindings/scripts/test-kotlin.sh (whatever library it built).
package org.fanzha.bench

import org.fanzha.Channel
import org.fanzha.Guard
import org.fanzha.GuardSettings
import org.fanzha.NumberContext

object Bench {
    private fun measure(label: String, warmup: Int, runs: Int, call: (Int) -> Unit) {
        repeat(warmup) { call(it) }
        val samples = LongArray(runs)
        for (i in 0 until runs) {
            val t0 = System.nanoTime()
            call(i)
            samples[i] = System.nanoTime() - t0
        }
        samples.sort()
        val median = samples[runs / 2] / 1000.0
        val p99 = samples[(runs * 99) / 100] / 1000.0
        println(String.format("bench %-36s median %8.2f µs   p99 %8.2f µs   (%d calls after %d warm-up)", label, median, p99, runs, warmup))
    }

    @JvmStatic
    fun main(args: Array<String>) {
        val runs = args.firstOrNull()?.toIntOrNull() ?: 50_000
        val warmup = runs / 2
        val guard = Guard(GuardSettings())
        val ctx = NumberContext(Channel.CALL)
        val numbers = Array(1024) { "+86 138 ${1000 + it} ${5678}" }
        measure("checkNumber (clear mobile)", warmup, runs) { guard.checkNumber(numbers[it and 1023], ctx) }
        measure("checkNumber (spoofed hotline)", warmup, runs) { guard.checkNumber("+86 95588 0000", ctx) }
        for (extra in args.drop(1)) {
            // Optional: "link" / "message" once those checks exist.
            when (extra) {
                "link" -> measure("checkLink", warmup, runs) { guard.checkLink("http://icbc.com.cn@evil.top/login") }
                "message" -> measure("checkMessage", warmup, runs) {
                    guard.checkMessage("95588", "【工商银行】您的账户存在异常，请点击 http://icbc-verify.top 验证")
                }
            }
        }
        guard.close()
    }
}
