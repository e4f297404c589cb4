package org.fanzha.sample.tests

import org.fanzha.Action
import org.fanzha.Channel
import org.fanzha.CheckKind
import org.fanzha.FanzhaException
import org.fanzha.FraudType
import org.fanzha.Guard
import org.fanzha.GuardSettings
import org.fanzha.KeyProvider
import org.fanzha.Level
import org.fanzha.NumberContext
import org.fanzha.sample.logic.GuardOpener
import org.fanzha.sample.logic.GuardReports
import org.fanzha.sample.logic.GuardStatus
import org.fanzha.sample.logic.KeyBlob
import org.fanzha.sample.logic.Opened
import org.fanzha.sample.logic.ReportsModel
import org.fanzha.sample.logic.RuleChoice
import org.fanzha.sample.logic.StatusModel
import org.fanzha.sample.logic.TrustedKeysFile
import org.fanzha.sample.logic.UiLang
import org.fanzha.testing.*
import java.io.File
import java.nio.file.Files
import java.security.SecureRandom
import javax.crypto.AEADBadTagException
import javax.crypto.Cipher
import javax.crypto.spec.GCMParameterSpec
import javax.crypto.spec.SecretKeySpec

/**
 * The Android KeystoreKeyProvider's wrapping, minus the Keystore: the same
 * AES-256-GCM cipher, AAD and KeyBlob format, with a key held in memory.
 * Lets the JVM tests open real stores the way the app does.
 */
class JvmKeyProvider(private val key: ByteArray = ByteArray(32).also { SecureRandom().nextBytes(it) }) : KeyProvider {
    private val aad = "fanzha.sample.store-data-key.v1".toByteArray()
    var unwraps = 0

    override fun wrapKey(dataKey: ByteArray): ByteArray {
        val c = Cipher.getInstance("AES/GCM/NoPadding")
        val iv = ByteArray(12).also { SecureRandom().nextBytes(it) }
        c.init(Cipher.ENCRYPT_MODE, SecretKeySpec(key, "AES"), GCMParameterSpec(KeyBlob.TAG_BYTES * 8, iv))
        c.updateAAD(aad)
        return KeyBlob(iv, c.doFinal(dataKey)).encode()
    }

    override fun unwrapKey(wrapped: ByteArray): ByteArray {
        unwraps++
        val blob = KeyBlob.decode(wrapped) ?: throw FanzhaException.WrongKey()
        val c = Cipher.getInstance("AES/GCM/NoPadding")
        c.init(Cipher.DECRYPT_MODE, SecretKeySpec(key, "AES"), GCMParameterSpec(KeyBlob.TAG_BYTES * 8, blob.iv))
        c.updateAAD(aad)
        return try {
            c.doFinal(blob.sealed)
        } catch (e: AEADBadTagException) {
            throw FanzhaException.WrongKey()
        }
    }
}

object StoreTests : Suite("sample-app store") {
    private fun tempStore(): File {
        val dir = Files.createTempDirectory("fanzha-sample-store").toFile()
        dir.deleteOnExit()
        return File(dir, "store.db")
    }

    private val settings = GuardSettings(region = "CN", locale = "en")

