// Plain Kotlin (no Android imports): compiled into the app AND by the JVM
// test harness (tests/run.d/samples.sh). Keep it that way — the harness
// fails on any `import android…`/`androidx…` under logic/.
package org.fanzha.sample.logic

import org.fanzha.Action
import org.fanzha.CheckKind
import org.fanzha.FraudType
import org.fanzha.ItemVerdict
import org.fanzha.Level
import org.fanzha.Protection
import org.fanzha.Question
import org.fanzha.Verdict
import org.fanzha.fraudTypeId

/** How a verdict should look: the colour role a screen picks for it. */
enum class Tone {
    /** An identified official source (green). */
    TRUSTED,

    /** Nothing found. Neutral — never "safe". */
    CLEAR,

    /** Suspicious: amber. */
    CAUTION,

    /** Dangerous: red. */
    DANGER,
}

fun Level.tone(): Tone = when (this) {
    Level.TRUSTED -> Tone.TRUSTED
    Level.CLEAR -> Tone.CLEAR
    Level.SUSPICIOUS -> Tone.CAUTION
    Level.DANGEROUS -> Tone.DANGER
}

/** Evidence line shown under "Why". */
data class ReasonLine(val code: String, val weight: Int, val detail: String)

/** An item the message check pulled out (a link, a number …) with its own verdict. */
data class ItemLine(
    val kind: String,
    val value: String,
    val tone: Tone?,
    val badge: String?,
    val title: String?,
)

/**
 * Everything a screen or a notification shows for one verdict, computed
 * once from the SDK's [Verdict]. The SDK already localizes `title` and
 * `advice` (from the guard's locale); the few words the app adds (badges,
 * actions, fraud-type names) come from [UiText] in the same language.
 */
data class VerdictView(
    val kind: CheckKind,
    val level: Level,
    val tone: Tone,
    /** "危险" / "Dangerous". */
    val badge: String,
    /** The SDK's localized headline. */
    val title: String,
    /** 0–100. */
    val score: Int,
    /** What the app does about it ("拦截" / "Block"). */
    val actionLabel: String,
    val fraudTypeId: String?,
    val fraudTypeLabel: String?,
    /** E.164 number or canonical URL, when the SDK produced one. */
    val normalized: String?,
    val advice: List<String>,
    val reasons: List<ReasonLine>,
    val items: List<ItemLine>,
    val coolOffSeconds: Int?,
    val questions: List<Question>,
    val feedVersion: String,
    /**
     * Set when the verdict says the protection data itself is degraded
     * (an expired feed, an unreadable store): screens show it above
     * everything else, because a "clear" then means less than usual.
     */
    val protectionNotice: String?,
) {
    /** One line for a notification or a list row: "危险 · 假冒工商银行号码…". */
    val summary: String get() = "$badge · $title"

    /** The first piece of advice, or null. */
    val firstAdvice: String? get() = advice.firstOrNull()

    companion object {
        /** Reason codes that describe the protection data, not the input. */
        val PROTECTION_CODES = setOf("feed.stale", "store.unavailable")

        fun of(v: Verdict, lang: UiLang): VerdictView {
            // The typed status decides; the reason codes only carry the detail.
            val notice = when (v.protection) {
                Protection.UNAVAILABLE -> UiText.get(lang, UiText.Key.STORE_UNAVAILABLE)
                Protection.STALE -> UiText.get(lang, UiText.Key.FEED_STALE)
                Protection.FULL -> null
            }
            val typeId = v.fraudType?.let { fraudTypeId(it) }
            return VerdictView(
                kind = v.kind,
                level = v.level,
                tone = v.level.tone(),
                badge = UiText.level(lang, v.level),
                title = v.title,
                score = v.score.coerceIn(0, 100),
                actionLabel = UiText.action(lang, v.action),
                fraudTypeId = typeId,
                fraudTypeLabel = v.fraudType?.let { UiText.fraudType(lang, it) },
                normalized = v.normalized,
                advice = v.advice,
                reasons = v.reasons.map { ReasonLine(it.code, it.weight, it.detail) },
                items = v.extracted.map { e ->
                    ItemLine(
                        kind = e.kind,
                        value = e.value,
                        tone = e.verdict?.level?.tone(),
                        badge = e.verdict?.level?.let { UiText.level(lang, it) },
                        title = e.verdict?.title,
                    )
                },
                coolOffSeconds = v.coolOffSeconds?.coerceAtLeast(0),
                questions = v.questions,
                feedVersion = v.feedVersion,
                protectionNotice = notice,
            )
        }

        /** The same view for an item pulled out of a message. */
        fun ofItem(v: ItemVerdict, lang: UiLang, feedVersion: String): VerdictView = VerdictView(
            kind = v.kind,
            level = v.level,
            tone = v.level.tone(),
            badge = UiText.level(lang, v.level),
            title = v.title,
            score = v.score.coerceIn(0, 100),
            actionLabel = UiText.action(lang, v.action),
            fraudTypeId = v.fraudType?.let { fraudTypeId(it) },
            fraudTypeLabel = v.fraudType?.let { UiText.fraudType(lang, it) },
            normalized = v.normalized,
            advice = v.advice,
            reasons = v.reasons.map { ReasonLine(it.code, it.weight, it.detail) },
            items = emptyList(),
            coolOffSeconds = null,
            questions = emptyList(),
            feedVersion = feedVersion,
            protectionNotice = null,
        )
    }
}

/** Is this verdict worth interrupting the user for? */
fun Verdict.isWarning(): Boolean = level == Level.SUSPICIOUS || level == Level.DANGEROUS

/** Did the SDK ask the app to stop the user (block or confirm)? */
fun Verdict.interrupts(): Boolean = action == Action.BLOCK || action == Action.CONFIRM

/** A fraud type's stable id, or null. */
fun FraudType?.idOrNull(): String? = this?.let { fraudTypeId(it) }
