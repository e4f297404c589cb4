// Plain Kotlin (no Android imports): see VerdictView.kt.
//
// The mock bank transfer: a form, the live context the platform layer
// reads (call state, screen sharing …), and the review flow a bank app
// would run around the SDK's payment verdict — questions, cool-off,
// acknowledgement — as a state machine the JVM tests drive with a manual
// clock.
package org.fanzha.sample.logic

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import org.fanzha.Action
import org.fanzha.Decision
import org.fanzha.NameCheckResult
import org.fanzha.Verdict

/** The payee account kinds the SDK knows (mirrors the binding's enum). */
enum class PayeeKind { CARD, IBAN, ALIPAY, WECHAT, PHONE, OTHER }

/**
 * What the phone is doing while the user pays, as the platform layer
 * reads it: Android's TelephonyManager call state (+ the number the
 * app's own CallScreeningService saw, when it saw one), a screen-sharing
 * / casting flag, remote-control and accessibility services.
 */
data class LiveContext(
    val inCall: Boolean = false,
    /** The other party, when known; null = unknown or withheld. */
    val callNumber: String? = null,
    val callSeconds: Int = 0,
    val callInContacts: Boolean = false,
    val screenSharing: Boolean = false,
    val remoteAccess: Boolean = false,
    val accessibilityService: Boolean = false,
)

/** A checked-and-parsed transfer, ready for the SDK. */
data class TransferDraft(
    val account: String,
    val kind: PayeeKind,
    val payeeName: String?,
    val amountMinor: Long,
    val currency: String,
    val memo: String?,
    /** null = let the SDK decide from its own payee history. */
    val newPayee: Boolean?,
    val context: LiveContext,
    /** The bank's payee-name check (Confirmation of Payee); null = not made. */
    val nameCheck: NameCheckResult? = null,
    /** The account holder's name the bank returned (close match). */
    val nameReturned: String? = null,
)

/**
 * The three payment calls the transfer screen makes. [GuardPayments]
 * implements them over the binding's Guard; some tests use a fake.
 */
interface PaymentChecker {
    fun check(draft: TransferDraft): Verdict

    /** Re-scores with the user's answers (question id → yes). */
    fun answer(draft: TransferDraft, answers: Map<String, Boolean>): Verdict

    /** The transfer went through: the SDK learns the payee and amount. */
    fun recordPaid(draft: TransferDraft)

    /**
     * What the person did after a warning (verdict id from `Verdict.id`),
     * for the bank's audit log. Default: not recorded (no store).
     */
    fun decide(verdictId: String, decision: Decision) {}
}

data class TransferForm(
    val account: String = "",
    val kind: PayeeKind = PayeeKind.CARD,
    val payeeName: String = "",
    val amount: String = "",
    val currency: String = "CNY",
    val memo: String = "",
    /** null = unknown to the bank: the SDK decides. */
    val newPayee: Boolean? = true,
    /** The bank's payee-name check result, as the bank's back end returned it. */
    val nameCheck: NameCheckResult? = null,
    val nameReturned: String = "",
    /** Manual overrides for testing; the platform's live reading is ORed in. */
    val manual: LiveContext = LiveContext(),
)

sealed interface TransferStage {
    object Editing : TransferStage

    /** The form can't be sent to the SDK; `problem` says why (no user data). */
    data class Invalid(val problem: String) : TransferStage

    data class Reviewing(
        val draft: TransferDraft,
        val verdict: Verdict,
        val view: VerdictView,
        /** When the current cool-off started (ms, the model's clock). */
        val coolOffStartMs: Long,
        val coolOffSeconds: Int,
        val answers: Map<String, Boolean>,
        /** For `warn`: the user ticked "I understand the risk". */
        val acknowledged: Boolean,
    ) : TransferStage

    /** The SDK said block (at first, or after the answers): no way forward. */
    data class Stopped(val verdict: Verdict, val view: VerdictView) : TransferStage

    data class Sent(val draft: TransferDraft, val view: VerdictView) : TransferStage

    /** The verdict this stage shows, if any. */
    val shownVerdict: Verdict?
        get() = when (this) {
            is Reviewing -> verdict
            is Stopped -> verdict
            else -> null
        }

    object Cancelled : TransferStage

    data class Failed(val message: String) : TransferStage
}

/** Why "Confirm" is disabled right now. */
sealed interface ConfirmBlocker {
    data class CoolingOff(val secondsLeft: Int) : ConfirmBlocker
    data class Unanswered(val count: Int) : ConfirmBlocker
    object NeedsAcknowledgement : ConfirmBlocker
}

data class TransferState(
    val form: TransferForm = TransferForm(),
    val stage: TransferStage = TransferStage.Editing,
    val example: Example? = null,
)

