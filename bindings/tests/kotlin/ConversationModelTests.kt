package org.fanzha.tests

import org.fanzha.FanzhaException
import org.fanzha.FraudType
import org.fanzha.Guard
import org.fanzha.GuardSettings
import org.fanzha.CheckKind
import org.fanzha.Level
import org.fanzha.Speaker
import org.fanzha.Turn
import org.fanzha.testing.*

/** `checkConversation`: a call transcript or chat thread judged as a whole. */
object ConversationTests : Suite("checkConversation") {
    private fun remote(text: String) = Turn(Speaker.REMOTE, text)
    private fun local(text: String) = Turn(Speaker.LOCAL, text)

    init {
        test("a fake police call's arc is dangerous; the reasons name the stages and turns") {
            val v = Fixtures.guardEn.checkConversation(listOf(
                remote("喂 这里是市公安局刑侦大队 你的身份证涉嫌一起洗钱案"),
                local("不可能吧 我该怎么做"),
                remote("案件保密 不要告诉任何人 找个没人的地方"),
                remote("把你卡里的钱转到安全账户配合调查"),
            ))
            assertEquals(Level.DANGEROUS, v.level, "level")
            assertEquals(FraudType.IMPERSONATE_AUTHORITY, v.fraudType, "fraud type")
            assertEquals(CheckKind.MESSAGE, v.kind, "kind")
            val codes = v.reasons.map { it.code }
            for (code in listOf("conversation.authority", "conversation.fear", "conversation.secrecy",
                                "conversation.transfer", "conversation.arc")) {
                assertTrue(code in codes) { "$code missing from $codes" }
            }
            val arc = v.reasons.first { it.code == "conversation.arc" }
            assertTrue(arc.detail.contains("turn 1")) { arc.detail }
        }

        test("an ordinary delivery call is clear") {
            val v = Fixtures.guardEn.checkConversation(listOf(
                remote("你好 顺丰快递 你的件到了 在家吗"),
                local("在 放门口就行"),
            ))
            assertEquals(Level.CLEAR, v.level, "level")
        }

        test("no turns, or no visible text, is InvalidInput") {
            assertThrows<FanzhaException.InvalidInput> { Fixtures.guardEn.checkConversation(emptyList()) }
            assertThrows<FanzhaException.InvalidInput> {
                Fixtures.guardEn.checkConversation(listOf(remote(" "), local("")))
            }
        }
    }
}

/** Models shipped in signed feeds: status names the model in use. */
object ModelFeedTests : Suite("feed models") {
    init {
        test("a feed with a message model: after apply the status shows the feed's model") {
            FeedFixtures.openGuard(31).use { g ->
                assertTrue(g.status().models.none { it.source == "feed" }) { "${g.status().models}" }
                g.applyFeed(FeedFixtures.bytes("model-v1.feed"))
                val m = g.status().models.firstOrNull { it.kind == "message" }
                    ?: error("no message model in ${g.status().models}")
                assertEquals("feed", m.source, "source")
                assertEquals(16, m.id.length, "id ${m.id}")
                assertEquals(3, m.classes, "classes")
                val file = FeedFixtures.bytes("message.fzml")
                assertEquals(file.size.toLong(), m.bytes, "bytes")
                // The id is the model file's own checksum (its last 8 bytes, LE).
                val tail = file.copyOfRange(file.size - 8, file.size).reversedArray()
                assertEquals(tail.joinToString("") { "%02x".format(it) }, m.id, "id is the checksum")
            }
        }

        test("a feed whose model is damaged is refused; the old model stays") {
            FeedFixtures.openGuard(32).use { g ->
                g.applyFeed(FeedFixtures.bytes("model-v1.feed"))
                val before = g.status()
                val e = assertThrows<FanzhaException.Feed> { g.applyFeed(FeedFixtures.bytes("model-damaged.feed")) }
                assertTrue(e.message?.contains("model") == true) { "${e.message}" }
                val after = g.status()
                assertEquals(before.models, after.models, "models")
                assertEquals(before.feedVersion, after.feedVersion, "feed version")
            }
        }
    }
}
