package org.fanzha.sample.tests

import org.fanzha.Action
import org.fanzha.Channel
import org.fanzha.CheckKind
import org.fanzha.Decision
import org.fanzha.Level
import org.fanzha.NameCheckResult
import org.fanzha.Question
import org.fanzha.StirResult
import org.fanzha.Verdict
import org.fanzha.sample.logic.CheckResult
import org.fanzha.sample.logic.ConfirmBlocker
import org.fanzha.sample.logic.Example
import org.fanzha.sample.logic.LinkCheckModel
import org.fanzha.sample.logic.LiveContext
import org.fanzha.sample.logic.ManualScript
import org.fanzha.sample.logic.Money
import org.fanzha.sample.logic.NumberCheckModel
import org.fanzha.sample.logic.PayeeKind
import org.fanzha.sample.logic.PaymentChecker
import org.fanzha.sample.logic.SharedText
import org.fanzha.sample.logic.TransferDraft
import org.fanzha.sample.logic.TransferModel
import org.fanzha.sample.logic.TransferStage
import org.fanzha.sample.logic.UiLang
import org.fanzha.sample.logic.context
import org.fanzha.testing.*

object ModelTests : Suite("sample-app models") {
    init {
        test("the Number screen builds the SDK context from its switches") {
            val m = NumberCheckModel(SampleFixtures.guardEn, UiLang.EN)
            m.setNumber("13812345678")
            m.setAsSms(true)
            m.setInContacts(true)
            m.setCallsLastHour(-5)
            m.setStir(StirResult.FAILED)
            val ctx = m.state.value.context()
            assertEquals(Channel.SMS, ctx.channel, "channel")
            assertTrue(ctx.inContacts) { "contacts" }
            assertEquals(0, ctx.callsLastHour, "negative count clamped")
            assertEquals(StirResult.FAILED, ctx.stir, "stir")
            m.check()
            assertTrue(m.state.value.result is CheckResult.Done) { "${m.state.value.result}" }
        }

        test("script options fill the Number form") {
            val e = ManualScript.parse("number\t+86 170 0000 0000\tsms; contact; calls=3; stir=failed\tclear\n").single()
            val m = NumberCheckModel(SampleFixtures.guardEn, UiLang.EN)
            m.useExample(e)
            val f = m.state.value
            assertTrue(f.asSms && f.inContacts) { "$f" }
            assertEquals(3, f.callsLastHour, "calls")
            assertEquals(StirResult.FAILED, f.stir, "stir")
            m.setNumber("x")
            assertEquals(null, m.state.value.example, "editing drops the example")
        }

        test("input the SDK refuses shows an error without the input, and never throws") {
            val m = NumberCheckModel(SampleFixtures.guardEn, UiLang.EN)
            val secret = "not a number at all"
            m.setNumber(secret)
            m.check()
            when (val r = m.state.value.result) {
                is CheckResult.Failed -> {
                    assertTrue(r.message.startsWith("Couldn't check")) { r.message }
                    assertFalse(r.message.contains(secret)) { "error repeats the input: ${r.message}" }
                }
                is CheckResult.Done -> {} // the SDK may well answer it; fine either way
                else -> fail("$r")
            }
            m.setNumber("")
            m.check()
            assertTrue(m.state.value.result !is CheckResult.Idle) { "no answer for empty input" }
        }

        test("a share with a link checks that link; a share without one says so") {
            val m = LinkCheckModel(SampleFixtures.guardEn, UiLang.EN)
            assertTrue(m.onShared("看看这个 https://icbc-verify.top/login?id=1 快点")) { "no link found" }
            assertEquals("https://icbc-verify.top/login?id=1", m.state.value.url, "url")
            assertTrue(m.state.value.result !is CheckResult.Idle) { "not checked" }
            assertFalse(m.onShared("no links here")) { "found a link in plain text" }
            assertTrue(m.state.value.sharedWithoutLink) { "flag" }
        }

        test("links are found in the ways people share them") {
            val cases = mapOf(
                "https://a.example.com/x" to "https://a.example.com/x",
                "Visit http://1.2.3.4:8080/a.apk." to "http://1.2.3.4:8080/a.apk",
                "打开icbc-secure.top/login领取" to "icbc-secure.top/login",
                "www.example.cn, thanks" to "www.example.cn",
                "（详见 https://t.cn/abc）" to "https://t.cn/abc",
            )
            for ((text, want) in cases) assertEquals(want, SharedText.firstLink(text), text)
            assertEquals(null, SharedText.firstLink(null), "null")
            assertEquals(null, SharedText.firstLink("   "), "blank")
            assertEquals(null, SharedText.firstLink("nothing to see"), "plain")
            // Long shared text is bounded, not scanned forever.
            assertEquals(null, SharedText.firstLink("a".repeat(200_000)), "long")
        }

        test("amounts parse the ways people type them, in minor units") {
            val ok = mapOf(
                "5000" to 500000L, "5,000.00" to 500000L, "５０００．５" to 500050L, "¥ 12.3" to 1230L,
                "0.01" to 1L, ".5" to 50L, "1 000 000" to 100000000L,
            )
            for ((t, want) in ok) assertEquals(want, Money.parseMinor(t, "CNY"), t)
            assertEquals(5000L, Money.parseMinor("5000", "JPY"), "JPY has no minor unit")
            assertEquals(1234L, Money.parseMinor("1.234", "KWD"), "KWD has three")
            for (t in listOf("", "-5", "0", "0.00", "1.234", "abc", "1e5", "1.2.3", "99999999999999999999")) {
                assertEquals(null, Money.parseMinor(t, "CNY"), "'$t'")
            }
            assertEquals(null, Money.parseMinor("1.5", "JPY"), "decimals on JPY")
            assertEquals("5,000.00 CNY", Money.format(500000, "cny"), "format")
            assertEquals("1,234,567 JPY", Money.format(1234567, "JPY"), "format JPY")
        }
    }
}

