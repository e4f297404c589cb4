package org.fanzha.tests

import org.fanzha.AccountKind
import org.fanzha.Action
import org.fanzha.Answer
import org.fanzha.CallContext
import org.fanzha.CheckKind
import org.fanzha.Event
import org.fanzha.EventKind
import org.fanzha.FanzhaException
import org.fanzha.FraudType
import org.fanzha.Guard
import org.fanzha.GuardSettings
import org.fanzha.Level
import org.fanzha.PaymentContext
import org.fanzha.PaymentIntent
import org.fanzha.testing.*

object PaymentTests : Suite("checkPayment") {
    // A valid UnionPay-style card number written for these tests.
    const val CARD = "6222 0212 3456 7890 128"

    fun intent(amountMinor: Long, context: PaymentContext = PaymentContext(), newPayee: Boolean? = true) =
        PaymentIntent(CARD, AccountKind.CARD, amountMinor, "CNY", newPayee = newPayee, context = context)

    // Each test gets its own guard: payments and events change its journey.
    fun freshGuard() = Guard(GuardSettings(locale = "en"))

    init {
        test("a large first payment while on a call with an unknown number is dangerous, with a cool-off and questions") {
            val guard = freshGuard()
            val v = guard.checkPayment(intent(5_000_000, PaymentContext(call = CallContext(number = null, durationSecs = 600))))
            assertEquals(CheckKind.PAYMENT, v.kind, "kind")
            assertEquals(Level.DANGEROUS, v.level, "level")
            assertEquals(Action.CONFIRM, v.action, "action")
            assertTrue(v.fraudType == FraudType.IMPERSONATE_AUTHORITY || v.fraudType == FraudType.IMPERSONATE_CUSTOMER_SERVICE) {
                "fraud type ${v.fraudType}"
            }
            assertTrue(v.reasons.any { it.code == "payment.in_call_new_payee" }) { "reasons: ${v.reasons.map { it.code }}" }
            assertTrue((v.coolOffSeconds ?: 0) > 0) { "cool-off ${v.coolOffSeconds}" }
            assertTrue(v.questions.isNotEmpty()) { "no questions" }
            guard.close()
        }

        test("a small payment with no context is not dangerous") {
            val guard = freshGuard()
            val v = guard.checkPayment(intent(5_000, newPayee = false))
            assertTrue(v.level == Level.CLEAR || v.level == Level.SUSPICIOUS) { "level ${v.level}: ${v.reasons}" }
            assertTrue(v.action == Action.ALLOW || v.action == Action.WARN) { "action ${v.action}" }
            guard.close()
        }

        test("answering yes to a question re-scores the payment") {
            val guard = freshGuard()
            val p = intent(500_000, PaymentContext(screenSharing = true))
            val first = guard.checkPayment(p)
            val q = first.questions.firstOrNull() ?: fail("no question for a screen-shared first payment: ${first.reasons}")
            val again = guard.answerPaymentQuestions(p, listOf(Answer(q.id, true)))
            assertTrue(again.score >= first.score) { "score went ${first.score} → ${again.score}" }
            assertEquals(Level.DANGEROUS, again.level, "level after a yes")
            assertThrows<FanzhaException.InvalidInput> {
                guard.answerPaymentQuestions(p, listOf(Answer("payment.q.no_such_question", true)))
            }
            guard.close()
        }

        test("a flagged call recorded by the host escalates a later payment") {
            val guard = freshGuard()
            val p = intent(300_000)
            val before = guard.checkPayment(p)
            guard.recordEvent(Event(EventKind.CALL, Level.DANGEROUS, FraudType.IMPERSONATE_AUTHORITY, subject = "+86 170 1234 5678"))
            val after = guard.checkPayment(p)
            assertTrue(after.score > before.score) { "score ${before.score} → ${after.score}: ${after.reasons.map { it.code }}" }
            guard.forgetJourney()
            guard.close()
        }

        test("bad intents are InvalidInput exceptions that do not repeat the account") {
            val guard = freshGuard()
            val e = assertThrows<FanzhaException.InvalidInput> { guard.checkPayment(intent(-100)) }
            assertEquals(CheckKind.PAYMENT, e.kind, "kind")
            assertFalse((e.message ?: "").contains("6222")) { "message leaks the account: ${e.message}" }
            assertThrows<FanzhaException.InvalidInput> {
                guard.checkPayment(PaymentIntent("", AccountKind.OTHER, 100, "CNY"))
            }
            assertThrows<FanzhaException.InvalidInput> {
                guard.checkPayment(PaymentIntent(CARD, AccountKind.CARD, 100, "XYZ"))
            }
            assertThrows<FanzhaException.InvalidInput> {
                guard.checkPayment(intent(100, PaymentContext(call = CallContext(durationSecs = -5))))
            }
            assertThrows<FanzhaException.InvalidInput> {
                guard.checkPayment(PaymentIntent(CARD, AccountKind.CARD, 100, "CNY", memo = "x".repeat(10_000)))
            }
            guard.close()
        }

        test("recording a payment is accepted") {
            val guard = freshGuard()
            guard.recordPayment(intent(10_000))
            guard.close()
        }
    }
}
