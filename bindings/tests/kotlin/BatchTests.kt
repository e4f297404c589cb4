package org.fanzha.tests

import org.fanzha.CheckKind
import org.fanzha.FanzhaException
import org.fanzha.Level
import org.fanzha.MessageInput
import org.fanzha.MessageOutcome
import org.fanzha.NumberContext
import org.fanzha.Channel
import org.fanzha.testing.*

object BatchTests : Suite("batch checks") {
    init {
        test("checkNumbers: one result per number, in order, bad ones as errors in place") {
            val numbers = MutableList(300) { "+86 138 ${1000 + it} 5678" }
            numbers[5] = "+86 95588 0000"
            numbers[200] = ""
            for (threads in listOf(1u, 2u, 0u)) {
                val out = Fixtures.guard.checkNumbers(numbers, Fixtures.call, threads)
                assertEquals(numbers.size, out.size, "results ($threads threads)")
                for ((i, r) in out.withIndex()) {
                    if (i == 200) {
                        assertEquals(null, r.verdict, "verdict of the empty number")
                        assertTrue(r.error is FanzhaException.InvalidInput) { "error ${r.error}" }
                        continue
                    }
                    val single = Fixtures.guard.checkNumber(numbers[i], Fixtures.call)
                    assertEquals(null, r.error, "error of $i")
                    assertEquals(single.normalized, r.verdict?.normalized, "normalized of $i")
                    assertEquals(single.level, r.verdict?.level, "level of $i")
                }
                assertEquals(Level.DANGEROUS, out[5].verdict?.level, "spoofed hotline")
            }
        }

        test("checkNumbers refuses a bad context as a whole") {
            assertThrows<FanzhaException.InvalidInput> {
                Fixtures.guard.checkNumbers(listOf("13812345678"), NumberContext(Channel.CALL, callsLastHour = -1), 1u)
            }
        }

        test("checkLinks and checkMessages match the single checks") {
            val urls = List(150) { if (it == 77) "http://icbc.com.cn@evil.top/login" else "https://www.example$it.com/" }
            val links = Fixtures.guard.checkLinks(urls)
            assertEquals(urls.size, links.size, "link results")
            for ((i, r) in links.withIndex()) {
                assertEquals(CheckKind.LINK, r.verdict?.kind, "kind of $i")
                assertEquals(Fixtures.guard.checkLink(urls[i]).level, r.verdict?.level, "level of $i")
            }
            assertTrue(links[77].verdict!!.level >= Level.SUSPICIOUS) { "userinfo trick: ${links[77].verdict}" }

            val msgs = List(150) {
                if (it == 10) MessageInput("95588", "【工商银行】您的账户存在异常，请点击 http://icbc-verify.top 验证")
                else MessageInput(null, "明天下午${it % 12 + 1}点开会，记得带材料。")
            }
            val out = Fixtures.guard.checkMessages(msgs, 2u)
            assertEquals(msgs.size, out.size, "message results")
            for ((i, r) in out.withIndex()) {
                assertEquals(Fixtures.guard.checkMessage(msgs[i].sender, msgs[i].body).level, r.verdict?.level, "level of $i")
            }
            assertTrue(out[10].verdict!!.level >= Level.SUSPICIOUS) { "bank phishing: ${out[10].verdict}" }
            assertEquals(0, Fixtures.guard.checkMessages(emptyList()).size, "empty batch")
        }

        test("checkMessagesBrief: quiet verdicts as their headline, warnings in full, failures in place") {
            val msgs = List(200) {
                when (it) {
                    10 -> MessageInput("95588", "【工商银行】您的账户存在异常，请点击 http://icbc-verify.top 验证")
                    20 -> MessageInput(null, "【公安局】您涉嫌洗钱案件，请立即将资金转入安全账户配合资金清查。")
                    30 -> MessageInput(null, " \u200b ")
                    else -> MessageInput(null, "明天下午${it % 12 + 1}点开会，记得带材料。")
                }
            }
            for (threads in listOf(1u, 2u, 0u)) {
                val brief = Fixtures.guard.checkMessagesBrief(msgs, threads)
                val full = Fixtures.guard.checkMessages(msgs, threads)
                assertEquals(msgs.size, brief.size, "results ($threads threads)")
                for ((i, b) in brief.withIndex()) {
                    val f = full[i]
                    when (b) {
                        is MessageOutcome.Quiet -> {
                            val v = f.verdict!!
                            assertTrue(v.level < Level.SUSPICIOUS) { "quiet $i is ${v.level}" }
                            assertEquals(v.level, b.level, "level of $i")
                            assertEquals(v.score, b.score, "score of $i")
                            assertEquals(v.action, b.action, "action of $i")
                            assertEquals(v.protection, b.protection, "protection of $i")
                        }
                        is MessageOutcome.Warning -> {
                            val v = f.verdict!!
                            assertTrue(v.level >= Level.SUSPICIOUS) { "warning $i is ${v.level}" }
                            // The full verdict, field for field (the id aside: none without a store).
                            assertEquals(v, b.verdict, "verdict of $i")
                        }
                        is MessageOutcome.Failed -> {
                            assertEquals(null, f.verdict, "verdict of failed $i")
                            assertTrue(b.error is FanzhaException.InvalidInput) { "error of $i: ${b.error}" }
                        }
                    }
                }
                assertTrue(brief[10] is MessageOutcome.Warning) { "bank phishing: ${brief[10]}" }
                assertEquals(Level.DANGEROUS, (brief[20] as MessageOutcome.Warning).verdict.level, "safe account")
                assertTrue(brief[30] is MessageOutcome.Failed) { "invisible-only body: ${brief[30]}" }
                assertTrue(brief[0] is MessageOutcome.Quiet) { "meeting: ${brief[0]}" }
            }
            assertEquals(0, Fixtures.guard.checkMessagesBrief(emptyList()).size, "empty batch")
        }
    }
}
