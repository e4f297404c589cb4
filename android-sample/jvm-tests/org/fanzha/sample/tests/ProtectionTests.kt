package org.fanzha.sample.tests

import org.fanzha.CheckKind
import org.fanzha.FanzhaException
import org.fanzha.FeedRefusal
import org.fanzha.StoreProblem
import org.fanzha.FraudType
import org.fanzha.sample.logic.FeedInfo
import org.fanzha.sample.logic.FeedOutcome
import org.fanzha.sample.logic.Freshness
import org.fanzha.sample.logic.StatusSummary
import org.fanzha.sample.logic.ReportRow
import org.fanzha.sample.logic.ReportsModel
import org.fanzha.sample.logic.ReportsPort
import org.fanzha.sample.logic.RuleChoice
import org.fanzha.sample.logic.StatusModel
import org.fanzha.sample.logic.StatusPort
import org.fanzha.sample.logic.UiLang
import org.fanzha.testing.*

/** An in-memory report queue standing in for the store. */
class FakeReports : ReportsPort {
    val rows = mutableListOf<ReportRow>()
    val rules = mutableListOf<Triple<CheckKind, String, RuleChoice>>()
    var clock = 1_000L
    var failNext: Exception? = null

    private fun maybeFail() {
        failNext?.let { failNext = null; throw it }
    }

    override fun add(kind: CheckKind, value: String, fraudType: FraudType?, note: String): Long {
        maybeFail()
        val id = (rows.maxOfOrNull { it.id } ?: 0) + 1
        rows += ReportRow(id, kind, value, fraudType, note, clock++, null)
        return id
    }

    override fun list() = rows.toList()

    override fun export(pendingOnly: Boolean) = rows.filter { !pendingOnly || it.uploadedMs == null }.joinToString(",", "[", "]") { "{\"id\":${it.id}}" }

    override fun markUploaded(ids: List<Long>): Int {
        var n = 0
        rows.replaceAll { r -> if (r.id in ids && r.uploadedMs == null) { n++; r.copy(uploadedMs = clock++) } else r }
        return n
    }

    override fun delete(id: Long) = rows.removeIf { it.id == id }

    override fun setRule(kind: CheckKind, value: String, choice: RuleChoice) {
        maybeFail()
        rules += Triple(kind, value, choice)
    }
}

