package org.fanzha.sample

import org.fanzha.AccountKind
import org.fanzha.Answer
import org.fanzha.CallContext
import org.fanzha.CheckKind
import org.fanzha.FraudType
import org.fanzha.Guard
import org.fanzha.PaymentContext
import org.fanzha.PaymentIntent
import org.fanzha.Verdict
import org.fanzha.sample.logic.PayeeKind
import org.fanzha.sample.logic.PaymentChecker
import org.fanzha.sample.logic.ProtectionStatus
import org.fanzha.sample.logic.ReportRow
import org.fanzha.sample.logic.ReportsPort
import org.fanzha.sample.logic.RuleChoice
import org.fanzha.sample.logic.StatusPort
import org.fanzha.sample.logic.TransferDraft

// The screens' ports implemented over the binding's Guard. These move into
// logic/ (and get JVM tests against the real library) as each binding API
// lands on main; until then they are written against the names the
// bindings branch uses (payment) or documents (store, feeds, reports).

/** checkPayment / answerPaymentQuestions / recordPayment. */
class GuardPayments(private val guard: Guard) : PaymentChecker {
    override fun check(draft: TransferDraft): Verdict = guard.checkPayment(intent(draft))

    override fun answer(draft: TransferDraft, answers: Map<String, Boolean>): Verdict =
        guard.answerPaymentQuestions(intent(draft), answers.map { (id, yes) -> Answer(id = id, yes = yes) })

    override fun recordPaid(draft: TransferDraft) = guard.recordPayment(intent(draft))

    companion object {
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
            context = PaymentContext(
                call = if (d.context.inCall) {
                    CallContext(number = d.context.callNumber, durationSecs = d.context.callSeconds, inContacts = d.context.callInContacts)
                } else {
                    null
                },
                screenSharing = d.context.screenSharing,
                remoteAccess = d.context.remoteAccess,
                accessibilityService = d.context.accessibilityService,
                utcOffsetMinutes = java.util.TimeZone.getDefault().getOffset(System.currentTimeMillis()) / 60_000,
            ),
        )
    }
}

/** The report queue and the user's rules (store API). */
class GuardReports(private val guard: Guard) : ReportsPort {
    override fun add(kind: CheckKind, value: String, fraudType: FraudType?, note: String): Long =
        guard.addReport(kind, value, fraudType, note)

    override fun list(): List<ReportRow> = guard.reports(pendingOnly = false).map {
        ReportRow(it.id, it.kind, it.value, it.fraudType, it.note, it.createdMs, it.uploadedMs)
    }

    override fun export(pendingOnly: Boolean): String = guard.exportReports(pendingOnly)

    override fun markUploaded(ids: List<Long>): Int = guard.markReportsUploaded(ids)

    override fun delete(id: Long): Boolean = guard.deleteReport(id)

    override fun setRule(kind: CheckKind, value: String, choice: RuleChoice) =
        guard.setRule(kind, value, if (choice == RuleChoice.BLOCK) org.fanzha.RuleAction.BLOCK else org.fanzha.RuleAction.ALLOW)
}

/** Protection status and feed apply (store + feed API). */
class GuardStatus(private val guard: Guard) : StatusPort {
    override fun status(): ProtectionStatus {
        val s = guard.status()
        return ProtectionStatus(
            feedVersion = s.feedVersion,
            feeds = s.feeds.map { org.fanzha.sample.logic.FeedInfo(it.feedId, it.version, it.createdMs, it.expiresMs, it.entries) },
            storeEntries = s.entries,
            pendingReports = s.pendingReports,
        )
    }

    override fun applyFeed(bytes: ByteArray): String = guard.applyFeed(bytes).feedVersion
}
