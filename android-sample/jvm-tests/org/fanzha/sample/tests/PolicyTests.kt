package org.fanzha.sample.tests

import org.fanzha.Action
import org.fanzha.Channel
import org.fanzha.CheckKind
import org.fanzha.Extracted
import org.fanzha.Level
import org.fanzha.NumberContext
import org.fanzha.sample.logic.AlertChannel
import org.fanzha.sample.logic.AlertPriority
import org.fanzha.sample.logic.CallDecision
import org.fanzha.sample.logic.FilterAction
import org.fanzha.sample.logic.FilterDecision
import org.fanzha.sample.logic.FilterSubAction
import org.fanzha.sample.logic.Policy
import org.fanzha.sample.logic.UiLang
import org.fanzha.testing.*

/** What the call screener, the SMS receiver and the iOS message filter do with real verdicts. */
object PolicyTests : Suite("sample-app policy") {
    private val call = NumberContext(Channel.CALL)

    init {
        test("a spoofed hotline is rejected, with a heads-up saying why") {
            val v = SampleFixtures.guardEn.checkNumber("+86 95588 0000", call)
            val d = Policy.callDecision(v, UiLang.EN)
            assertTrue(d.reject) { "not rejected: $d" }
            val a = d.alert ?: fail("no alert")
            assertEquals(AlertChannel.CALLS, a.channel, "channel")
            assertEquals(AlertPriority.HIGH, a.priority, "priority")
            assertTrue(a.title.startsWith("Call blocked")) { a.title }
            assertTrue(a.title.contains("+86955880000")) { "title should name the normalized number: ${a.title}" }
            assertEquals(v.title, a.text, "text is the SDK's title")
            assertTrue(a.bigText.contains(v.advice.first())) { "advice missing from ${a.bigText}" }
        }

        test("with blocking off, a block verdict rings silenced with a warning") {
            val v = SampleFixtures.guardEn.checkNumber("+86 95588 0000", call)
            val d = Policy.callDecision(v, UiLang.EN, blockingEnabled = false)
            assertFalse(d.reject) { "rejected" }
            assertTrue(d.silence) { "not silenced" }
            assertEquals(AlertPriority.HIGH, d.alert?.priority, "priority")
        }

        test("a withheld or international caller rings, with a normal warning") {
            for (n in listOf("Private", "+1 415 555 0100")) {
                val v = SampleFixtures.guardEn.checkNumber(n, call)
                assertEquals(Action.WARN, v.action, "$n action")
                val d = Policy.callDecision(v, UiLang.EN)
                assertFalse(d.reject) { "$n rejected" }
                assertFalse(d.silence) { "$n silenced" }
                assertEquals(AlertPriority.DEFAULT, d.alert?.priority, "$n priority")
                assertTrue(d.alert!!.title.startsWith("Incoming call warning")) { d.alert!!.title }
            }
        }

        test("96110 and official hotlines ring and are shown as trusted") {
            for (n in listOf("96110", "95588", "110")) {
                val v = SampleFixtures.guardZh.checkNumber(n, call)
                assertEquals(Level.TRUSTED, v.level, "$n level")
                val d = Policy.callDecision(v, UiLang.ZH)
                assertFalse(d.reject) { "$n rejected" }
                val a = d.alert ?: fail("$n: no trusted notice")
                assertEquals(AlertPriority.LOW, a.priority, "$n priority")
                assertTrue(a.title.startsWith("官方号码来电")) { a.title }
                assertEquals(v.title, a.text, "$n text")
            }
        }

        test("an ordinary number rings with nothing shown") {
            val v = SampleFixtures.guardEn.checkNumber("138 1234 5678", call)
            assertEquals(CallDecision.RING, Policy.callDecision(v, UiLang.EN), "decision")
        }

        test("a confirm verdict (hand-made) rings with a warning: only block rejects") {
            val v = SampleFixtures.verdict(Level.DANGEROUS, Action.CONFIRM, kind = CheckKind.NUMBER)
            val d = Policy.callDecision(v, UiLang.EN)
            assertFalse(d.reject) { "rejected" }
            assertEquals(AlertPriority.HIGH, d.alert?.priority, "priority")
        }

        test("SMS: only suspicious and dangerous messages notify") {
            val quiet = listOf(
                SampleFixtures.verdict(Level.CLEAR, Action.ALLOW),
                SampleFixtures.verdict(Level.TRUSTED, Action.ALLOW),
            )
            for (v in quiet) assertEquals(null, Policy.smsAlert(v, UiLang.EN), "${v.level}")
            val warn = Policy.smsAlert(SampleFixtures.verdict(Level.SUSPICIOUS, Action.WARN), UiLang.EN)
            assertEquals(AlertPriority.DEFAULT, warn?.priority, "suspicious priority")
            assertEquals(AlertChannel.MESSAGES, warn?.channel, "channel")
            val danger = Policy.smsAlert(SampleFixtures.verdict(Level.DANGEROUS, Action.BLOCK), UiLang.ZH)
            assertEquals(AlertPriority.HIGH, danger?.priority, "dangerous priority")
            assertTrue(danger!!.title.startsWith("短信风险提醒")) { danger.title }
        }

        test("SMS: a flagged sender number gives a notification through the real check") {
            val v = SampleFixtures.guardEn.checkNumber("+86 95588 0000", NumberContext(Channel.SMS))
            val a = Policy.smsAlert(v, UiLang.EN) ?: fail("no alert")
            assertEquals(AlertPriority.HIGH, a.priority, "priority")
        }

        test("iOS message filter: flagged → junk, trusted → transaction, codes → transaction, marketing → promotion, else none") {
            fun f(v: org.fanzha.Verdict) = Policy.messageFilter(v)
            assertEquals(FilterAction.JUNK, f(SampleFixtures.verdict(Level.DANGEROUS, Action.BLOCK)).action, "dangerous")
            assertEquals(FilterAction.JUNK, f(SampleFixtures.verdict(Level.SUSPICIOUS, Action.WARN)).action, "suspicious")
            val trusted = f(SampleFixtures.verdict(Level.TRUSTED, Action.ALLOW))
            assertEquals(FilterAction.TRANSACTION, trusted.action, "trusted")
            assertEquals(FilterSubAction.TRANSACTIONAL_OTHERS, trusted.subAction, "trusted sub-action")
            val code = SampleFixtures.verdict(
                Level.CLEAR, Action.ALLOW,
                extracted = listOf(Extracted(kind = "verification_code", value = "123456", verdict = null)),
            )
            assertEquals(FilterAction.TRANSACTION, f(code).action, "code")
            val promo = f(SampleFixtures.verdict(Level.CLEAR, Action.ALLOW, reasons = listOf("message.marketing")))
            assertEquals(FilterAction.PROMOTION, promo.action, "promo")
            assertEquals(FilterSubAction.PROMOTIONAL_OTHERS, promo.subAction, "promo sub-action")
            val none = f(SampleFixtures.verdict(Level.CLEAR, Action.ALLOW))
            assertEquals(FilterAction.NONE, none.action, "clear")
            // Flagged wins over everything else.
            val flaggedPromo = f(SampleFixtures.verdict(Level.SUSPICIOUS, Action.WARN, reasons = listOf("message.marketing")))
            assertEquals(FilterAction.JUNK, flaggedPromo.action, "flagged promo")
        }

        test("iOS message filter on real message verdicts") {
            val g = SampleFixtures.guardZh
            fun f(sender: String?, body: String) = Policy.messageFilter(g.checkMessage(sender, body))
            assertEquals(FilterAction.JUNK, f("+8617012345678", "【公安局】您的账户涉嫌洗钱，请立即将资金转入安全账户配合调查，否则将冻结。").action, "safe account")
            assertEquals(FilterAction.JUNK, f(null, "Your parcel is held at customs, pay the fee at http://bit.ly/abc123").action, "parcel")
            val bank = f("95588", "您的验证码是 123456，5分钟内有效，请勿泄露。")
            assertEquals(FilterDecision(FilterAction.TRANSACTION, FilterSubAction.TRANSACTIONAL_OTHERS), bank, "bank code")
            assertEquals(FilterAction.TRANSACTION, f("+8613912345678", "您的验证码为 884213，用于登录，请勿告诉他人。").action, "code from a number")
            assertEquals(FilterAction.TRANSACTION, f("95588", "您尾号1234的账户今日入账100.00元。").action, "official sender")
            assertEquals(FilterAction.NONE, f("+8613912345678", "明天下午三点开会，记得带材料。").action, "ordinary")
            g.forgetJourney()
        }

        test("the filter never answers Allow (it would vouch for an unknown sender)") {
            for (level in Level.values()) for (action in Action.values()) {
                val d = Policy.messageFilter(SampleFixtures.verdict(level, action))
                assertNotEquals(FilterAction.ALLOW, d.action, "$level/$action")
            }
        }

        test("a degraded-protection notice reaches the notification text") {
            val v = SampleFixtures.verdict(Level.SUSPICIOUS, Action.WARN, reasons = listOf("feed.stale", "message.x"))
            val a = Policy.smsAlert(v, UiLang.EN) ?: fail("no alert")
            assertTrue(a.bigText.contains("expired")) { a.bigText }
        }
    }
}
