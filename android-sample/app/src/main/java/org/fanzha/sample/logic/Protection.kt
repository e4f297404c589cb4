// Plain Kotlin (no Android imports): see VerdictView.kt.
//
// The Reports and Status screens: the user's report queue (file, list,
// export, mark uploaded, delete), the user's own block/allow rules, and
// the protection data's version and freshness with "apply a feed file".
// The SDK calls go through two small ports, implemented over the
// binding's Guard in GuardPorts.kt, so the screens' logic is the same
// whichever store API version the bindings expose.
package org.fanzha.sample.logic

import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import kotlinx.coroutines.flow.update
import org.fanzha.CheckKind
import org.fanzha.FraudType
import java.io.ByteArrayOutputStream
import java.io.InputStream

/** One report the user filed, as listed. */
data class ReportRow(
    val id: Long,
    val kind: CheckKind,
    val value: String,
    val fraudType: FraudType?,
    val note: String,
    val createdMs: Long,
    /** null = still queued for upload. */
    val uploadedMs: Long?,
)

/** The user's own rule for a value. */
enum class RuleChoice { BLOCK, ALLOW }

/** What the Reports screen needs from the SDK. */
interface ReportsPort {
    fun add(kind: CheckKind, value: String, fraudType: FraudType?, note: String): Long
    fun list(): List<ReportRow>
    /** The queue as JSON, for the host app to upload (pending only, or all). */
    fun export(pendingOnly: Boolean): String
    fun markUploaded(ids: List<Long>): Int
    fun delete(id: Long): Boolean
    fun setRule(kind: CheckKind, value: String, choice: RuleChoice)
}

/** One feed applied to the store. */
data class FeedInfo(val id: String, val version: Long, val createdMs: Long, val expiresMs: Long, val entries: Long)

/** What the Status screen shows. */
data class StatusSummary(
    /** The version string verdicts carry (`embedded-…` or `id@version+…`). */
    val feedVersion: String,
    /** The protection data has expired (verdicts carry `feed.stale`). */
    val stale: Boolean = false,
    /** Why the store's data is unavailable, if it is. */
    val storeProblem: String? = null,
    val feeds: List<FeedInfo>,
    /** Null when no store is open (embedded data only). */
    val storeEntries: Long?,
    val pendingReports: Int?,
)

/** What a feed apply did (the binding's `FeedApplied`, trimmed to what Status shows). */
data class FeedOutcome(
    /** The version verdicts carry from now on (`id@version`). */
    val feedVersion: String,
    /** A full feed (else a delta on the previous version). */
    val full: Boolean = true,
    val added: Long = 0,
    val removed: Long = 0,
    /** The feed had already expired when applied: verdicts carry `feed.stale`. */
    val stale: Boolean = false,
)

/** What the Status screen needs from the SDK. */
interface StatusPort {
    fun status(): StatusSummary
    /**
     * Verifies a signed feed against the pinned publisher keys and applies
     * it; throws (`FanzhaException.Feed`) and changes nothing when refused.
     */
    fun applyFeed(bytes: ByteArray): FeedOutcome
}

data class ReportForm(
    val kind: CheckKind = CheckKind.NUMBER,
    val value: String = "",
    val fraudType: FraudType? = null,
    val note: String = "",
)

data class ReportsState(
    val form: ReportForm = ReportForm(),
    val rows: List<ReportRow> = emptyList(),
    /** The last action's outcome, for a snackbar / line of text. */
    val message: String? = null,
)

class ReportsModel(private val port: ReportsPort, private val lang: UiLang) {
    private val _state = MutableStateFlow(ReportsState())
    val state: StateFlow<ReportsState> = _state.asStateFlow()

    fun edit(change: (ReportForm) -> ReportForm) = _state.update { it.copy(form = change(it.form), message = null) }

    /** Pre-fills the form from a check ("report this number"). */
    fun prefill(kind: CheckKind, value: String, fraudType: FraudType?) =
        _state.update { it.copy(form = ReportForm(kind, value, fraudType, ""), message = null) }

    fun refresh() = guarded { _state.update { it.copy(rows = port.list().sortedByDescending { r -> r.createdMs }) } }

    /** Files the form as a report; clears the form on success. */
    fun file() {
        val f = _state.value.form
        if (f.value.isBlank()) {
            _state.update { it.copy(message = if (lang == UiLang.ZH) "请填写要举报的号码、链接或账户" else "Enter the number, link or account to report") }
            return
        }
        guarded {
            port.add(f.kind, f.value.trim(), f.fraudType, f.note.trim())
            _state.update { it.copy(form = ReportForm(kind = f.kind), message = if (lang == UiLang.ZH) "已加入待上传队列" else "Queued for upload") }
            refresh()
        }
    }

    /** The user's own rule, from the same form ("block this" / "trust this"). */
    fun rule(choice: RuleChoice) {
        val f = _state.value.form
        if (f.value.isBlank()) return
        guarded {
            port.setRule(f.kind, f.value.trim(), choice)
            _state.update {
                it.copy(message = UiText.get(lang, if (choice == RuleChoice.BLOCK) UiText.Key.BLOCK_THIS else UiText.Key.ALLOW_THIS) + " ✓")
            }
        }
    }

