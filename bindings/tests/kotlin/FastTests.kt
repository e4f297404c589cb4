package org.fanzha.tests

import org.fanzha.FanzhaException
import org.fanzha.FastGuard
import org.fanzha.Level
import org.fanzha.NumberContext
import org.fanzha.Channel
import org.fanzha.StirResult
import org.fanzha.testing.*

object FastTests : Suite("fast guard") {
    init {
        test("checkNumber: the same verdict as Guard.checkNumber, for every kind of context") {
            FastGuard(Fixtures.guard).use { fast ->
                val contexts = listOf(
                    Fixtures.call,
                    Fixtures.sms,
                    NumberContext(Channel.CALL, inContacts = true),
                    NumberContext(Channel.CALL, stir = StirResult.FAILED, callsLastHour = 7),
                )
                val numbers = listOf("+86 95588 0000", "+86 138 1234 5678", "95588", "110", "+1 202 555 0100", "0086 10 12345678")
                for (ctx in contexts) for (n in numbers) {
                    assertEquals(Fixtures.guard.checkNumber(n, ctx), fast.checkNumber(n, ctx), "verdict of $n in $ctx")
                }
                assertEquals(Level.DANGEROUS, fast.checkNumber("+86 95588 0000", Fixtures.call).level, "spoofed hotline")
            }
        }

        test("checkLink and checkMessage: the same verdicts, long answers included") {
            FastGuard(Fixtures.guardEn).use { fast ->
                for (url in listOf("https://www.icbc.com.cn/", "http://icbc.com.cn@evil.top/login", "javascript:alert(1)", "bit.ly/x")) {
                    assertEquals(Fixtures.guardEn.checkLink(url), fast.checkLink(url), "verdict of $url")
                }
                // A long message with many links: an answer larger than the default output buffer.
                val body = (0 until 300).joinToString(" ") { "点击 http://icbc-verify$it.top/login?id=$it 领取" }
                for ((sender, text) in listOf(null to "明天下午三点开会", "95588" to "【工商银行】您的账户存在异常，请点击 http://icbc-verify.top 验证", null to body)) {
                    assertEquals(Fixtures.guardEn.checkMessage(sender, text), fast.checkMessage(sender, text), "verdict of ${text.take(20)}")
                }
            }
        }

        test("errors are the Guard's errors; a closed FastGuard refuses calls, the Guard stays usable") {
            val fast = FastGuard(Fixtures.guard)
            assertThrows<FanzhaException.InvalidInput> { fast.checkLink("") }
            assertThrows<FanzhaException.InvalidInput> { fast.checkNumber("", Fixtures.call) }
            assertThrows<FanzhaException.InvalidInput> {
                fast.checkNumber("13812345678", NumberContext(Channel.CALL, callsLastHour = -1))
            }
            // A lone surrogate can't be encoded: refused on the Kotlin side, as the generated code does.
            assertThrows<Exception> { fast.checkLink("https://a.com/\uD800") }
            fast.close()
            fast.close()
            assertThrows<IllegalStateException> { fast.checkLink("https://a.com/") }
            assertEquals(Level.DANGEROUS, Fixtures.guard.checkNumber("+86 95588 0000", Fixtures.call).level, "guard after close")
        }

        test("many threads share one FastGuard") {
            FastGuard(Fixtures.guard).use { fast ->
                val expected = Fixtures.guard.checkNumber("+86 95588 0000", Fixtures.call)
                val threads = (0 until 8).map {
                    Thread {
                        repeat(200) { i ->
                            assertEquals(expected, fast.checkNumber("+86 95588 0000", Fixtures.call), "verdict")
                            fast.checkLink("https://m.shop$i.example.com/item/$i.html")
                        }
                    }
                }
                val failures = java.util.concurrent.ConcurrentLinkedQueue<Throwable>()
                threads.forEach { t -> t.setUncaughtExceptionHandler { _, e -> failures.add(e) }; t.start() }
                threads.forEach { it.join() }
                assertTrue(failures.isEmpty()) { "failures: $failures" }
            }
        }
    }
}
