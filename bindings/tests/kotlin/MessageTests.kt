package org.fanzha.tests

import org.fanzha.CheckKind
import org.fanzha.FanzhaException
import org.fanzha.FraudType
import org.fanzha.Level
import org.fanzha.testing.*

object MessageTests : Suite("checkMessage") {
    init {
        test("a 'safe account' demand from 'the police' is dangerous impersonation of authority") {
            val body = "我是市公安局民警，你的银行卡涉嫌洗钱案件，请立即将资金转入安全账户配合调查，否则冻结。"
            val v = Fixtures.guard.checkMessage(null, body)
            assertEquals(CheckKind.MESSAGE, v.kind, "kind")
            assertEquals(Level.DANGEROUS, v.level, "level")
            assertEquals(FraudType.IMPERSONATE_AUTHORITY, v.fraudType, "fraud type")
            assertTrue(v.reasons.any { it.code.startsWith("message.") }) { "reasons: ${v.reasons.map { it.code }}" }
        }

        test("links in a message are extracted, each with its own verdict") {
            val body = "【银行】您的账户存在异常，请立即登录 http://icbc.com.cn@login-verify.top/a 完成验证"
            val v = Fixtures.guard.checkMessage("10690000", body)
            assertTrue(v.level >= Level.SUSPICIOUS) { "level ${v.level}: ${v.reasons.map { it.code }}" }
            val link = v.extracted.firstOrNull { it.kind == "link" } ?: fail("no link extracted: ${v.extracted}")
            val lv = link.verdict ?: fail("extracted link has no verdict")
            assertEquals(CheckKind.LINK, lv.kind, "extracted verdict kind")
            assertTrue(lv.level >= Level.SUSPICIOUS) { "link level ${lv.level}" }
        }

        test("an ordinary message is clear") {
            val v = Fixtures.guard.checkMessage("13812345678", "晚上一起吃饭吗？七点老地方见。")
            assertEquals(Level.CLEAR, v.level, "level")
        }

        test("an oversized message is refused or bounded, never a crash") {
            val body = "转账".repeat(200_000)
            try {
                val v = Fixtures.guard.checkMessage(null, body)
                assertTrue(v.input.length < body.length) { "the preview is not bounded" }
            } catch (e: FanzhaException.InvalidInput) {
                assertEquals(CheckKind.MESSAGE, e.kind, "kind")
                assertFalse((e.message ?: "").contains("转账转账")) { "message repeats the input" }
            }
        }
    }
}