    /** The export text (null on failure, with the message set). */
    fun export(pendingOnly: Boolean): String? {
        var out: String? = null
        guarded { out = port.export(pendingOnly) }
        return out
    }

    fun markUploaded(id: Long) = guarded {
        port.markUploaded(listOf(id))
        refresh()
    }

    fun delete(id: Long) = guarded {
        port.delete(id)
        refresh()
    }

    private inline fun guarded(body: () -> Unit) {
        try {
            body()
        } catch (e: Exception) {
            _state.update { it.copy(message = failureText(e, lang)) }
        }
    }
}

/** "Expires in 3 days" / "Expired 2 days ago" — what Status says about a feed. */
object Freshness {
    private const val DAY_MS = 24 * 60 * 60 * 1000L
    private const val HOUR_MS = 60 * 60 * 1000L

    fun describe(expiresMs: Long, nowMs: Long, lang: UiLang): String {
        val zh = lang == UiLang.ZH
        val delta = expiresMs - nowMs
        val span = kotlin.math.abs(delta)
        val amount = if (span >= DAY_MS) {
            val d = span / DAY_MS
            if (zh) "$d 天" else "$d day${if (d == 1L) "" else "s"}"
        } else {
            val h = maxOf(1, span / HOUR_MS)
            if (zh) "$h 小时" else "$h hour${if (h == 1L) "" else "s"}"
        }
        return when {
            delta > 0 -> if (zh) "有效，$amount 后过期" else "Current: expires in $amount"
            else -> if (zh) "已过期 $amount，请更新（结果会带 feed.stale）" else "Expired $amount ago: update it (verdicts carry feed.stale)"
        }
    }

    fun isStale(expiresMs: Long, nowMs: Long): Boolean = nowMs >= expiresMs
}

data class StatusState(
    val status: StatusSummary? = null,
    val message: String? = null,
    val applying: Boolean = false,
)

class StatusModel(
    private val port: StatusPort,
    private val lang: UiLang,
    private val nowMs: () -> Long = System::currentTimeMillis,
) {
    private val _state = MutableStateFlow(StatusState())
    val state: StateFlow<StatusState> = _state.asStateFlow()

    fun refresh() {
        try {
            _state.update { it.copy(status = port.status()) }
        } catch (e: Exception) {
            _state.update { it.copy(message = failureText(e, lang)) }
        }
    }

    /** One line per feed: id, version, freshness. */
    fun feedLines(s: StatusSummary): List<String> =
        if (s.feeds.isEmpty()) {
            listOf(UiText.get(lang, UiText.Key.EMBEDDED_ONLY))
        } else {
            s.feeds.map { f -> "${f.id} v${f.version} · ${Freshness.describe(f.expiresMs, nowMs(), lang)} · ${f.entries}" }
        }

    /** Applies feed bytes picked with the system file picker. */
    fun applyFeed(bytes: ByteArray) {
        _state.update { it.copy(applying = true, message = null) }
        val message = try {
            appliedText(port.applyFeed(bytes))
        } catch (e: Exception) {
            // A refused feed leaves the store as it was (the SDK verifies first).
            "${UiText.get(lang, UiText.Key.FEED_REFUSED)}: ${failureText(e, lang)}"
        }
        _state.update { it.copy(applying = false, message = message) }
        refresh()
    }

    /**
     * Reads the picked file (at most [maxBytes]; `open` gives its stream,
     * closed here) and applies it. A bigger file is not read to the end nor
     * handed to the SDK, and a file that can't be read (provider gone,
     * permission revoked) is not either: the screen says which.
     */
    fun applyFeedFile(maxBytes: Int = MAX_FEED_BYTES, open: () -> InputStream?) {
        val refused = UiText.get(lang, UiText.Key.FEED_REFUSED)
        val bytes = try {
            val input = open() ?: throw java.io.FileNotFoundException()
            input.use { readBounded(it, maxBytes) }
        } catch (e: Exception) {
            _state.update { it.copy(message = "$refused: ${e::class.simpleName}") }
            return
        }
        if (bytes == null) {
            _state.update { it.copy(message = UiText.format(lang, UiText.Key.FEED_TOO_LARGE, maxBytes / (1024 * 1024))) }
            return
        }
        applyFeed(bytes)
    }

    private fun appliedText(o: FeedOutcome): String {
        val kind = UiText.get(lang, if (o.full) UiText.Key.FEED_FULL else UiText.Key.FEED_DELTA)
        val base = "${UiText.get(lang, UiText.Key.FEED_APPLIED)}: ${o.feedVersion} · $kind · +${o.added} −${o.removed}"
        return if (o.stale) "$base · ⚠ ${UiText.get(lang, UiText.Key.FEED_ALREADY_EXPIRED)}" else base
    }

    companion object {
        /** Largest feed file the app reads into memory (the SDK has its own, larger cap). */
        const val MAX_FEED_BYTES = 64 * 1024 * 1024

        /** The stream's bytes, or null when there are more than [limit]. */
        fun readBounded(input: InputStream, limit: Int): ByteArray? {
            val out = ByteArrayOutputStream()
            val buf = ByteArray(64 * 1024)
            var total = 0L
            while (true) {
                val n = input.read(buf)
                if (n < 0) break
                total += n
                if (total > limit) return null
                out.write(buf, 0, n)
            }
            return out.toByteArray()
        }
    }
}