/** A payment checker that answers what the test scripts it to, and counts calls. */
class FakePayments(var next: Verdict, var afterAnswers: Verdict? = null) : PaymentChecker {
    val checked = mutableListOf<TransferDraft>()
    val answered = mutableListOf<Map<String, Boolean>>()
    val paid = mutableListOf<TransferDraft>()

    override fun check(draft: TransferDraft): Verdict {
        checked += draft
        return next
    }

    override fun answer(draft: TransferDraft, answers: Map<String, Boolean>): Verdict {
        answered += answers
        return afterAnswers ?: next
    }

    override fun recordPaid(draft: TransferDraft) {
        paid += draft
    }

    val decisions = mutableListOf<Pair<String, Decision>>()

    override fun decide(verdictId: String, decision: Decision) {
        decisions += verdictId to decision
    }
}

object TransferTests : Suite("sample-app transfer") {
    private val q1 = Question(id = "payment.q.police_safe_account", text = "Police asked you to move money?")
    private val q2 = Question(id = "payment.q.rebate_fee", text = "Paying a fee to unlock a reward?")

    private fun payment(level: Level, action: Action, coolOff: Int? = null, questions: List<Question> = emptyList()) =
        SampleFixtures.verdict(level, action, kind = CheckKind.PAYMENT, coolOffSeconds = coolOff, questions = questions)

    private fun filled(m: TransferModel) = m.edit {
        it.copy(account = "6222 0212 3456 7890 128", kind = PayeeKind.CARD, amount = "5000", currency = "cny")
    }