class TransferModel(
    private val payments: PaymentChecker,
    private val lang: UiLang,
    private val nowMs: () -> Long = System::currentTimeMillis,
) {
    private val _state = MutableStateFlow(TransferState())
    val state: StateFlow<TransferState> = _state.asStateFlow()

    fun edit(change: (TransferForm) -> TransferForm) =
        _state.update { it.copy(form = change(it.form), stage = TransferStage.Editing, example = null) }

    /**
     * Fills the form from a script line. Options: `kind=card|iban|…`,
     * `amount=5000.00`, `currency=CNY`, `name=…`, `memo=…`, `new_payee`,
     * `known_payee`, `call=unknown|<number>`, `call_secs=N`, `call_contact`,
     * `screen_sharing`, `remote_access`, `accessibility`.
     */
    fun useExample(e: Example) = _state.update {
        TransferState(form = formFromExample(e), example = e)
    }

    /** Validates the form; null with the problem when it can't be checked. */
    fun draft(form: TransferForm, live: LiveContext): Pair<TransferDraft?, String?> {
        val account = form.account.trim()
        if (account.isEmpty()) return null to problem("account")
        val currency = form.currency.trim().uppercase()
        if (!currency.matches(Regex("[A-Z]{3}"))) return null to problem("currency")
        val minor = Money.parseMinor(form.amount, currency) ?: return null to problem("amount")
        val ctx = LiveContext(
            inCall = live.inCall || form.manual.inCall,
            callNumber = (live.callNumber ?: form.manual.callNumber)?.trim()?.ifEmpty { null },
            callSeconds = maxOf(live.callSeconds, form.manual.callSeconds),
            callInContacts = live.callInContacts || form.manual.callInContacts,
            screenSharing = live.screenSharing || form.manual.screenSharing,
            remoteAccess = live.remoteAccess || form.manual.remoteAccess,
            accessibilityService = live.accessibilityService || form.manual.accessibilityService,
        )
        return TransferDraft(
            account = account,
            kind = form.kind,
            payeeName = form.payeeName.trim().ifEmpty { null },
            amountMinor = minor,
            currency = currency,
            memo = form.memo.trim().ifEmpty { null },
            newPayee = form.newPayee,
            context = ctx,
            nameCheck = form.nameCheck,
            nameReturned = form.nameReturned.trim().ifEmpty { null },
        ) to null
    }

    /** "Review transfer": asks the SDK and moves to the matching stage. */
    fun review(live: LiveContext = LiveContext()) {
        val s = _state.value
        val (draft, problem) = draft(s.form, live)
        if (draft == null) {
            _state.update { it.copy(stage = TransferStage.Invalid(problem ?: "")) }
            return
        }
        val stage = try {
            stageFor(draft, payments.check(draft), answers = emptyMap(), previous = null)
        } catch (e: Exception) {
            TransferStage.Failed(failureText(e, lang))
        }
        _state.update { it.copy(stage = stage) }
    }

    /** Records an answer; once every question is answered, the SDK re-scores. */
    fun answer(questionId: String, yes: Boolean) {
        val r = _state.value.stage as? TransferStage.Reviewing ?: return
        if (r.verdict.questions.none { it.id == questionId }) return
        val answers = r.answers + (questionId to yes)
        val allAnswered = r.verdict.questions.all { it.id in answers }
        val stage = if (!allAnswered) {
            r.copy(answers = answers)
        } else {
            try {
                stageFor(r.draft, payments.answer(r.draft, answers), answers, previous = r)
            } catch (e: Exception) {
                TransferStage.Failed(failureText(e, lang))
            }
        }
        _state.update { it.copy(stage = stage) }
    }

    fun acknowledge(b: Boolean) = _state.update { s ->
        val r = s.stage as? TransferStage.Reviewing ?: return@update s
        s.copy(stage = r.copy(acknowledged = b))
    }

    /** What keeps "Confirm" disabled now; empty = it may go. */
    fun blockers(now: Long = nowMs()): List<ConfirmBlocker> {
        val r = _state.value.stage as? TransferStage.Reviewing ?: return emptyList()
        return blockersOf(r, now)
    }

    /** "Confirm transfer": only when nothing blocks it. Returns whether it went. */
    fun confirm(now: Long = nowMs()): Boolean {
        val r = _state.value.stage as? TransferStage.Reviewing ?: return false
        if (blockersOf(r, now).isNotEmpty()) return false
        try {
            payments.recordPaid(r.draft)
        } catch (e: Exception) {
            _state.update { it.copy(stage = TransferStage.Failed(failureText(e, lang))) }
            return false
        }
        record(r.verdict, Decision.PROCEEDED)
        _state.update { it.copy(stage = TransferStage.Sent(r.draft, r.view)) }
        return true
    }

    fun cancel() {
        when (val stage = _state.value.stage) {
            is TransferStage.Reviewing -> record(stage.verdict, Decision.CANCELLED)
            is TransferStage.Stopped -> record(stage.verdict, Decision.CANCELLED)
            else -> {}
        }
        _state.update { it.copy(stage = TransferStage.Cancelled) }
    }

    /**
     * "Ask for help" (96110 or the bank's own number) instead of paying:
     * recorded as `asked_for_help`; the transfer does not go.
     */
    fun askForHelp() {
        when (val stage = _state.value.stage) {
            is TransferStage.Reviewing -> record(stage.verdict, Decision.ASKED_FOR_HELP)
            is TransferStage.Stopped -> record(stage.verdict, Decision.ASKED_FOR_HELP)
            else -> return
        }
        _state.update { it.copy(stage = TransferStage.Cancelled) }
    }

    /**
     * Reports the person's decision on a warning to the audit log. A
     * verdict below `warn` is not a recorded warning; a failure to record
     * never blocks the transfer flow.
     */
    private fun record(v: Verdict, decision: Decision) {
        val id = v.id ?: return
        if (v.action == Action.ALLOW) return
        runCatching { payments.decide(id, decision) }
    }

    fun backToForm() = _state.update { it.copy(stage = TransferStage.Editing) }

    private fun stageFor(
        draft: TransferDraft,
        v: Verdict,
        answers: Map<String, Boolean>,
        previous: TransferStage.Reviewing?,
    ): TransferStage {
        val view = VerdictView.of(v, lang)
        if (v.action == Action.BLOCK) return TransferStage.Stopped(v, view)
        val now = nowMs()
        val seconds = v.coolOffSeconds?.coerceAtLeast(0) ?: 0
        // A re-score never shortens a cool-off already running; a longer
        // one restarts it from now.
        val (start, secs) = if (previous != null) {
            val left = remaining(previous, now)
            if (seconds > left) now to seconds else previous.coolOffStartMs to previous.coolOffSeconds
        } else {
            now to seconds
        }
        return TransferStage.Reviewing(
            draft = draft,
            verdict = v,
            view = view,
            coolOffStartMs = start,
            coolOffSeconds = secs,
            // Keep only answers to questions this verdict still asks.
            answers = answers.filterKeys { id -> v.questions.any { it.id == id } },
            acknowledged = previous?.acknowledged ?: false,
        )
    }

    private fun problem(field: String): String {
        val zh = lang == UiLang.ZH
        return when (field) {
            "account" -> if (zh) "请填写收款账户" else "Enter the payee account"
            "currency" -> if (zh) "币种应为三位字母代码，如 CNY" else "Currency must be a 3-letter code such as CNY"
            else -> if (zh) "金额无效（须为正数，小数位不超过币种规定）" else "Invalid amount (positive, no more decimals than the currency has)"
        }
    }

    companion object {
        fun remaining(r: TransferStage.Reviewing, now: Long): Int {
            val end = r.coolOffStartMs + r.coolOffSeconds * 1000L
            val leftMs = end - now
            return if (leftMs <= 0) 0 else ((leftMs + 999) / 1000).toInt()
        }

        fun blockersOf(r: TransferStage.Reviewing, now: Long): List<ConfirmBlocker> {
            val out = mutableListOf<ConfirmBlocker>()
            val left = remaining(r, now)
            if (left > 0) out += ConfirmBlocker.CoolingOff(left)
            val unanswered = r.verdict.questions.count { it.id !in r.answers }
            if (unanswered > 0) out += ConfirmBlocker.Unanswered(unanswered)
            val needsAck = r.verdict.action == Action.WARN || r.verdict.action == Action.CONFIRM
            if (needsAck && !r.acknowledged) out += ConfirmBlocker.NeedsAcknowledgement
            return out
        }

        fun formFromExample(e: Example): TransferForm {
            val call = e.option("call")
            return TransferForm(
                account = e.input,
                kind = e.option("kind")?.let { k -> PayeeKind.values().firstOrNull { it.name.equals(k, true) } } ?: PayeeKind.OTHER,
                payeeName = e.option("name") ?: "",
                amount = e.option("amount") ?: "",
                currency = e.option("currency") ?: "CNY",
                memo = e.option("memo") ?: "",
                newPayee = when {
                    e.flag("new_payee") -> true
                    e.flag("known_payee") -> false
                    else -> null
                },
                manual = LiveContext(
                    inCall = e.flag("call"),
                    callNumber = call?.takeIf { it != "unknown" },
                    callSeconds = e.option("call_secs")?.toIntOrNull() ?: 0,
                    callInContacts = e.flag("call_contact"),
                    screenSharing = e.flag("screen_sharing"),
                    remoteAccess = e.flag("remote_access"),
                    accessibilityService = e.flag("accessibility"),
                ),
            )
        }
    }
}
