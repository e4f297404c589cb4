// Times checks called from Kotlin through the generated bindings (JNA):
// warm-up, then N timed calls one at a time; prints the median and p99 of
// wall time per call, and the median CPU time per call over batches of 1000
// (the thread's own CPU time: steadier than wall time on a loaded machine,
// where the scheduler's waits land in the wall figures). A figure to quote,
// never an assertion. Baselines: `feedVersion` and `fraudTypeId` are calls
// that do (almost) nothing in Rust, i.e. the binding's own cost.
//
// Run: bindings/scripts/bench-kotlin.sh (release-small library), or as the
// last step of bindings/scripts/test-kotlin.sh (whatever library it built).
package org.fanzha.bench

import org.fanzha.Channel
import org.fanzha.Guard
import org.fanzha.GuardSettings
import org.fanzha.FraudType
import org.fanzha.NumberContext
import org.fanzha.fraudTypeId
import java.lang.management.ManagementFactory

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
        val mx = ManagementFactory.getThreadMXBean()
        val batches = maxOf(1, runs / 1000)
        val cpu = LongArray(batches)
        for (b in 0 until batches) {
            val c0 = mx.currentThreadCpuTime
            for (i in 0 until 1000) call(i)
            cpu[b] = mx.currentThreadCpuTime - c0
        }
        cpu.sort()
        val cpuMedian = cpu[batches / 2] / 1000.0 / 1000.0
        println(
            String.format(
                "bench %-32s wall median %8.2f µs  p99 %9.2f µs | cpu median %7.2f µs  (%d calls after %d warm-up)",
                label, median, p99, cpuMedian, runs, warmup,
            ),
        )
    }

    @JvmStatic
    fun main(args: Array<String>) {
        val runs = args.firstOrNull()?.toIntOrNull() ?: 50_000
        val warmup = runs / 2
        val guard = Guard(GuardSettings())
        val ctx = NumberContext(Channel.CALL)
        val numbers = Array(1024) { "+86 138 ${1000 + it} ${5678}" }
        measure("feedVersion (baseline)", warmup, runs) { guard.feedVersion() }
        measure("fraudTypeId (baseline)", warmup, runs) { fraudTypeId(FraudType.OTHER) }
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
