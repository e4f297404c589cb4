// Plain Kotlin (no Android imports): see VerdictView.kt.
package org.fanzha.sample.logic

import org.fanzha.AccountKind
import org.fanzha.Answer
import org.fanzha.CallContext
import org.fanzha.Decision
import org.fanzha.NameCheck
import org.fanzha.GuardInterface
import org.fanzha.PaymentContext
import org.fanzha.PaymentIntent
import org.fanzha.Verdict
import java.util.TimeZone

/**
 * The transfer screen's [PaymentChecker] over the binding's Guard:
 * `checkPayment`, `answerPaymentQuestions`, `recordPayment`, and
 * `recordDecision` for the audit log.
 *
 * `utcOffsetMinutes` feeds the SDK's "night" signal (default: the
 * device's current offset); tests pin it so results don't depend on the
 * hour they run at.
 */
class GuardPayments(
    private val guard: GuardInterface,
    private val utcOffsetMinutes: () -> Int? = { TimeZone.getDefault().getOffset(System.currentTimeMillis()) / 60_000 },
) : PaymentChecker {
    override fun check(draft: TransferDraft): Verdict = guard.checkPayment(intent(draft))

    override fun answer(draft: TransferDraft, answers: Map<String, Boolean>): Verdict =
        guard.answerPaymentQuestions(intent(draft), answers.map { (id, yes) -> Answer(id = id, yes = yes) })

    override fun recordPaid(draft: TransferDraft) = guard.recordPayment(intent(draft))

    override fun decide(verdictId: String, decision: Decision) = guard.recordDecision(verdictId, decision)

    /** The binding's intent for a draft. */
    fun intent(d: TransferDraft) = PaymentIntent(
        account = d.account,
        accountKind = when (d.kind) {
            PayeeKind.CARD -> AccountKind.CARD
            PayeeKind.IBAN -> AccountKind.IBAN
            PayeeKind.ALIPAY -> AccountKind.ALIPAY
            PayeeKind.WECHAT -> AccountKind.WECHAT
            PayeeKind.PHONE -> AccountKind.PHONE
            PayeeKind.OTHER -> AccountKind.OTHER
        },
        amountMinor = d.amountMinor,
        currency = d.currency,
        payeeName = d.payeeName,
        memo = d.memo,
        newPayee = d.newPayee,
        nameCheck = d.nameCheck?.let { NameCheck(result = it, returnedName = d.nameReturned) },
        context = PaymentContext(
            call = if (d.context.inCall) {
                CallContext(number = d.context.callNumber, durationSecs = d.context.callSeconds, inContacts = d.context.callInContacts)
            } else {
                null
            },
            screenSharing = d.context.screenSharing,
            remoteAccess = d.context.remoteAccess,
            accessibilityService = d.context.accessibilityService,
            utcOffsetMinutes = utcOffsetMinutes(),
        ),
    )
}
