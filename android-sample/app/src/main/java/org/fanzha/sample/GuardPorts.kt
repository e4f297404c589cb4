package org.fanzha.sample

import org.fanzha.CheckKind
import org.fanzha.FraudType
import org.fanzha.Guard
import org.fanzha.NewReport
import org.fanzha.RuleKind
import org.fanzha.sample.logic.FeedInfo
import org.fanzha.sample.logic.StatusSummary
import org.fanzha.sample.logic.ReportRow
import org.fanzha.sample.logic.ReportsPort
import org.fanzha.sample.logic.RuleChoice
import org.fanzha.sample.logic.StatusPort

// The Reports and Status ports implemented over the binding's Guard. They
// move into logic/ (and get JVM tests against the real library) once the
// store, report and feed APIs land on main; until then they follow the
// bindings branch's draft (Guard.open, status, block/allow, addReport,
// reports, markReportsUploaded, deleteReport, exportReports) and a planned
// applyFeed.
// (The payment port, GuardPayments, already lives in logic/.)

/** The report queue and the user's rules (store API). */
class GuardReports(private val guard: Guard) : ReportsPort {
    override fun add(kind: CheckKind, value: String, fraudType: FraudType?, note: String): Long =
        guard.addReport(NewReport(kind = kind, value = value, fraudType = fraudType, note = note))

    override fun list(): List<ReportRow> = guard.reports(pendingOnly = false).map {
        ReportRow(it.id, it.kind, it.value, it.fraudType, it.note, it.createdMs, it.uploadedMs)
    }

    override fun export(pendingOnly: Boolean): String = guard.exportReports(pendingOnly)

    override fun markUploaded(ids: List<Long>): Int = guard.markReportsUploaded(ids).toInt()

    override fun delete(id: Long): Boolean = guard.deleteReport(id)

    override fun setRule(kind: CheckKind, value: String, choice: RuleChoice) {
        val ruleKind = when (kind) {
            CheckKind.NUMBER -> RuleKind.NUMBER
            CheckKind.LINK -> RuleKind.LINK
            CheckKind.PAYMENT -> RuleKind.ACCOUNT
            CheckKind.MESSAGE -> return
        }
        if (choice == RuleChoice.BLOCK) guard.block(ruleKind, value) else guard.allow(ruleKind, value)
    }
}

/** Protection status and feed apply (store + feed API). */
class GuardStatus(private val guard: Guard) : StatusPort {
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

    /** API: feed apply from bytes, planned for the bindings (issue 7/8). */
    override fun applyFeed(bytes: ByteArray): String = guard.applyFeed(bytes).feedVersion
}
