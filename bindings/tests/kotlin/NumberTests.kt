package org.fanzha.tests

import org.fanzha.Action
import org.fanzha.Channel
import org.fanzha.CheckKind
import org.fanzha.FraudType
import org.fanzha.Level
import org.fanzha.NumberContext
import org.fanzha.fraudTypeId
import org.fanzha.testing.*

object NumberTests : Suite("checkNumber") {
    init {
        test("an official bank hotline is trusted") {
            val v = Fixtures.guardEn.checkNumber("95588", Fixtures.call)
            assertEquals(CheckKind.NUMBER, v.kind, "kind")
            assertEquals(Level.TRUSTED, v.level, "level")
            assertEquals(Action.ALLOW, v.action, "action")
            assertEquals("95588", v.normalized, "normalized")
            assertTrue(v.reasons.any { it.code == "number.official" }) { "reasons: ${v.reasons}" }
            assertTrue(v.title.contains("ICBC")) { "title: ${v.title}" }
            assertTrue(v.feedVersion.startsWith("embedded-")) { "feed version ${v.feedVersion}" }
        }

        test("a spoofed hotline with a country code is dangerous and blocked") {
            val v = Fixtures.guard.checkNumber("+86 95588 0000", Fixtures.call)
            assertEquals(Level.DANGEROUS, v.level, "level")
            assertEquals(Action.BLOCK, v.action, "action")
            assertEquals(FraudType.IMPERSONATE_CUSTOMER_SERVICE, v.fraudType, "fraud type")
            assertEquals("impersonate_customer_service", fraudTypeId(v.fraudType!!), "fraud type id")
            assertTrue(v.score in 60..100) { "score ${v.score}" }
            assertTrue(v.reasons.any { it.code == "number.spoofed_service" }) { "reasons: ${v.reasons}" }
            assertTrue(v.advice.isNotEmpty()) { "advice is empty" }
            // zh-Hans by default: the headline is Chinese.
            assertTrue(v.title.any { it.code in 0x4E00..0x9FFF }) { "title not Chinese: ${v.title}" }
        }

        test("an ordinary mobile number is clear, in E.164") {
            val v = Fixtures.guard.checkNumber("138 1234 5678", Fixtures.call)
            assertEquals(Level.CLEAR, v.level, "level")
            assertEquals("+8613812345678", v.normalized, "normalized")
            assertEquals(null, v.fraudType, "fraud type")
        }

        test("a withheld caller is suspicious") {
            val v = Fixtures.guard.checkNumber("Private", Fixtures.call)
            assertEquals(Level.SUSPICIOUS, v.level, "level")
            assertTrue(v.reasons.any { it.code == "number.withheld" }) { "reasons: ${v.reasons}" }
        }

        test("the context record reaches the core") {
            val ctx = NumberContext(Channel.CALL, inContacts = true, callsLastHour = 1)
            val v = Fixtures.guard.checkNumber("13812345678", ctx)
            assertTrue(v.level == Level.CLEAR || v.level == Level.TRUSTED) { "level ${v.level}" }
            assertTrue(v.score <= 10) { "score ${v.score}" }
        }

        test("records are values: two checks of one number are equal") {
            val a = Fixtures.guard.checkNumber("+86 95588 0000", Fixtures.call)
            val b = Fixtures.guard.checkNumber("+86 95588 0000", Fixtures.call)
            assertEquals(a, b, "verdict")
        }
    }
}
