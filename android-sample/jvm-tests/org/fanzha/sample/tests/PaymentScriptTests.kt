package org.fanzha.sample.tests

import org.fanzha.Action
import org.fanzha.Channel
import org.fanzha.CheckKind
import org.fanzha.Level
import org.fanzha.NumberContext
import org.fanzha.sample.logic.GuardPayments
import org.fanzha.sample.logic.LiveContext
import org.fanzha.sample.logic.ManualScript
import org.fanzha.sample.logic.PayeeKind
import org.fanzha.sample.logic.TransferModel
import org.fanzha.sample.logic.TransferStage
import org.fanzha.sample.logic.UiLang
import org.fanzha.testing.*
import java.time.LocalTime
import java.time.ZoneOffset

/** The mock transfer driven against the real library. */
object PaymentScriptTests : Suite("sample-app payment") {
    /** A UTC offset that makes it local noon now: the SDK's "night" signal stays off. */
    private fun noonOffset(): Int {
        val utcMinute = LocalTime.now(ZoneOffset.UTC).toSecondOfDay() / 60
        var off = 12 * 60 - utcMinute
        if (off > 14 * 60) off -= 24 * 60
        if (off < -12 * 60) off += 24 * 60
        return off
    }

    private fun payments() = GuardPayments(SampleFixtures.guardEn) { noonOffset() }

