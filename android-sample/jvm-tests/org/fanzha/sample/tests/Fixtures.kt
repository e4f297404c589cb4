// JVM tests of the sample apps' plain-Kotlin logic, against the real
// fanzha-ffi library through the generated bindings. Run by
// tests/run.d/samples.sh (the bindings' Kotlin harness, filter "sample").
package org.fanzha.sample.tests

import org.fanzha.Action
import org.fanzha.CheckKind
import org.fanzha.Extracted
import org.fanzha.FraudType
import org.fanzha.Guard
import org.fanzha.GuardSettings
import org.fanzha.Level
import org.fanzha.Protection
import org.fanzha.Question
import org.fanzha.Reason
import org.fanzha.Verdict
import org.fanzha.sample.logic.Example
import org.fanzha.sample.logic.ManualScript
import java.io.File

object SampleFixtures {
    /** One guard per language on the embedded data, shared like the app shares it. */
    val guardEn: Guard by lazy { Guard(GuardSettings(region = "CN", locale = "en")) }
    val guardZh: Guard by lazy { Guard(GuardSettings(region = "CN", locale = "zh-Hans")) }

    /** The repository root (the harness runs from it; FANZHA_ROOT overrides). */
    val root: File by lazy {
        val env = System.getenv("FANZHA_ROOT")
        if (env != null) File(env) else File(".").absoluteFile
    }

    val scriptFile: File get() = File(root, "android-sample/app/src/main/assets/${ManualScript.FILE_NAME}")

    val script: List<Example> by lazy { ManualScript.parse(scriptFile.readText()) }

    /** A hand-made verdict for rules the embedded data can't trigger yet. */
    fun verdict(
        level: Level,
        action: Action,
        kind: CheckKind = CheckKind.MESSAGE,
        reasons: List<String> = emptyList(),
        extracted: List<Extracted> = emptyList(),
        fraudType: FraudType? = null,
        coolOffSeconds: Int? = null,
        questions: List<Question> = emptyList(),
        title: String = "t",
        advice: List<String> = listOf("a1", "a2"),
        normalized: String? = null,
    ) = Verdict(
        kind = kind,
        input = "x",
        normalized = normalized,
        level = level,
        score = when (level) {
            Level.TRUSTED, Level.CLEAR -> 0
            Level.SUSPICIOUS -> 40
            Level.DANGEROUS -> 90
        },
        action = action,
        fraudType = fraudType,
        reasons = reasons.map { Reason(code = it, weight = 10, detail = "d") },
        title = title,
        advice = advice,
        feedVersion = "test-1",
        protection = when {
            "store.unavailable" in reasons -> Protection.UNAVAILABLE
            "feed.stale" in reasons -> Protection.STALE
            else -> Protection.FULL
        },
        extracted = extracted,
        coolOffSeconds = coolOffSeconds,
        questions = questions,
    )
}
