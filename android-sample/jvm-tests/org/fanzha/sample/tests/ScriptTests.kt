package org.fanzha.sample.tests

import org.fanzha.Action
import org.fanzha.CheckKind
import org.fanzha.Level
import org.fanzha.sample.logic.CheckResult
import org.fanzha.sample.logic.LinkCheckModel
import org.fanzha.sample.logic.ManualScript
import org.fanzha.sample.logic.MessageCheckModel
import org.fanzha.sample.logic.NumberCheckModel
import org.fanzha.sample.logic.ScriptFormatException
import org.fanzha.sample.logic.UiLang
import org.fanzha.testing.*

/** The manual test script is what the READMEs tell testers to expect: hold it to the library. */
object ScriptTests : Suite("sample-app script") {
    init {
        test("the script parses and covers every screen that has examples") {
            val all = SampleFixtures.script
            assertTrue(all.size >= 9) { "only ${all.size} lines" }
            assertTrue(all.any { it.kind == CheckKind.NUMBER }) { "no number lines" }
            for (e in all) {
                assertTrue(e.input.isNotEmpty()) { "line ${e.line}: empty input" }
                assertTrue(e.expectLevel != null) { "line ${e.line}: no expected level" }
            }
        }

        test("every number line gives the expected verdict, through the Number screen's model") {
            val model = NumberCheckModel(SampleFixtures.guardEn, UiLang.EN)
            for (e in ManualScript.forKind(SampleFixtures.script, CheckKind.NUMBER)) {
                model.useExample(e)
                model.check()
                val r = model.state.value.result
                if (r !is CheckResult.Done) fail("line ${e.line} (${e.input}): $r")
                assertEquals(null, r.mismatch, "line ${e.line} (${e.input})")
            }
        }

        test("every link line gives the expected verdict, through the Link screen's model") {
            val model = LinkCheckModel(SampleFixtures.guardEn, UiLang.EN)
            for (e in ManualScript.forKind(SampleFixtures.script, CheckKind.LINK)) {
                model.useExample(e)
                model.check()
                val r = model.state.value.result
                if (r !is CheckResult.Done) fail("line ${e.line} (${e.input}): $r")
                assertEquals(null, r.mismatch, "line ${e.line} (${e.input})")
            }
        }

        test("every message line gives the expected verdict, through the Message screen's model") {
            val model = MessageCheckModel(SampleFixtures.guardEn, UiLang.EN)
            for (e in ManualScript.forKind(SampleFixtures.script, CheckKind.MESSAGE)) {
                model.useExample(e)
                model.check()
                val r = model.state.value.result
                if (r !is CheckResult.Done) fail("line ${e.line}: $r")
                assertEquals(null, r.mismatch, "line ${e.line}")
            }
        }

        test("a mismatch is reported, not hidden") {
            val text = "number\t95588\t-\tdangerous\tblock\tnumber.spoofed_service\twrong on purpose\n"
            val e = ManualScript.parse(text).single()
            val model = NumberCheckModel(SampleFixtures.guardEn, UiLang.EN)
            model.useExample(e)
            model.check()
            val r = model.state.value.result as CheckResult.Done
            val m = r.mismatch ?: fail("expected a mismatch")
            assertTrue(m.contains("level trusted (expected dangerous)")) { m }
            assertTrue(m.contains("action allow (expected block)")) { m }
            assertTrue(m.contains("no reason number.spoofed_service")) { m }
        }

        test("options, escapes, comments and dashes parse") {
            val text = "# comment\n\nmessage\tline1\\nline2\tsender=95588; flag ;k = v\tsuspicious\twarn\t-\tnote\n"
            val e = ManualScript.parse(text).single()
            assertEquals("line1\nline2", e.input, "input")
            assertEquals("95588", e.option("sender"), "sender")
            assertTrue(e.flag("flag")) { "flag" }
            assertEquals("v", e.option("k"), "k")
            assertEquals(Level.SUSPICIOUS, e.expectLevel, "level")
            assertEquals(Action.WARN, e.expectAction, "action")
            assertEquals(null, e.expectCode, "code")
            assertEquals(3, e.line, "line number")
        }

        test("typos in the script are errors, not silent passes") {
            assertThrows<ScriptFormatException> { ManualScript.parse("numbr\t1\t-\tclear\n") }
            assertThrows<ScriptFormatException> { ManualScript.parse("number\t1\t-\tclean\n") }
            assertThrows<ScriptFormatException> { ManualScript.parse("number\t1\t-\tclear\tallw\n") }
            assertThrows<ScriptFormatException> { ManualScript.parse("number\n") }
        }
    }
}