    init {
        test("every payment line gives the expected verdict, through the Transfer screen's model") {
            for (e in ManualScript.forKind(SampleFixtures.script, CheckKind.PAYMENT)) {
                // Each line on its own: no journey or velocity from the lines before.
                SampleFixtures.guardEn.forgetJourney()
                val m = TransferModel(payments(), UiLang.EN)
                m.useExample(e)
                m.review(LiveContext())
                val v = m.state.value.stage.shownVerdict ?: fail("line ${e.line}: ${m.state.value.stage}")
                assertEquals(null, e.mismatch(v), "line ${e.line} (${e.note})")
            }
            SampleFixtures.guardEn.forgetJourney()
        }

        test("the impersonated-police call: questions, a cool-off, and a 'yes' makes it worse") {
            val guard = SampleFixtures.guardEn
            guard.forgetJourney()
            var now = 0L
            val m = TransferModel(payments(), UiLang.EN) { now }
            m.edit { it.copy(account = "6222 0212 3456 7890 128", kind = PayeeKind.CARD, amount = "5000", newPayee = true) }
            m.review(LiveContext(inCall = true, callNumber = null, callSeconds = 600))
            val r = m.state.value.stage as? TransferStage.Reviewing ?: fail("${m.state.value.stage}")
            assertEquals(Level.DANGEROUS, r.verdict.level, "level")
            assertEquals(Action.CONFIRM, r.verdict.action, "action")
            assertTrue(r.coolOffSeconds > 0) { "no cool-off" }
            assertTrue(r.verdict.questions.isNotEmpty()) { "no questions" }
            val first = r.verdict.questions.first().id
            for (q in r.verdict.questions) m.answer(q.id, q.id == first)
            val after = m.state.value.stage.shownVerdict ?: fail("${m.state.value.stage}")
            assertTrue(after.score >= r.verdict.score) { "a 'yes' lowered the score: ${r.verdict.score} → ${after.score}" }
            val afterStage = m.state.value.stage
            if (afterStage is TransferStage.Reviewing) {
                assertTrue(afterStage.coolOffSeconds >= r.coolOffSeconds) { "cool-off shortened" }
                now += afterStage.coolOffSeconds * 1000L - 1000
                assertFalse(m.confirm(now)) { "went before the cool-off ended" }
            }
            guard.forgetJourney()
        }

        test("journey: a dangerous call checked on the Number screen escalates a transfer right after it") {
            val guard = SampleFixtures.guardEn
            guard.forgetJourney()
            val m = TransferModel(payments(), UiLang.EN)
            m.edit { it.copy(account = "6222021234567890128", kind = PayeeKind.CARD, amount = "3000", newPayee = true) }
            m.review(LiveContext())
            val before = m.state.value.stage.shownVerdict ?: fail("${m.state.value.stage}")
            guard.checkNumber("+86 95588 0000", NumberContext(Channel.CALL))
            m.backToForm()
            m.review(LiveContext())
            val after = m.state.value.stage.shownVerdict ?: fail("${m.state.value.stage}")
            assertTrue(after.reasons.any { it.code == "payment.after_flagged_call" }) { "reasons: ${after.reasons.map { it.code }}" }
            assertTrue(after.score > before.score) { "${before.score} → ${after.score}" }
            guard.forgetJourney()
        }

        test("confirmed transfers are remembered: after two, the payee counts as known") {
            val guard = SampleFixtures.guardEn
            val m = TransferModel(payments(), UiLang.EN)
            val account = "6228480402564890018"
            m.edit { it.copy(account = account, kind = PayeeKind.CARD, amount = "100", newPayee = null) }
            repeat(2) {
                guard.forgetJourney()
                m.backToForm()
                m.review(LiveContext())
                assertTrue(m.confirm()) { "did not go: ${m.state.value.stage}" }
            }
            guard.forgetJourney()
            m.backToForm()
            m.review(LiveContext())
            val v = m.state.value.stage.shownVerdict ?: fail("${m.state.value.stage}")
            assertTrue(v.reasons.any { it.code == "payment.known_payee" }) { "reasons: ${v.reasons.map { it.code }}" }
            guard.forgetJourney()
        }

        test("the transfer screen's name-check input reaches the SDK and its decisions land in the store's audit log") {
            val dir = java.nio.file.Files.createTempDirectory("fanzha-sample-bank").toFile()
            dir.deleteOnExit()
            val path = java.io.File(dir, "store.db").absolutePath
            val keys = JvmKeyProvider()
            val settings = org.fanzha.GuardSettings(region = "CN", locale = "en")
            val ids = mutableMapOf<org.fanzha.Decision, String>()
            org.fanzha.Guard.open(settings, path, keys).use { g ->
                var now = 0L
                val m = TransferModel(GuardPayments(g) { noonOffset() }, UiLang.EN) { now }
                val account = "6222 0212 3456 7890 128"
                // no_match during a call from an unknown number: the safe-account transfer.
                m.edit { it.copy(account = account, kind = PayeeKind.CARD, amount = "20000", newPayee = true, nameCheck = org.fanzha.NameCheckResult.NO_MATCH) }
                m.review(LiveContext(inCall = true, callNumber = null, callSeconds = 300))
                val v = m.state.value.stage.shownVerdict ?: fail("${m.state.value.stage}")
                assertEquals(Level.DANGEROUS, v.level, "no_match in a call")
                assertTrue(v.reasons.any { it.code == "payment.name_no_match" }) { "reasons: ${v.reasons.map { it.code }}" }
                ids[org.fanzha.Decision.CANCELLED] = v.id ?: fail("no verdict id with a store")
                m.cancel()
                // Close match, no call: asks for help.
                g.forgetJourney()
                m.edit { it.copy(nameCheck = org.fanzha.NameCheckResult.CLOSE_MATCH, nameReturned = "张三丰") }
                m.review(LiveContext())
                val c = m.state.value.stage.shownVerdict ?: fail("${m.state.value.stage}")
                assertTrue(c.reasons.any { it.code == "payment.name_close_match" }) { "reasons: ${c.reasons.map { it.code }}" }
                if (c.id != null && c.action != Action.ALLOW) {
                    ids[org.fanzha.Decision.ASKED_FOR_HELP] = c.id!!
                }
                m.askForHelp()
                assertEquals(TransferStage.Cancelled, m.state.value.stage, "ask for help stops the transfer")
                // A warned transfer that goes through after the cool-off.
                g.forgetJourney()
                m.edit { it.copy(nameCheck = org.fanzha.NameCheckResult.NO_MATCH, nameReturned = "") }
                m.review(LiveContext(inCall = true, callNumber = null, callSeconds = 300))
                val r = m.state.value.stage as? TransferStage.Reviewing ?: fail("${m.state.value.stage}")
                for (q in r.verdict.questions) m.answer(q.id, false)
                m.acknowledge(true)
                now += 3_600_000
                assertTrue(m.confirm(now)) { "blocked by ${m.blockers(now)}" }
                val sent = (m.state.value.stage as TransferStage.Sent)
                assertTrue(sent.view.title.isNotEmpty()) { "title" }
                val last = g.exportAudit(false).last()
                ids[org.fanzha.Decision.PROCEEDED] = last.id
                g.forgetJourney()
            }
            // Reopened: every decision is in the log.
            org.fanzha.Guard.open(settings, path, keys).use { g ->
                val log = g.exportAudit(false).associateBy { it.id }
                for ((decision, id) in ids) {
                    assertEquals(decision, log[id]?.decision, "decision for the $decision warning")
                }
                assertTrue(ids.size >= 2) { "recorded: $ids" }
            }
        }
    }
}
