// Plain Kotlin (no Android imports): see VerdictView.kt.
//
// The Reports and Status screens' ports over the binding's Guard (its
// store API: addReport, reports, exportReports, markReportsUploaded,
// deleteReport, block / allow, status, applyFeed). Tested on the JVM against the real
// library with a store in a temp directory (StoreTests).
package org.fanzha.sample.logic

import org.fanzha.CheckKind
import org.fanzha.FanzhaException
import org.fanzha.FraudType
import org.fanzha.GuardInterface
import org.fanzha.NewReport
import org.fanzha.RuleKind

/** The report queue and the user's own rules. */
class GuardReports(private val guard: GuardInterface) : ReportsPort {
    override fun add(kind: CheckKind, value: String, fraudType: FraudType?, note: String): Long =
        guard.addReport(NewReport(kind = kind, value = value, fraudType = fraudType, note = note))

    override fun list(): List<ReportRow> = guard.reports(false).map {
        ReportRow(it.id, it.kind, it.value, it.fraudType, it.note, it.createdMs, it.uploadedMs)
    }

    override fun export(pendingOnly: Boolean): String = guard.exportReports(pendingOnly)

    override fun markUploaded(ids: List<Long>): Int = guard.markReportsUploaded(ids)

    override fun delete(id: Long): Boolean = guard.deleteReport(id)

    override fun setRule(kind: CheckKind, value: String, choice: RuleChoice) {
        val ruleKind = ruleKind(kind) ?: throw FanzhaException.InvalidInput(kind, "a message can't be blocked or trusted; its sender or links can")
        if (choice == RuleChoice.BLOCK) guard.block(ruleKind, value) else guard.allow(ruleKind, value)
    }

    companion object {
        /** The rule kind for a report form's kind (payments: the payee account). */
        fun ruleKind(kind: CheckKind): RuleKind? = when (kind) {
            CheckKind.NUMBER -> RuleKind.NUMBER
            CheckKind.LINK -> RuleKind.LINK
            CheckKind.PAYMENT -> RuleKind.ACCOUNT
            CheckKind.MESSAGE -> null
        }
    }
}

/**
 * Protection status and feed apply. A feed is verified against the
 * publisher keys pinned in GuardSettings.trustedKeys (the app's
 * `trusted-feed-keys.txt`, see [TrustedKeysFile]) before anything is
 * written; a refused feed throws `FanzhaException.Feed` and changes nothing.
 */
class GuardStatus(private val guard: GuardInterface) : StatusPort {
    override fun status(): StatusSummary {
        val s = guard.status()
        return StatusSummary(
            feedVersion = s.feedVersion,
            stale = s.stale,
            storeProblem = s.storeProblem,
            feeds = s.feeds.map { FeedInfo(it.feedId, it.version, it.createdMs, it.expiresMs, it.numbers + it.links + it.accounts) },
            storeEntries = if (s.hasStore) s.feeds.sumOf { it.numbers + it.links + it.accounts } else null,
            pendingReports = if (s.hasStore) s.pendingReports.toInt() else null,
        )
    }

    override fun applyFeed(bytes: ByteArray): FeedOutcome = guard.applyFeed(bytes).let {
        FeedOutcome(feedVersion = it.feedVersion, full = it.full, added = it.added, removed = it.removed, stale = it.stale)
    }
}
