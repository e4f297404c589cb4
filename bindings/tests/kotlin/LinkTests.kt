package org.fanzha.tests

import org.fanzha.Action
import org.fanzha.CheckKind
import org.fanzha.FanzhaException
import org.fanzha.FraudType
import org.fanzha.Level
import org.fanzha.testing.*

object LinkTests : Suite("checkLink") {
    init {
        test("a brand in the userinfo of another host is flagged") {
            val v = Fixtures.guardEn.checkLink("http://icbc.com.cn@login-verify.top/account")
            assertEquals(CheckKind.LINK, v.kind, "kind")
            assertEquals(Level.DANGEROUS, v.level, "level")
            assertEquals(Action.BLOCK, v.action, "action")
            assertEquals(FraudType.PHISHING, v.fraudType, "fraud type")
            assertTrue(v.reasons.any { it.code.startsWith("link.") }) { "reasons: ${v.reasons.map { it.code }}" }
            assertEquals("http://login-verify.top/account", v.normalized, "canonical URL")
        }

        test("a raw IP host is flagged") {
            val v = Fixtures.guard.checkLink("http://3232235777/pay")
            assertTrue(v.level >= Level.SUSPICIOUS) { "level ${v.level}: ${v.reasons}" }
        }

        test("an ordinary link is clear; a bank's own site is trusted") {
            assertEquals(Level.CLEAR, Fixtures.guard.checkLink("https://www.example.com/news/today.html").level, "example.com")
            val bank = Fixtures.guard.checkLink("https://www.icbc.com.cn/")
            assertEquals(Level.TRUSTED, bank.level, "icbc.com.cn")
            assertEquals(Action.ALLOW, bank.action, "icbc.com.cn action")
        }

        test("a flagged link escalates a payment made right after it (the journey)") {
            val guard = PaymentTests.freshGuard()
            val p = PaymentTests.intent(300_000)
            val before = guard.checkPayment(p)
            guard.checkLink("http://icbc.com.cn@login-verify.top/account")
            val after = guard.checkPayment(p)
            assertTrue(after.score > before.score) { "score ${before.score} → ${after.score}: ${after.reasons.map { it.code }}" }
            guard.close()
        }

        test("an empty link is an InvalidInput exception") {
            val e = assertThrows<FanzhaException.InvalidInput> { Fixtures.guard.checkLink("") }
            assertEquals(CheckKind.LINK, e.kind, "kind")
        }
    }
}
