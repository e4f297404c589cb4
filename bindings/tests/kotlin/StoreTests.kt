package org.fanzha.tests

import org.fanzha.Action
import org.fanzha.Channel
import org.fanzha.CheckKind
import org.fanzha.FanzhaException
import org.fanzha.FraudType
import org.fanzha.Guard
import org.fanzha.GuardSettings
import org.fanzha.KeyProvider
import org.fanzha.Level
import org.fanzha.NewReport
import org.fanzha.NumberContext
import org.fanzha.RuleAction
import org.fanzha.RuleKind
import org.fanzha.testing.*
import java.io.File
import java.io.RandomAccessFile
import java.nio.file.Files
import java.security.SecureRandom
import javax.crypto.AEADBadTagException
import javax.crypto.Cipher
import javax.crypto.spec.GCMParameterSpec
import javax.crypto.spec.SecretKeySpec

/**
 * What an app does with the Android Keystore / iOS Keychain, with a key in
 * memory: AES-256-GCM, the IV in front of the ciphertext. A tag failure is
 * the wrong key.
 */
class TestKeyProvider(seed: Byte) : KeyProvider {
    private val key = SecretKeySpec(ByteArray(32) { (it + seed).toByte() }, "AES")
    @Volatile var unavailable = false
    @Volatile var unwraps = 0

    override fun wrapKey(dataKey: ByteArray): ByteArray {
        val iv = ByteArray(12).also { SecureRandom().nextBytes(it) }
        val c = Cipher.getInstance("AES/GCM/NoPadding")
        c.init(Cipher.ENCRYPT_MODE, key, GCMParameterSpec(128, iv))
        return iv + c.doFinal(dataKey)
    }

    override fun unwrapKey(wrapped: ByteArray): ByteArray {
        unwraps++
        if (unavailable) throw FanzhaException.KeyProvider("keystore locked")
        if (wrapped.size < 12 + 16) throw FanzhaException.WrongKey()
        val c = Cipher.getInstance("AES/GCM/NoPadding")
        c.init(Cipher.DECRYPT_MODE, key, GCMParameterSpec(128, wrapped, 0, 12))
        try {
            return c.doFinal(wrapped, 12, wrapped.size - 12)
        } catch (e: AEADBadTagException) {
            throw FanzhaException.WrongKey()
        }
    }
}

object StoreTests : Suite("store") {
    fun tempStore(): String {
        val dir = Files.createTempDirectory("fanzha-kt").toFile()
        dir.deleteOnExit()
        return File(dir, "fanzha.db").path
    }

    init {
        test("a store opens with the host's key provider; user rules change verdicts and persist") {
            val path = tempStore()
            val keys = TestKeyProvider(1)
            Guard.open(GuardSettings(), path, keys).use { g ->
                val number = "+86 170 0000 4321"
                assertTrue(g.checkNumber(number, NumberContext(Channel.CALL)).level != Level.DANGEROUS) { "dangerous before a rule" }
                val stored = g.block(RuleKind.NUMBER, number)
                assertEquals("+8617000004321", stored, "canonical rule value")
                val v = g.checkNumber(number, NumberContext(Channel.CALL))
                assertEquals(Level.DANGEROUS, v.level, "level after block")
                assertEquals(Action.BLOCK, v.action, "action after block")
                g.allow(RuleKind.NUMBER, "95588")
                assertEquals(2, g.rules().size, "rules")
            }
            Guard.open(GuardSettings(), path, keys).use { g ->
                assertEquals(Level.DANGEROUS, g.checkNumber("17000004321", NumberContext(Channel.CALL)).level, "level after reopen")
                assertTrue(g.rules().any { it.kind == RuleKind.NUMBER && it.action == RuleAction.BLOCK }) { "rules: ${g.rules()}" }
                assertTrue(g.removeRule(RuleKind.NUMBER, "+8617000004321")) { "rule not removed" }
                assertFalse(g.removeRule(RuleKind.NUMBER, "+8617000004321")) { "removed twice" }
            }
            assertTrue(keys.unwraps >= 1) { "the provider was never asked to unwrap" }
        }

        test("reports: add, list, mark uploaded, export, delete") {
            Guard.open(GuardSettings(), tempStore(), TestKeyProvider(2)).use { g ->
                val id = g.addReport(NewReport(CheckKind.NUMBER, "+86 170 0000 9999", FraudType.IMPERSONATE_AUTHORITY, "said he was police"))
                g.addReport(NewReport(CheckKind.LINK, "http://login-verify.top/a"))
                assertEquals(2, g.reports(true).size, "pending reports")
                assertEquals(1, g.markReportsUploaded(listOf(id)), "marked")
                assertEquals(1, g.reports(true).size, "pending after upload")
                val all = g.reports(false)
                assertEquals(2, all.size, "all reports")
                assertTrue(all.first { it.id == id }.uploadedMs != null) { "uploadedMs not set" }
                val json = g.exportReports(false)
                assertTrue(json.contains("said he was police")) { "export lacks the note: $json" }
                assertTrue(g.deleteReport(id)) { "not deleted" }
                assertEquals(1, g.reports(false).size, "after delete")
            }
        }

        test("the wrong key is a WrongKey exception, and nothing opens") {
            val path = tempStore()
            Guard.open(GuardSettings(), path, TestKeyProvider(3)).use { it.block(RuleKind.NUMBER, "13800000000") }
            assertThrows<FanzhaException.WrongKey> { Guard.open(GuardSettings(), path, TestKeyProvider(4)) }
        }

        test("a key provider that can't be used is a KeyProvider exception") {
            val path = tempStore()
            val keys = TestKeyProvider(5)
            Guard.open(GuardSettings(), path, keys).close()
            keys.unavailable = true
            assertThrows<FanzhaException.KeyProvider> { Guard.open(GuardSettings(), path, keys) }
        }

        test("store calls on a guard without a store are refused") {
            assertThrows<FanzhaException> { Fixtures.guard.reports(false) }
        }

        test("a damaged store falls back to the embedded data and says so in every verdict") {
            val path = tempStore()
            val keys = TestKeyProvider(6)
            Guard.open(GuardSettings(), path, keys).use { it.block(RuleKind.NUMBER, "13800000000") }
            // Overwrite everything after the SQLite header with garbage.
            RandomAccessFile(path, "rw").use { f ->
                f.seek(100)
                val junk = ByteArray((f.length() - 100).toInt().coerceAtLeast(0)) { 0x5A }
                f.write(junk)
            }
            File("$path-wal").delete()
            try {
                Guard.open(GuardSettings(), path, keys).use { g ->
                    val v = g.checkNumber("95588", NumberContext(Channel.CALL))
                    assertTrue(v.reasons.any { it.code == "store.unavailable" }) { "reasons: ${v.reasons.map { it.code }}" }
                    val s = g.status()
                    assertTrue(s.storeProblem != null) { "status does not report the problem" }
                }
            } catch (e: FanzhaException.Store) {
                // Refusing to open a damaged file is also acceptable; reading it as clear is not.
                println("      (damaged store refused at open: ${e.why})")
            }
        }
    }
}