    init {
        test("the app's key wrapping opens a store, reopens it, and a different key is refused") {
            val file = tempStore()
            val keys = JvmKeyProvider()
            Guard.open(settings, file.absolutePath, keys).use { g ->
                assertTrue(g.status().hasStore) { "no store" }
            }
            Guard.open(settings, file.absolutePath, keys).use { g ->
                assertTrue(g.status().hasStore) { "reopen" }
            }
            assertTrue(keys.unwraps >= 1) { "the store never asked to unwrap" }
            assertThrows<FanzhaException.WrongKey> { Guard.open(settings, file.absolutePath, JvmKeyProvider()).close() }
        }

        test("reports: file, list, export, mark uploaded, delete — through the Reports screen's model") {
            Guard.open(settings, tempStore().absolutePath, JvmKeyProvider()).use { g ->
                val m = ReportsModel(GuardReports(g), UiLang.EN)
                m.edit { it.copy(kind = CheckKind.NUMBER, value = "+86 170 1234 5678", fraudType = FraudType.IMPERSONATE_AUTHORITY, note = "said he was police") }
                m.file()
                m.prefill(CheckKind.LINK, "https://icbc-verify.top/login", FraudType.PHISHING)
                m.file()
                val rows = m.state.value.rows
                assertEquals(2, rows.size, "rows: ${m.state.value.message}")
                assertTrue(rows.all { it.uploadedMs == null }) { "pending" }
                val json = m.export(pendingOnly = true) ?: fail("export: ${m.state.value.message}")
                assertTrue(json.trimStart().startsWith("[") && json.contains("icbc-verify")) { json }
                m.markUploaded(rows.first().id)
                assertEquals(1, m.state.value.rows.count { it.uploadedMs == null }, "one left pending")
                m.delete(rows.last().id)
                assertEquals(1, m.state.value.rows.size, "deleted")
                assertFalse(m.state.value.message?.startsWith("Couldn't") == true) { "error: ${m.state.value.message}" }
            }
        }

        test("'Block this' makes the number dangerous, the call screener rejects it, and CallKit gets it") {
            Guard.open(settings, tempStore().absolutePath, JvmKeyProvider()).use { g ->
                val m = ReportsModel(GuardReports(g), UiLang.EN)
                m.edit { it.copy(kind = CheckKind.NUMBER, value = "138 0013 8000") }
                m.rule(RuleChoice.BLOCK)
                val v = g.checkNumber("+86 138 0013 8000", NumberContext(Channel.CALL))
                assertEquals(Level.DANGEROUS, v.level, "level")
                assertEquals(Action.BLOCK, v.action, "action")
                assertTrue(org.fanzha.sample.logic.Policy.callDecision(v, UiLang.EN).reject) { "not rejected" }
                assertEquals(listOf(8613800138000L), g.callDirectoryEntries().blocking, "CallKit blocking list")
                m.edit { it.copy(kind = CheckKind.NUMBER, value = "170 1234 5678") }
                m.rule(RuleChoice.ALLOW)
                assertEquals(Level.TRUSTED, g.checkNumber("17012345678", NumberContext(Channel.CALL)).level, "trusted")
                m.edit { it.copy(kind = CheckKind.MESSAGE, value = "x") }
                m.rule(RuleChoice.BLOCK)
                assertTrue(m.state.value.message?.startsWith("Couldn't check") == true) { "message rule: ${m.state.value.message}" }
            }
        }

        test("status: a fresh store has no feed") {
            Guard.open(settings, tempStore().absolutePath, JvmKeyProvider()).use { g ->
                val m = StatusModel(GuardStatus(g), UiLang.EN)
                m.refresh()
                val s = m.state.value.status ?: fail("no status: ${m.state.value.message}")
                assertTrue(s.feedVersion.startsWith("embedded-")) { s.feedVersion }
                assertFalse(s.stale) { "stale" }
                assertEquals(0L, s.storeEntries, "entries")
                assertEquals(0, s.pendingReports, "pending")
                assertEquals(listOf("Embedded data only (no feed applied)"), m.feedLines(s), "lines")
            }
        }

        test("Apply a feed file: signed feeds apply, refused ones change nothing (the bindings' test feeds)") {
            val dir = File(System.getProperty("fanzha.fixtures") ?: fail("no -Dfanzha.fixtures"))
            val pinned = TrustedKeysFile.parse("# test publisher\n" + File(dir, "publisher.key.pub").readText())
            assertEquals(1, pinned.size, "pinned keys")
            val withKey = settings.copy(trustedKeys = pinned)
            Guard.open(withKey, tempStore().absolutePath, JvmKeyProvider()).use { g ->
                val m = StatusModel(GuardStatus(g), UiLang.EN)
                val fakePolice = "+86 170 0000 1234"
                assertNotEquals(Level.DANGEROUS, g.checkNumber(fakePolice, NumberContext(Channel.CALL)).level, "before")
                // What the README's manual steps quote.
                for ((bad, why) in listOf("untrusted.feed" to "signed by an untrusted key", "corrupt.feed" to "")) {
                    m.applyFeed(File(dir, bad).readBytes())
                    val msg = m.state.value.message!!
                    assertTrue(msg.startsWith("Feed refused") && msg.contains(why)) { "$bad: $msg" }
                    assertTrue(m.state.value.status!!.feedVersion.startsWith("embedded-")) { "$bad changed the data" }
                }
                m.applyFeed(File(dir, "v1.feed").readBytes())
                assertEquals("Protection data updated: test@1 · full · +1 −0", m.state.value.message, "v1")
                val line = m.feedLines(m.state.value.status!!).single()
                // Built moments ago with the CLI's default 7 days, shown in whole days (README step 11).
                assertEquals("test v1 · Current: expires in 6 days · 1", line, "feed line")
                val v = g.checkNumber(fakePolice, NumberContext(Channel.CALL))
                assertEquals(Level.DANGEROUS, v.level, "after v1")
                assertTrue(org.fanzha.sample.logic.Policy.callDecision(v, UiLang.EN).reject) { "not rejected after the feed" }
                m.applyFeed(File(dir, "v1.feed").readBytes())
                m.state.value.message!!.let { msg ->
                    assertTrue(msg.startsWith("Feed refused") && msg.contains("not newer than the installed version 1 (rollback refused)")) { "replay: $msg" }
                }
                assertEquals("test@1", g.status().feedVersion, "after the replay")
                // Through the picker's path (bounded read) this time.
                m.applyFeedFile { File(dir, "v2.feed").inputStream() }
                assertEquals("Protection data updated: test@2 · full · +2 −0", m.state.value.message, "v2")
                assertEquals("test@2", g.status().feedVersion, "status after v2")
            }
            // Without the pinned key the same feed is refused.
            Guard.open(settings, tempStore().absolutePath, JvmKeyProvider()).use { g ->
                val m = StatusModel(GuardStatus(g), UiLang.EN)
                m.applyFeed(File(dir, "v1.feed").readBytes())
                assertTrue(m.state.value.message!!.startsWith("Feed refused")) { "unpinned: ${m.state.value.message}" }
            }
        }

        test("the pinned-keys file: comments, blanks, CRLF and repeats; both apps ship it empty") {
            val k1 = "fanzha-feed-public-key-v1 " + "ab".repeat(32)
            val k2 = "fanzha-feed-public-key-v1 " + "cd".repeat(32)
            assertEquals(listOf(k1, k2), TrustedKeysFile.parse("# publisher keys\r\n\r\n  $k1  \r\n$k1\n# $k2\n$k2"), "parsed")
            assertEquals(emptyList<String>(), TrustedKeysFile.parse(""), "empty")
            // No one's test key committed: a tester adds their own before building.
            val shipped = File(SampleFixtures.root, "android-sample/app/src/main/assets/${TrustedKeysFile.FILE_NAME}")
            assertEquals(emptyList<String>(), TrustedKeysFile.parse(shipped.readText()), "shipped keys")
        }

        test("opening the guard: a bad region or a malformed pinned key gives up only what is wrong") {
            val dir = File(System.getProperty("fanzha.fixtures") ?: fail("no -Dfanzha.fixtures"))
            val good = TrustedKeysFile.parse(File(dir, "publisher.key.pub").readText())
            val bad = listOf("fanzha-feed-public-key-v1 not-hex")
            fun open(region: String, keys: List<String>): Opened<Guard> = GuardOpener.open(
                GuardSettings(region = region, locale = "en", trustedKeys = keys),
                withStore = { s -> Guard.open(s, tempStore().absolutePath, JvmKeyProvider()) },
                embedded = { s -> Guard(s) },
            )
            open("CN", good).let { o ->
                o.guard.use { g -> assertTrue(g.status().hasStore) { "no store" } }
                assertEquals(Triple("CN", good, null), Triple(o.settings.region, o.settings.trustedKeys, o.settingsProblem), "as asked")
                assertEquals(null, o.storeProblem, "store problem")
            }
            open("ZZ", good).let { o ->
                o.guard.use { g -> assertTrue(g.status().hasStore) { "no store" } }
                assertEquals("CN", o.settings.region, "region")
                assertEquals(good, o.settings.trustedKeys, "a bad region must not cost the pinned keys")
                assertTrue(o.settingsProblem != null) { "no settings problem reported" }
            }
            open("HK", bad + good).let { o ->
                o.guard.close()
                assertEquals("HK", o.settings.region, "a bad key must not cost the region")
                assertEquals(emptyList<String>(), o.settings.trustedKeys, "keys")
                assertTrue(o.settingsProblem!!.contains("trusted key")) { "${o.settingsProblem}" }
            }
            open("ZZ", bad).let { o ->
                o.guard.close()
                assertEquals("CN" to emptyList<String>(), o.settings.region to o.settings.trustedKeys, "both given up")
                assertTrue(o.settingsProblem!!.contains("trusted key") && o.settingsProblem!!.contains("; ")) { "${o.settingsProblem}" }
            }
        }

        test("opening the guard: a store the key can't open falls back to the embedded data and says why") {
            val file = tempStore()
            Guard.open(settings, file.absolutePath, JvmKeyProvider()).close()
            for (region in listOf("CN", "ZZ")) {
                val o = GuardOpener.open(
                    settings.copy(region = region),
                    withStore = { s -> Guard.open(s, file.absolutePath, JvmKeyProvider()) },
                    embedded = { s -> Guard(s) },
                )
                o.guard.use { g ->
                    assertFalse(g.status().hasStore) { "$region: has a store" }
                    // Still protects: the embedded data knows the spoofed hotline.
                    assertEquals(Level.DANGEROUS, g.checkNumber("+86 95588 0000", NumberContext(Channel.CALL)).level, "$region: embedded")
                }
                assertTrue(o.storeProblem!!.startsWith("WrongKey")) { "$region: ${o.storeProblem}" }
                assertEquals("CN", o.settings.region, "$region: region")
                assertEquals(region != "CN", o.settingsProblem != null, "$region: settings problem ${o.settingsProblem}")
            }
            val none = GuardOpener.open(settings, withStore = null, embedded = { s -> Guard(s) })
            none.guard.close()
            assertEquals(null to null, none.storeProblem to none.settingsProblem, "no store asked for")
        }

        test("without a store the Reports port fails cleanly, never crashes") {
            val m = ReportsModel(GuardReports(SampleFixtures.guardEn), UiLang.EN)
            m.edit { it.copy(value = "+8617012345678") }
            m.file()
            assertTrue(m.state.value.message?.startsWith("Couldn't check") == true) { "${m.state.value.message}" }
        }
    }
}