    init {
        test("the draft carries the form and ORs the live context with manual switches") {
            val fake = FakePayments(payment(Level.CLEAR, Action.ALLOW))
            var now = 0L
            val m = TransferModel(fake, UiLang.EN) { now }
            filled(m)
            m.edit { it.copy(manual = LiveContext(screenSharing = true)) }
            m.review(LiveContext(inCall = true, callNumber = " +8617012345678 ", callSeconds = 300))
            val d = fake.checked.single()
            assertEquals(500000L, d.amountMinor, "amount")
            assertEquals("CNY", d.currency, "currency upper-cased")
            assertTrue(d.context.inCall && d.context.screenSharing) { "${d.context}" }
            assertEquals("+8617012345678", d.context.callNumber, "number trimmed")
            assertEquals(true, d.newPayee, "new payee default")
        }

        test("the name check reaches the draft; decisions on a warning are recorded by verdict id") {
            val warned = payment(Level.SUSPICIOUS, Action.WARN).copy(id = "v1")
            val fake = FakePayments(warned)
            val m = TransferModel(fake, UiLang.EN) { 0L }
            filled(m)
            m.edit { it.copy(nameCheck = NameCheckResult.CLOSE_MATCH, nameReturned = " 张三丰 ") }
            m.review()
            val d = fake.checked.single()
            assertEquals(NameCheckResult.CLOSE_MATCH, d.nameCheck, "name check")
            assertEquals("张三丰", d.nameReturned, "returned name trimmed")
            m.cancel()
            assertEquals(listOf("v1" to Decision.CANCELLED), fake.decisions.toList(), "cancel recorded")

            val m2 = TransferModel(fake, UiLang.EN) { 0L }
            filled(m2)
            m2.review()
            m2.acknowledge(true)
            assertTrue(m2.confirm(0)) { "did not go" }
            assertEquals("v1" to Decision.PROCEEDED, fake.decisions.last(), "proceed recorded")

            // A clear verdict is not a warning: nothing to record.
            val clear = FakePayments(payment(Level.CLEAR, Action.ALLOW).copy(id = "v2"))
            val m3 = TransferModel(clear, UiLang.EN) { 0L }
            filled(m3)
            m3.review()
            m3.confirm(0)
            assertTrue(clear.decisions.isEmpty()) { "recorded a clear verdict" }
        }

        test("an invalid form never reaches the SDK") {
            val fake = FakePayments(payment(Level.CLEAR, Action.ALLOW))
            val m = TransferModel(fake, UiLang.EN) { 0L }
            m.review()
            assertTrue(m.state.value.stage is TransferStage.Invalid) { "${m.state.value.stage}" }
            filled(m)
            m.edit { it.copy(amount = "-1") }
            m.review()
            assertTrue(m.state.value.stage is TransferStage.Invalid) { "negative amount" }
            m.edit { it.copy(amount = "1", currency = "RMB!") }
            m.review()
            assertTrue(m.state.value.stage is TransferStage.Invalid) { "bad currency" }
            assertTrue(fake.checked.isEmpty()) { "SDK called" }
        }

        test("allow: confirm at once, and the SDK learns the payment") {
            val fake = FakePayments(payment(Level.CLEAR, Action.ALLOW))
            val m = TransferModel(fake, UiLang.EN) { 0L }
            filled(m)
            m.review()
            assertEquals(emptyList<ConfirmBlocker>(), m.blockers(0), "blockers")
            assertTrue(m.confirm(0)) { "did not go" }
            assertTrue(m.state.value.stage is TransferStage.Sent) { "${m.state.value.stage}" }
            assertEquals(1, fake.paid.size, "recorded")
        }

        test("warn: needs 'I understand' before confirming") {
            val fake = FakePayments(payment(Level.SUSPICIOUS, Action.WARN))
            val m = TransferModel(fake, UiLang.EN) { 0L }
            filled(m)
            m.review()
            assertEquals(listOf<ConfirmBlocker>(ConfirmBlocker.NeedsAcknowledgement), m.blockers(0), "blockers")
            assertFalse(m.confirm(0)) { "went without acknowledgement" }
            m.acknowledge(true)
            assertTrue(m.confirm(0)) { "did not go" }
        }

        test("confirm: questions and a cool-off hold the button; a 'no' to all lets it go after the wait") {
            val fake = FakePayments(payment(Level.DANGEROUS, Action.CONFIRM, coolOff = 30, questions = listOf(q1, q2)))
            var now = 1_000_000L
            val m = TransferModel(fake, UiLang.EN) { now }
            filled(m)
            m.review()
            val b = m.blockers(now)
            assertTrue(ConfirmBlocker.CoolingOff(30) in b) { "$b" }
            assertTrue(ConfirmBlocker.Unanswered(2) in b) { "$b" }
            m.answer(q1.id, false)
            assertTrue(fake.answered.isEmpty()) { "re-scored before every answer was in" }
            m.answer("not.a.question", true)
            m.answer(q2.id, false)
            assertEquals(listOf(mapOf(q1.id to false, q2.id to false)), fake.answered, "answers sent")
            m.acknowledge(true)
            now += 10_000
            assertEquals(listOf<ConfirmBlocker>(ConfirmBlocker.CoolingOff(20)), m.blockers(now), "10 s in")
            assertFalse(m.confirm(now)) { "went during the cool-off" }
            now += 20_000
            assertTrue(m.confirm(now)) { "did not go after the cool-off" }
        }

        test("a 'yes' that the SDK turns into block stops the transfer for good") {
            val fake = FakePayments(
                payment(Level.DANGEROUS, Action.CONFIRM, coolOff = 30, questions = listOf(q1)),
                afterAnswers = payment(Level.DANGEROUS, Action.BLOCK),
            )
            val m = TransferModel(fake, UiLang.EN) { 0L }
            filled(m)
            m.review()
            m.answer(q1.id, true)
            assertTrue(m.state.value.stage is TransferStage.Stopped) { "${m.state.value.stage}" }
            assertFalse(m.confirm(1_000_000)) { "a stopped transfer went" }
            assertTrue(fake.paid.isEmpty()) { "recorded a stopped payment" }
        }

        test("a re-score never shortens the cool-off; a longer one restarts it") {
            var now = 0L
            val fake = FakePayments(
                payment(Level.DANGEROUS, Action.CONFIRM, coolOff = 30, questions = listOf(q1)),
                afterAnswers = payment(Level.DANGEROUS, Action.CONFIRM, coolOff = 5),
            )
            val m = TransferModel(fake, UiLang.EN) { now }
            filled(m)
            m.review()
            now = 10_000
            m.answer(q1.id, false)
            val left = (m.blockers(now).first { it is ConfirmBlocker.CoolingOff } as ConfirmBlocker.CoolingOff).secondsLeft
            assertEquals(20, left, "shortened")
            fake.afterAnswers = payment(Level.DANGEROUS, Action.CONFIRM, coolOff = 120, questions = listOf(q2))
            fake.next = payment(Level.DANGEROUS, Action.CONFIRM, coolOff = 30, questions = listOf(q2))
            m.review()
            now = 20_000
            m.answer(q2.id, true)
            val left2 = (m.blockers(now).first { it is ConfirmBlocker.CoolingOff } as ConfirmBlocker.CoolingOff).secondsLeft
            assertEquals(120, left2, "restarted")
        }

        test("block at once: no confirm, no record") {
            val fake = FakePayments(payment(Level.DANGEROUS, Action.BLOCK))
            val m = TransferModel(fake, UiLang.EN) { 0L }
            filled(m)
            m.review()
            assertTrue(m.state.value.stage is TransferStage.Stopped) { "${m.state.value.stage}" }
            assertFalse(m.confirm(0)) { "went" }
        }

        test("an SDK exception becomes a Failed stage, not a crash") {
            val boom = object : PaymentChecker {
                override fun check(draft: TransferDraft): Verdict = throw IllegalStateException("boom")
                override fun answer(draft: TransferDraft, answers: Map<String, Boolean>): Verdict = throw IllegalStateException()
                override fun recordPaid(draft: TransferDraft) {}
            }
            val m = TransferModel(boom, UiLang.EN) { 0L }
            filled(m)
            m.review()
            assertTrue(m.state.value.stage is TransferStage.Failed) { "${m.state.value.stage}" }
        }

        test("payment script options fill the transfer form") {
            val e: Example = ManualScript.parse(
                "payment\t6222021234567890128\tkind=card; amount=50000.00; memo=安全账户; new_payee; call=unknown; call_secs=600; screen_sharing\tdangerous\n",
            ).single()
            val f = TransferModel.formFromExample(e)
            assertEquals(PayeeKind.CARD, f.kind, "kind")
            assertEquals("50000.00", f.amount, "amount")
            assertEquals("安全账户", f.memo, "memo")
            assertEquals(true, f.newPayee, "new payee")
            assertTrue(f.manual.inCall) { "in call" }
            assertEquals(null, f.manual.callNumber, "unknown caller")
            assertEquals(600, f.manual.callSeconds, "secs")
            assertTrue(f.manual.screenSharing) { "screen sharing" }
        }
    }
}

object RecentCallsTests : Suite("sample-app recent calls") {
    init {
        test("counts a number's calls in the last hour and forgets older ones") {
            val r = org.fanzha.sample.logic.RecentCalls(max = 3)
            r.onScreened("+8617012345678", Level.CLEAR, 0)
            r.onScreened("+8617012345678", Level.CLEAR, 30 * 60_000L)
            r.onScreened("110", Level.TRUSTED, 40 * 60_000L)
            assertEquals(2, r.countLastHour("+8617012345678", 50 * 60_000L), "within the hour")
            assertEquals(1, r.countLastHour("+8617012345678", 61 * 60_000L), "first call aged out")
            r.onScreened("+8613800000000", Level.CLEAR, 41 * 60_000L)
            assertEquals(1, r.countLastHour("+8617012345678", 50 * 60_000L), "bounded: oldest dropped")
            assertEquals("+8613800000000", r.last(60_000L, 41 * 60_000L + 1)?.number, "last")
            assertEquals(null, r.last(60_000L, 50 * 60_000L), "too old to be the current call")
        }
    }
}
