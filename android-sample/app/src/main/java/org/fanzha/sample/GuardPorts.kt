package org.fanzha.sample

import org.fanzha.CheckKind
import org.fanzha.FraudType
import org.fanzha.Guard
import org.fanzha.sample.logic.ProtectionStatus
import org.fanzha.sample.logic.ReportRow
import org.fanzha.sample.logic.ReportsPort
import org.fanzha.sample.logic.RuleChoice
import org.fanzha.sample.logic.StatusPort

// The Reports and Status ports implemented over the binding's Guard. They
// move into logic/ (and get JVM tests against the real library) once the
// store, report and feed APIs land in the bindings; until then they are
// written against the names documented for them (issues 6, 7, 8).
// (The payment port, GuardPayments, already lives in logic/.)

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
