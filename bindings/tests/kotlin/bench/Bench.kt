// Times checks called from Kotlin through the generated bindings (JNA):
// warm-up, then N timed calls one at a time; prints the median and p99 of
// wall time per call, and the median CPU time per call over batches of 1000
// (the thread's own CPU time: steadier than wall time on a loaded machine,
// where the scheduler's waits land in the wall figures). Figures to quote,
// never assertions.
//
// Four parts:
// - single calls: `feedVersion` and `fraudTypeId` are calls that do (almost)
//   nothing in Rust — the binding's own floor — beside the checks;
// - the same checks through `FastGuard` (one JNA direct-mapped call each),
//   and an empty direct call (its floor);
// - where a call's time goes: the pieces every generated call is made of
//   (cloning the object handle, allocating and freeing an argument buffer,
//   lowering a string or a record, lifting a verdict), each timed alone
//   through the generated code's own (module-internal) helpers;
// - batches: lowering 1000 messages and lowering + lifting their 1000
//   results alone, then `checkMessages` / `checkNumbers` / `checkLinks` on 1000 items,
//   on the calling thread only (parallelism 1: the per-core figure) and on
//   every core (parallelism 0).
//
// Run: bindings/scripts/bench-kotlin.sh (release library, with the Rust
// figures of the same checks printed first), or as the last step of
// bindings/scripts/test-kotlin.sh (whatever library it built).
// Messages come from the file named by -Dfanzha.bench.messages (one
// "sender<TAB>text" per line, written by the script from tests/corpus);
// without it, a few built-in ones.
package org.fanzha.bench

import org.fanzha.Channel
import org.fanzha.FastGuard
import org.fanzha.FastLib
import org.fanzha.FfiConverterSequenceTypeCheckResult
import org.fanzha.FfiConverterSequenceTypeMessageInput
import org.fanzha.FfiConverterSequenceTypeMessageOutcome
import org.fanzha.FfiConverterString
import org.fanzha.FfiConverterTypeNumberContext
import org.fanzha.FfiConverterTypeVerdict
import org.fanzha.FraudType
import org.fanzha.Guard
import org.fanzha.GuardSettings
import org.fanzha.MessageInput
import org.fanzha.MessageOutcome
import org.fanzha.NumberContext
import org.fanzha.RustBuffer
import org.fanzha.UniffiLib
import org.fanzha.UniffiRustCallStatus
import org.fanzha.fraudTypeId
import java.io.File
import java.lang.management.ManagementFactory

