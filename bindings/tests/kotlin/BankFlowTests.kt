package org.fanzha.tests

import org.fanzha.AccountKind
import org.fanzha.AuditWriterStats
import org.fanzha.CallContext
import org.fanzha.Channel
import org.fanzha.CheckKind
import org.fanzha.Decision
import org.fanzha.FanzhaException
import org.fanzha.Guard
import org.fanzha.GuardSettings
import org.fanzha.Level
import org.fanzha.NameCheck
import org.fanzha.NameCheckResult
import org.fanzha.NumberContext
import org.fanzha.PaymentContext
import org.fanzha.PaymentIntent
import org.fanzha.testing.*

/** Issue 20 on the JVM: name check, device risk, audit log, decisions, "not a scam". */
object BankFlowTests : Suite("bank flow") {
    private const val ACCOUNT = "6222 0212 3456 7890 128"
    private const val SPOOFED = "+86 95588 0000"

    private fun transfer(result: NameCheckResult?, context: PaymentContext = PaymentContext()) =
        PaymentIntent(
            ACCOUNT, AccountKind.CARD, 2_000_000, "CNY",
            newPayee = true,
            nameCheck = result?.let { NameCheck(it) },
            context = context,
        )

    init {
        test("no_match to a new payee during an unknown call is dangerous; match without a call is not") {
            val g = Guard(GuardSettings(locale = "en"))
            val v = g.checkPayment(transfer(NameCheckResult.NO_MATCH, PaymentContext(call = CallContext())))
            assertEquals(Level.DANGEROUS, v.level, "no_match in a call")
            assertTrue(v.reasons.any { it.code == "payment.name_no_match" }) { "reasons: ${v.reasons.map { it.code }}" }
            val m = g.checkPayment(transfer(NameCheckResult.MATCH))
            assertTrue(m.level != Level.DANGEROUS) { "match without a call: ${m.level}" }
            assertTrue(v.id == null) { "no store, no id" }
        }

        test("a remote-control app on a large transfer to a new payee is dangerous") {
            val g = Guard(GuardSettings(locale = "en"))
            val ctx = PaymentContext(runningApps = listOf("com.tencent.mm", "com.anydesk.anydeskandroid"))
            assertEquals(Level.DANGEROUS, g.checkPayment(transfer(null, ctx)).level, "remote control")
            assertEquals(Level.DANGEROUS, g.checkPayment(transfer(null, PaymentContext(screenSharing = true))).level, "screen sharing")
            assertThrows<FanzhaException.InvalidInput> {
                g.checkPayment(transfer(null, PaymentContext(runningApps = listOf(""))))
            }
            assertThrows<FanzhaException.InvalidInput> {
                g.checkPayment(transfer(null).copy(payeeAccountAgeDays = -1))
            }
        }

        test("recordDecision, exportAudit and markNotScam on a store") {
            val path = StoreTests.tempStore()
            val keys = TestKeyProvider(21)
            val numberId: String
            Guard.open(GuardSettings(locale = "en"), path, keys).use { g ->
                val v = g.checkNumber(SPOOFED, NumberContext(Channel.CALL))
                assertEquals(Level.DANGEROUS, v.level, "spoofed hotline")
                numberId = v.id ?: fail("no id on a verdict checked with a store")
                val p = g.checkPayment(transfer(NameCheckResult.NO_MATCH, PaymentContext(call = CallContext())))
                g.recordDecision(p.id!!, Decision.ASKED_FOR_HELP)
                g.recordDecision(numberId, Decision.CANCELLED)
                assertThrows<FanzhaException> { g.recordDecision("no-such-id", Decision.PROCEEDED) }
                // Written off the check path; recordDecision flushed first.
                val st = g.auditStats() ?: fail("no audit stats with a store")
                assertEquals(AuditWriterStats(queued = 0, written = 2, dropped = 0, failed = 0), st, "audit writer")
            }
            Guard.open(GuardSettings(locale = "en"), path, keys).use { g ->
                val log = g.exportAudit(false)
                assertEquals(2, log.size, "recorded warnings")
                val n = log.first { it.id == numberId }
                assertEquals(Decision.CANCELLED, n.decision, "decision after reopen")
                assertEquals(CheckKind.NUMBER, n.kind, "kind")
                assertTrue(log.all { it.value == null }) { "values exported without opt-in" }
                assertFalse(g.exportAuditJson(false).contains("95588")) { "number in the JSON export" }
                assertTrue(g.exportAudit(true).any { it.value == "+86955880000" }) { "values on request" }

                g.flushAudit()
                val stats = g.auditStats() ?: fail("no audit stats with a store")
                assertEquals(0L, stats.dropped + stats.failed + stats.queued, "audit writer: $stats")

                val done = g.markNotScam(numberId)
                assertTrue(done.allowed) { "no allow rule" }
                assertThrows<FanzhaException> { g.markNotScam(numberId) }
                val again = g.checkNumber(SPOOFED, NumberContext(Channel.CALL))
                assertEquals(Level.TRUSTED, again.level, "after not-scam")
                assertTrue(again.reasons.any { it.code == "number.user_allowed" }) { "reasons: ${again.reasons.map { it.code }}" }
                val reports = g.reports(true)
                assertEquals(1, reports.size, "reports")
                assertEquals("false_alarm", reports[0].category, "category")
                assertEquals(done.reportId, reports[0].id, "report id")
            }
        }

        test("a confirmed listing wins over markNotScam; an unconfirmed one yields to it") {
            val listed = "+86 170 0000 2020"
            FeedFixtures.openGuard(seed = 22).use { g ->
                g.applyFeed(FeedFixtures.bytes("bank-v1.feed"))
                val v = g.checkNumber(listed, NumberContext(Channel.CALL))
                assertEquals(Level.DANGEROUS, v.level, "listed, unconfirmed")
                assertFalse(v.reasons.any { it.code == "number.blocklist_confirmed" }) { "not confirmed" }
                g.markNotScam(v.id!!)
                assertEquals(Level.TRUSTED, g.checkNumber(listed, NumberContext(Channel.CALL)).level, "after not-scam")
                g.applyFeed(FeedFixtures.bytes("bank-v2.feed"))
                val again = g.checkNumber(listed, NumberContext(Channel.CALL))
                val codes = again.reasons.map { it.code }
                assertEquals(Level.DANGEROUS, again.level, "confirmed by the publisher: $codes")
                assertTrue("number.blocklist_confirmed" in codes) { "reasons: $codes" }
                assertTrue("number.user_allow_overridden" in codes) { "reasons: $codes" }
                assertFalse("number.user_allowed" in codes) { "reasons: $codes" }
            }
        }

        test("audit calls on a guard without a store are refused") {
            assertThrows<FanzhaException> { Fixtures.guard.exportAudit(false) }
            assertThrows<FanzhaException> { Fixtures.guard.markNotScam("abc") }
            assertTrue(Fixtures.guard.auditStats() == null) { "stats without a store" }
            Fixtures.guard.flushAudit()
        }
    }
}
