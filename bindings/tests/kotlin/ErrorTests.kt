package org.fanzha.tests

import org.fanzha.Channel
import org.fanzha.CheckKind
import org.fanzha.FanzhaException
import org.fanzha.Guard
import org.fanzha.GuardSettings
import org.fanzha.NumberContext
import org.fanzha.testing.*

object ErrorTests : Suite("errors") {
    init {
        test("input that is not a number is an InvalidInput exception without the input") {
            val input = "call me maybe 13812345678"
            val e = assertThrows<FanzhaException.InvalidInput> {
                Fixtures.guard.checkNumber(input, Fixtures.call)
            }
            assertEquals(CheckKind.NUMBER, e.kind, "kind")
            assertTrue(e.why.isNotBlank()) { "empty why" }
            val msg = e.message ?: ""
            assertFalse(msg.contains("13812345678") || msg.contains("maybe")) { "message leaks input: $msg" }
        }

        test("an empty number is refused") {
            assertThrows<FanzhaException.InvalidInput> { Fixtures.guard.checkNumber("", Fixtures.call) }
        }

        test("a negative call count is refused, not wrapped") {
            val e = assertThrows<FanzhaException.InvalidInput> {
                Fixtures.guard.checkNumber("13812345678", NumberContext(Channel.CALL, callsLastHour = -1))
            }
            assertEquals(CheckKind.NUMBER, e.kind, "kind")
        }

        test("an unknown region is an InvalidSettings exception") {
            assertThrows<FanzhaException.InvalidSettings> { Guard(GuardSettings(region = "ZZ")) }
        }

        test("every FanzhaException is a kotlin.Exception a host can catch generically") {
            val e: Exception = assertThrows<FanzhaException> { Fixtures.guard.checkNumber("x", Fixtures.call) }
            assertTrue(e is FanzhaException.InvalidInput) { "got ${e::class.java}" }
        }
    }
}