object Bench {
    private val mx = ManagementFactory.getThreadMXBean()

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
                "bench %-44s wall median %8.2f µs  p99 %9.2f µs | cpu median %7.2f µs  (%d calls after %d warm-up)",
                label, median, p99, cpuMedian, runs, warmup,
            ),
        )
    }

    /// A batch call on `items` items, `rounds` times after `warmup` rounds:
    /// the median wall time and calling-thread CPU time per round, as items
    /// per second.
    private fun measureBatch(label: String, items: Int, warmup: Int, rounds: Int, call: () -> Unit) {
        repeat(warmup) { call() }
        val wall = LongArray(rounds)
        val cpu = LongArray(rounds)
        for (r in 0 until rounds) {
            val c0 = mx.currentThreadCpuTime
            val t0 = System.nanoTime()
            call()
            wall[r] = System.nanoTime() - t0
            cpu[r] = mx.currentThreadCpuTime - c0
        }
        wall.sort()
        cpu.sort()
        val w = wall[rounds / 2]
        val c = cpu[rounds / 2]
        println(
            String.format(
                "bench %-44s wall median %8.2f µs/item = %9.0f items/s | calling-thread cpu %7.2f µs/item = %9.0f items/s  (%d items × %d rounds)",
                label, w / 1000.0 / items, items * 1e9 / w, c / 1000.0 / items, items * 1e9 / maxOf(1L, c), items, rounds,
            ),
        )
    }

    private fun messages(): List<MessageInput> {
        val path = System.getProperty("fanzha.bench.messages")
        val fromFile = path?.let { File(it) }?.takeIf { it.isFile }?.readLines()?.mapNotNull { line ->
            val tab = line.indexOf('\t')
            if (tab < 0) null else MessageInput(line.substring(0, tab).ifEmpty { null }, line.substring(tab + 1))
        }
        if (!fromFile.isNullOrEmpty()) return fromFile
        return listOf(
            MessageInput("95588", "【工商银行】您尾号1234卡3月5日14:22支出(消费)500.00元，余额12,345.67元。"),
            MessageInput(null, "明天下午三点在三楼会议室开会，记得带上季度的报表和项目材料。"),
            MessageInput("95588", "【工商银行】您的账户存在异常，请点击 http://icbc-verify.top 验证"),
            MessageInput(null, "Your parcel is waiting. Pay the customs fee at http://post-fee.top/pay today."),
        )
    }

    @JvmStatic
    fun main(args: Array<String>) {
        val runs = args.firstOrNull()?.toIntOrNull() ?: 50_000
        val warmup = runs / 2
        val guard = Guard(GuardSettings())
        val ctx = NumberContext(Channel.CALL)
        val numbers = Array(1024) { "+86 138 ${1000 + it} ${5678}" }
        val links = Array(1024) {
            when (it % 4) {
                0 -> "https://www.example${it}.com/"
                1 -> "https://m.shop${it}.example.com/item/${it * 7}.html?src=sms"
                2 -> "http://icbc.com.cn@evil${it}.top/login"
                else -> "https://docs${it}.example.io/guide/start.html"
            }
        }
        val msgs = messages()
        val avgBytes = msgs.sumOf { it.body.toByteArray().size } / maxOf(1, msgs.size)
        println("bench messages: ${msgs.size}, ${avgBytes} bytes of text on average")

        // --- single calls --------------------------------------------------
        measure("feedVersion (floor: handle, string out)", warmup, runs) { guard.feedVersion() }
        measure("fraudTypeId (floor: no handle, enum in)", warmup, runs) { fraudTypeId(FraudType.OTHER) }
        measure("checkNumber (clear mobile)", warmup, runs) { guard.checkNumber(numbers[it and 1023], ctx) }
        measure("checkNumber (spoofed hotline)", warmup, runs) { guard.checkNumber("+86 95588 0000", ctx) }
        measure("checkLink (mixed)", warmup, runs) { guard.checkLink(links[it and 1023]) }
        measure("checkMessage (corpus)", warmup, runs) {
            val m = msgs[it % msgs.size]
            guard.checkMessage(m.sender, m.body)
        }

        // --- the same checks through FastGuard (one direct native call) -----
        val fast = FastGuard(guard)
        measure("FastGuard checkNumber (clear mobile)", warmup, runs) { fast.checkNumber(numbers[it and 1023], ctx) }
        measure("FastGuard checkNumber (spoofed hotline)", warmup, runs) { fast.checkNumber("+86 95588 0000", ctx) }
        measure("FastGuard checkLink (mixed)", warmup, runs) { fast.checkLink(links[it and 1023]) }
        measure("FastGuard checkMessage (corpus)", warmup, runs) {
            val m = msgs[it % msgs.size]
            fast.checkMessage(m.sender, m.body)
        }
        measure("piece: an empty JNA direct call (primitives)", warmup, runs) { FastLib.fanzha_fast_take(0L, 0) }

        // --- where a call's time goes ---------------------------------------
        val verdict = guard.checkNumber("+86 95588 0000", ctx)
        val clear = guard.checkNumber(numbers[0], ctx)
        measure("piece: clone + free the handle (2 JNA calls)", warmup, runs) {
            val h = guard.uniffiCloneHandle()
            UniffiLib.uniffi_fanzha_ffi_fn_free_guard(h, UniffiRustCallStatus())
        }
        measure("piece: RustBuffer alloc + free (2 JNA calls)", warmup, runs) {
            RustBuffer.free(RustBuffer.alloc(64UL))
        }
        measure("piece: lower a number string + free", warmup, runs) {
            RustBuffer.free(FfiConverterString.lower(numbers[it and 1023]))
        }
        measure("piece: lower NumberContext + free", warmup, runs) {
            RustBuffer.free(FfiConverterTypeNumberContext.lower(ctx))
        }
        measure("piece: lower + lift a clear verdict", warmup, runs) {
            FfiConverterTypeVerdict.lift(FfiConverterTypeVerdict.lower(clear))
        }
        measure("piece: lower + lift a dangerous verdict", warmup, runs) {
            FfiConverterTypeVerdict.lift(FfiConverterTypeVerdict.lower(verdict))
        }

        // --- batches --------------------------------------------------------
        val batch = 1000
        val batchMsgs = List(batch) { msgs[it % msgs.size] }
        val batchNumbers = List(batch) { numbers[it and 1023] }
        val batchLinks = List(batch) { links[it and 1023] }
        val rounds = maxOf(5, runs / 5000)
        // Where a batch's time goes, beside the call itself: lowering the
        // 1000 messages into one buffer (and freeing it), and lowering +
        // lifting the 1000 results (the lift is what a call pays).
        val batchResults = guard.checkMessages(batchMsgs, 1u)
        measureBatch("piece: lower 1000 messages + free", batch, 3, rounds) {
            RustBuffer.free(FfiConverterSequenceTypeMessageInput.lower(batchMsgs))
        }
        measureBatch("piece: lower + lift 1000 message results", batch, 3, rounds) {
            FfiConverterSequenceTypeCheckResult.lift(FfiConverterSequenceTypeCheckResult.lower(batchResults))
        }
        measureBatch("checkMessages ×1000, parallelism 1", batch, 3, rounds) { guard.checkMessages(batchMsgs, 1u) }
        measureBatch("checkMessages ×1000, every core", batch, 3, rounds) { guard.checkMessages(batchMsgs, 0u) }
        val briefResults = guard.checkMessagesBrief(batchMsgs, 1u)
        println("bench checkMessagesBrief: ${briefResults.count { it is MessageOutcome.Warning }} of ${briefResults.size} results are warnings (full verdicts)")
        measureBatch("piece: lower + lift 1000 brief message results", batch, 3, rounds) {
            FfiConverterSequenceTypeMessageOutcome.lift(FfiConverterSequenceTypeMessageOutcome.lower(briefResults))
        }
        measureBatch("checkMessagesBrief ×1000, parallelism 1", batch, 3, rounds) { guard.checkMessagesBrief(batchMsgs, 1u) }
        measureBatch("checkMessagesBrief ×1000, every core", batch, 3, rounds) { guard.checkMessagesBrief(batchMsgs, 0u) }
        measureBatch("checkNumbers ×1000, parallelism 1", batch, 3, rounds) { guard.checkNumbers(batchNumbers, ctx, 1u) }
        measureBatch("checkNumbers ×1000, every core", batch, 3, rounds) { guard.checkNumbers(batchNumbers, ctx, 0u) }
        measureBatch("checkLinks ×1000, parallelism 1", batch, 3, rounds) { guard.checkLinks(batchLinks, 1u) }
        measureBatch("checkLinks ×1000, every core", batch, 3, rounds) { guard.checkLinks(batchLinks, 0u) }
        fast.close()
        guard.close()
    }
}
