package org.fanzha.sample.tests

import org.fanzha.Action
import org.fanzha.Channel
import org.fanzha.ItemVerdict
import org.fanzha.CheckKind
import org.fanzha.Extracted
import org.fanzha.FraudType
import org.fanzha.Level
import org.fanzha.NumberContext
import org.fanzha.sample.logic.LogFormat
import org.fanzha.sample.logic.KeyBlob
import org.fanzha.sample.logic.Tone
import org.fanzha.sample.logic.UiLang
import org.fanzha.sample.logic.UiText
import org.fanzha.sample.logic.VerdictView
import org.fanzha.testing.*

object ViewTests : Suite("sample-app view") {
    init {
        test("a dangerous number reads as danger, with the SDK's own words") {
            val v = SampleFixtures.guardEn.checkNumber("+86 95588 0000", NumberContext(Channel.CALL))
            val view = VerdictView.of(v, UiLang.EN)
            assertEquals(Tone.DANGER, view.tone, "tone")
            assertEquals("Dangerous", view.badge, "badge")
            assertEquals("Block", view.actionLabel, "action")
            assertEquals("impersonate_customer_service", view.fraudTypeId, "fraud type id")
            assertEquals("Fake customer service", view.fraudTypeLabel, "fraud type label")
            assertEquals(v.title, view.title, "title")
            assertEquals(v.advice, view.advice, "advice")
            assertEquals("+86955880000", view.normalized, "normalized")
            assertTrue(view.reasons.any { it.code == "number.spoofed_service" }) { "${view.reasons}" }
            assertEquals(null, view.protectionNotice, "notice")
            assertTrue(view.summary.startsWith("Dangerous · ")) { view.summary }
        }

        test("the Chinese UI gets Chinese badges and the SDK's Chinese title") {
            val v = SampleFixtures.guardZh.checkNumber("96110", NumberContext(Channel.CALL))
            val view = VerdictView.of(v, UiLang.ZH)
            assertEquals(Tone.TRUSTED, view.tone, "tone")
            assertEquals("可信", view.badge, "badge")
            assertTrue(view.title.any { it.code in 0x4E00..0x9FFF }) { "title not Chinese: ${view.title}" }
        }

        test("clear is neutral, never 'safe'") {
            val v = SampleFixtures.guardEn.checkNumber("138 1234 5678", NumberContext(Channel.CALL))
            val view = VerdictView.of(v, UiLang.EN)
            assertEquals(Tone.CLEAR, view.tone, "tone")
            assertFalse(view.badge.lowercase().contains("safe")) { view.badge }
        }

        test("feed.stale and store.unavailable become a notice above the verdict") {
            val stale = VerdictView.of(SampleFixtures.verdict(Level.CLEAR, Action.ALLOW, reasons = listOf("feed.stale")), UiLang.EN)
            assertEquals(UiText.get(UiLang.EN, UiText.Key.FEED_STALE), stale.protectionNotice, "stale")
            val store = VerdictView.of(SampleFixtures.verdict(Level.CLEAR, Action.ALLOW, reasons = listOf("store.unavailable")), UiLang.ZH)
            assertEquals(UiText.get(UiLang.ZH, UiText.Key.STORE_UNAVAILABLE), store.protectionNotice, "store")
        }

        test("items pulled out of a message keep their own verdicts") {
            val item = ItemVerdict(
                kind = CheckKind.LINK, normalized = "http://x.top/", level = Level.DANGEROUS, score = 90,
                action = Action.BLOCK, fraudType = FraudType.PHISHING, reasons = emptyList(), title = "bad link", advice = emptyList(),
            )
            val v = SampleFixtures.verdict(
                Level.DANGEROUS, Action.BLOCK,
                extracted = listOf(
                    Extracted(kind = "link", value = "x.top", verdict = item),
                    Extracted(kind = "verification_code", value = "123456", verdict = null),
                ),
            )
            val view = VerdictView.of(v, UiLang.EN)
            assertEquals(2, view.items.size, "items")
            assertEquals(Tone.DANGER, view.items[0].tone, "link tone")
            assertEquals("bad link", view.items[0].title, "link title")
            assertEquals(null, view.items[1].tone, "code has no verdict")
            val itemView = VerdictView.ofItem(item, UiLang.EN, "f")
            assertEquals("Phishing", itemView.fraudTypeLabel, "item fraud type")
        }

        test("UI language follows the locale tag") {
            for (t in listOf("zh", "zh-CN", "zh-Hans-CN", "zh_TW", "ZH-hk")) assertEquals(UiLang.ZH, UiLang.fromLocaleTag(t), t)
            for (t in listOf("en", "en-US", "fr", "", null, "zhx")) assertEquals(UiLang.EN, UiLang.fromLocaleTag(t), "$t")
            assertEquals("zh-Hans", UiLang.ZH.sdkLocale, "sdk locale")
        }

        test("every UI text key has both languages, and %d keys keep their placeholder") {
            for (k in UiText.Key.values()) {
                assertTrue(k.zh.isNotBlank() && k.en.isNotBlank()) { "$k" }
                assertEquals(k.zh.contains("%d"), k.en.contains("%d"), "$k placeholder")
            }
            assertEquals("Wait 30 s before confirming", UiText.format(UiLang.EN, UiText.Key.WAIT_SECONDS, 30), "format")
            for (t in FraudType.values()) assertTrue(UiText.fraudType(UiLang.ZH, t).isNotBlank()) { "$t" }
        }

        test("wrapped-key blobs round-trip and anything else is refused") {
            val iv = ByteArray(12) { it.toByte() }
            val sealed = ByteArray(48) { (it * 7).toByte() }
            val blob = KeyBlob(iv, sealed).encode()
            val back = KeyBlob.decode(blob) ?: fail("did not decode")
            assertTrue(back.iv.contentEquals(iv)) { "iv" }
            assertTrue(back.sealed.contentEquals(sealed)) { "sealed" }
            assertEquals(null, KeyBlob.decode(ByteArray(0)), "empty")
            assertEquals(null, KeyBlob.decode(blob.copyOf(10)), "truncated")
            val other = blob.copyOf().also { it[0] = 'X'.code.toByte() }
            assertEquals(null, KeyBlob.decode(other), "magic")
            val v2 = blob.copyOf().also { it[3] = 2 }
            assertEquals(null, KeyBlob.decode(v2), "version")
            val bigIv = blob.copyOf().also { it[4] = 200.toByte() }
            assertEquals(null, KeyBlob.decode(bigIv), "iv longer than the blob")
        }

        test("log records map onto Logcat priorities and bounded lines") {
            assertEquals(6, LogFormat.priority(org.fanzha.LogLevel.ERROR), "error")
            assertEquals(2, LogFormat.priority(org.fanzha.LogLevel.TRACE), "trace")
            assertEquals("[core::store] opened", LogFormat.line("fanzha_core::store", "opened"), "line")
            assertTrue(LogFormat.line("t", "x".repeat(5000)).length < 2100) { "unbounded" }
        }
    }
}