object ProtectionTests : Suite("sample-app protection") {
    init {
        test("freshness reads in days or hours, both ways") {
            val day = 24 * 3600_000L
            assertEquals("Current: expires in 3 days", Freshness.describe(3 * day + 5, 0, UiLang.EN), "future")
            assertEquals("Current: expires in 1 hour", Freshness.describe(10 * 60_000L, 0, UiLang.EN), "soon")
            assertEquals("Expired 2 days ago: update it (verdicts carry feed.stale)", Freshness.describe(0, 2 * day + 1, UiLang.EN), "past")
            assertTrue(Freshness.describe(3 * day, 0, UiLang.ZH).contains("3 天")) { "zh" }
            assertTrue(Freshness.isStale(5, 5)) { "at expiry is stale" }
            assertFalse(Freshness.isStale(6, 5)) { "before expiry" }
        }

        test("reports: file, list newest first, mark uploaded, export pending, delete") {
            val port = FakeReports()
            val m = ReportsModel(port, UiLang.EN)
            m.file()
            assertTrue(m.state.value.message!!.startsWith("Enter")) { "empty form filed" }
            assertTrue(port.rows.isEmpty()) { "added an empty report" }
            m.edit { it.copy(kind = CheckKind.NUMBER, value = " +86 170 1234 5678 ", fraudType = FraudType.IMPERSONATE_AUTHORITY, note = "said he was police") }
            m.file()
            m.prefill(CheckKind.LINK, "http://icbc-verify.top", FraudType.PHISHING)
            assertEquals("http://icbc-verify.top", m.state.value.form.value, "prefill")
            m.file()
            val rows = m.state.value.rows
            assertEquals(2, rows.size, "rows")
            assertEquals(CheckKind.LINK, rows.first().kind, "newest first")
            assertEquals("+86 170 1234 5678", port.rows.first().value, "value trimmed")
            assertEquals("", m.state.value.form.value, "form cleared")
            m.markUploaded(rows.last().id)
            assertEquals("[{\"id\":2}]", m.export(pendingOnly = true), "pending export")
            m.delete(rows.first().id)
            assertEquals(1, m.state.value.rows.size, "deleted")
        }

        test("reports: the user's own rules go through the same form; failures show, never throw") {
            val port = FakeReports()
            val m = ReportsModel(port, UiLang.EN)
            m.rule(RuleChoice.BLOCK)
            assertTrue(port.rules.isEmpty()) { "rule with an empty value" }
            m.edit { it.copy(value = "+8617012345678") }
            m.rule(RuleChoice.BLOCK)
            assertEquals(Triple(CheckKind.NUMBER, "+8617012345678", RuleChoice.BLOCK), port.rules.single(), "rule")
            port.failNext = FanzhaException.Store(StoreProblem.DAMAGED, "the store is damaged (page)")
            m.file()
            assertTrue(m.state.value.message!!.startsWith("Couldn't check")) { "${m.state.value.message}" }
        }

        test("status: feed lines, and an apply that is refused says so and changes nothing") {
            val now = 1_000_000_000L
            var applied = false
            val port = object : StatusPort {
                override fun status() = StatusSummary(
                    feedVersion = if (applied) "cn-test@2" else "embedded-0.1.0",
                    feeds = if (applied) listOf(FeedInfo("cn-test", 2, now - 1, now + 86_400_000L * 7, 3)) else emptyList(),
                    storeEntries = 0,
                    pendingReports = 0,
                )

                override fun applyFeed(bytes: ByteArray): FeedOutcome {
                    if (bytes.isEmpty()) throw FanzhaException.Feed(FeedRefusal.BAD_SIGNATURE, "bad signature")
                    applied = true
                    return FeedOutcome("cn-test@2", full = bytes.size == 1, added = 3, removed = 1, stale = bytes.size == 3)
                }
            }
            val m = StatusModel(port, UiLang.EN) { now }
            m.refresh()
            assertEquals(listOf("Embedded data only (no feed applied)"), m.feedLines(m.state.value.status!!), "embedded")
            m.applyFeed(ByteArray(0))
            assertTrue(m.state.value.message!!.startsWith("Feed refused")) { "${m.state.value.message}" }
            assertEquals("embedded-0.1.0", m.state.value.status?.feedVersion, "unchanged")
            m.applyFeed(byteArrayOf(1))
            assertEquals("Protection data updated: cn-test@2 · full · +3 −1", m.state.value.message, "applied")
            assertEquals(listOf("cn-test v2 · Current: expires in 7 days · 3"), m.feedLines(m.state.value.status!!), "lines")
            m.applyFeed(byteArrayOf(1, 2))
            assertEquals("Protection data updated: cn-test@2 · delta · +3 −1", m.state.value.message, "delta")
            m.applyFeed(byteArrayOf(1, 2, 3))
            assertTrue(m.state.value.message!!.endsWith("⚠ already expired: verdicts carry feed.stale until a newer one is applied")) {
                "an expired feed must say so: ${m.state.value.message}"
            }
            val zh = StatusModel(port, UiLang.ZH) { now }
            zh.applyFeed(byteArrayOf(1))
            assertEquals("防护数据已更新: cn-test@2 · 完整 · +3 −1", zh.state.value.message, "zh")
        }

        test("Apply a feed file: the picked file is read with a bound, and an unreadable one is not applied") {
            val seen = mutableListOf<Int>()
            val port = object : StatusPort {
                override fun status() = StatusSummary(feedVersion = "embedded-0.1.0", feeds = emptyList(), storeEntries = 0, pendingReports = 0)
                override fun applyFeed(bytes: ByteArray): FeedOutcome {
                    seen += bytes.size
                    return FeedOutcome("cn-test@1")
                }
            }
            val m = StatusModel(port, UiLang.EN)
            val mib = 1024 * 1024
            // Exactly the limit is read whole (in several chunks) and applied.
            m.applyFeedFile(maxBytes = mib) { java.io.ByteArrayInputStream(ByteArray(mib)) }
            assertEquals(listOf(mib), seen, "at the limit")
            assertTrue(m.state.value.message!!.startsWith("Protection data updated: cn-test@1")) { "${m.state.value.message}" }
            // One byte over: never reaches the SDK, and the screen says why.
            m.applyFeedFile(maxBytes = mib) { java.io.ByteArrayInputStream(ByteArray(mib + 1)) }
            assertEquals(listOf(mib), seen, "over the limit reached the SDK")
            assertEquals("The file is over 1 MB: not applied", m.state.value.message, "too large")
            // A provider that fails, or gives no stream.
            m.applyFeedFile { throw SecurityException("permission revoked for content://x") }
            assertEquals("Feed refused: SecurityException", m.state.value.message, "unreadable (and no URI in the text)")
            m.applyFeedFile { null }
            assertEquals("Feed refused: FileNotFoundException", m.state.value.message, "no stream")
            val closed = object : java.io.ByteArrayInputStream(ByteArray(10)) {
                var isClosed = false
                override fun close() { isClosed = true }
            }
            m.applyFeedFile { closed }
            assertTrue(closed.isClosed) { "the stream was left open" }
            assertEquals(listOf(mib, 10), seen, "small file")
            assertEquals(64 * mib, StatusModel.MAX_FEED_BYTES, "the app's cap")
        }
    }
}
