// Plain Kotlin (no Android imports): see VerdictView.kt.
//
// What the apps DO with a verdict, in one place: the call screening
// response, the notifications, and the iOS Message Filter action. The
// Android services and the iOS extensions only translate these plain
// values into platform calls; the JVM tests run every rule here against
// real verdicts from the native library. ios-sample/Shared/Policy.swift
// mirrors this file rule for rule — change both together.
package org.fanzha.sample.logic

import org.fanzha.Action
import org.fanzha.Level
import org.fanzha.Verdict

/** How loud a notification should be. */
enum class AlertPriority {
    /** Silent, in the shade only (an identified official caller). */
    LOW,

    /** Normal notification (suspicious). */
    DEFAULT,

    /** Heads-up (dangerous, or a call the app blocked). */
    HIGH,
}

/** Which notification channel an alert goes to. */
enum class AlertChannel { CALLS, MESSAGES }

/** A notification the app should post: platform code only draws it. */
data class Alert(
    val channel: AlertChannel,
    val priority: AlertPriority,
    val title: String,
    val text: String,
    /** Longer text for the expanded notification: title, then advice lines. */
    val bigText: String,
)

/**
 * What the CallScreeningService answers for one incoming call. Maps 1:1
 * onto `CallScreeningService.CallResponse.Builder`:
 * `setDisallowCall(reject)`, `setRejectCall(reject)`,
 * `setSilenceCall(silence)`; the call always stays in the call log and
 * its missed-call notification stays on (transparency).
 */
data class CallDecision(
    val reject: Boolean,
    val silence: Boolean,
    val alert: Alert?,
) {
    companion object {
        /** Let it ring, say nothing: the answer when anything goes wrong. */
        val RING = CallDecision(reject = false, silence = false, alert = null)
    }
}

/** iOS `ILMessageFilterAction`, mirrored so the mapping is testable here. */
enum class FilterAction { NONE, ALLOW, JUNK, PROMOTION, TRANSACTION }

/** iOS 16 `ILMessageFilterSubAction` cases this app uses. */
enum class FilterSubAction { NONE, TRANSACTIONAL_OTHERS, TRANSACTIONAL_FINANCE, PROMOTIONAL_OTHERS }

data class FilterDecision(val action: FilterAction, val subAction: FilterSubAction)

object Policy {
    /**
     * Reason codes that mark a message as marketing rather than fraud. The
     * message check may add such codes (e.g. an unsubscribe line); a code
     * that never appears simply never matches.
     */
    val PROMOTION_CODES = setOf("message.marketing", "message.promotion", "message.unsubscribe")

    /** Items pulled out of a message that make it transactional. */
    val TRANSACTION_ITEM_KINDS = setOf("verification_code")

    /** The item kind the message check gives the sender. */
    const val SENDER_ITEM = "sender"

    /**
     * The incoming-call answer.
     *
     * - `block` → reject (unless the user turned blocking off: then it
     *   rings, silenced, with a heads-up warning);
     * - `confirm` / `warn` → ring, with a notification carrying the
     *   verdict's title and advice (heads-up when dangerous);
     * - `trusted` (96110, 110, official bank hotlines) → ring, with a
     *   quiet "official number" notification;
     * - `clear` → ring, nothing shown.
     *
     * Never rejects on anything but the SDK's `block`; an error is [CallDecision.RING].
     */
    fun callDecision(v: Verdict, lang: UiLang, blockingEnabled: Boolean = true): CallDecision {
        val view = VerdictView.of(v, lang)
        return when {
            v.action == Action.BLOCK && blockingEnabled -> CallDecision(
                reject = true,
                silence = false,
                alert = alert(AlertChannel.CALLS, AlertPriority.HIGH, UiText.Key.CALL_BLOCKED, view, lang),
            )
            v.action == Action.BLOCK -> CallDecision(
                reject = false,
                silence = true,
                alert = alert(AlertChannel.CALLS, AlertPriority.HIGH, UiText.Key.CALL_WARNING, view, lang),
            )
            v.action == Action.CONFIRM || v.action == Action.WARN || v.isWarning() -> CallDecision(
                reject = false,
                silence = false,
                alert = alert(
                    AlertChannel.CALLS,
                    if (v.level == Level.DANGEROUS) AlertPriority.HIGH else AlertPriority.DEFAULT,
                    UiText.Key.CALL_WARNING,
                    view,
                    lang,
                ),
            )
            v.level == Level.TRUSTED -> CallDecision(
                reject = false,
                silence = false,
                alert = alert(AlertChannel.CALLS, AlertPriority.LOW, UiText.Key.CALL_TRUSTED, view, lang),
            )
            else -> CallDecision.RING
        }
    }

    /**
     * The notification for an incoming SMS, or null. Suspicious and
     * dangerous messages notify (dangerous as heads-up); trusted and clear
     * ones stay quiet — the messaging app already shows them.
     */
    fun smsAlert(v: Verdict, lang: UiLang): Alert? {
        if (!v.isWarning() && v.action != Action.BLOCK && v.action != Action.CONFIRM) return null
        val view = VerdictView.of(v, lang)
        val priority = if (v.level == Level.DANGEROUS || v.action == Action.BLOCK) AlertPriority.HIGH else AlertPriority.DEFAULT
        return alert(AlertChannel.MESSAGES, priority, UiText.Key.SMS_WARNING, view, lang)
    }

    /**
     * The iOS Message Filter answer for a message from an unknown sender.
     *
     * - suspicious or dangerous → Junk (iOS files it under Junk and turns
     *   its links off — the protective part);
     * - trusted, or clear from a sender the SDK identifies as official
     *   (95588 …) → Transaction;
     * - clear with a verification code in it → Transaction;
     * - clear with a marketing signal → Promotion;
     * - otherwise → None (the system decides; never "Allow", which would
     *   vouch for a message we know nothing about).
     */
    fun messageFilter(v: Verdict): FilterDecision = when {
        v.level == Level.DANGEROUS || v.level == Level.SUSPICIOUS ||
            v.action == Action.BLOCK || v.action == Action.CONFIRM ->
            FilterDecision(FilterAction.JUNK, FilterSubAction.NONE)
        v.level == Level.TRUSTED ->
            FilterDecision(FilterAction.TRANSACTION, FilterSubAction.TRANSACTIONAL_OTHERS)
        v.extracted.any { it.kind == SENDER_ITEM && it.verdict?.level == Level.TRUSTED } ->
            FilterDecision(FilterAction.TRANSACTION, FilterSubAction.TRANSACTIONAL_OTHERS)
        v.extracted.any { it.kind in TRANSACTION_ITEM_KINDS } ->
            FilterDecision(FilterAction.TRANSACTION, FilterSubAction.TRANSACTIONAL_OTHERS)
        v.reasons.any { it.code in PROMOTION_CODES } ->
            FilterDecision(FilterAction.PROMOTION, FilterSubAction.PROMOTIONAL_OTHERS)
        else -> FilterDecision(FilterAction.NONE, FilterSubAction.NONE)
    }

    private fun alert(
        channel: AlertChannel,
        priority: AlertPriority,
        heading: UiText.Key,
        view: VerdictView,
        lang: UiLang,
    ): Alert {
        val subject = view.normalized ?: ""
        val title = if (subject.isEmpty()) UiText.get(lang, heading) else "${UiText.get(lang, heading)} · $subject"
        val text = view.title
        val big = buildString {
            append(view.title)
            view.protectionNotice?.let { append("\n").append(it) }
            for (line in view.advice.take(3)) append("\n• ").append(line)
        }
        return Alert(channel, priority, title, text, big)
    }
}
