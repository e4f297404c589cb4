// Plain Kotlin (no Android imports): see VerdictView.kt.
package org.fanzha.sample.logic

import org.fanzha.Action
import org.fanzha.CheckKind
import org.fanzha.Level
import org.fanzha.Verdict

/**
 * One line of the manual test script (`assets/manual-tests.tsv`, shared
 * byte for byte with the iOS app): an input to try on a screen and what
 * the SDK should answer. The screens offer these as "Try these" chips and
 * show whether the live answer matched; the JVM tests check every line
 * against the real library, so the script can't drift from the core.
 */
data class Example(
    val kind: CheckKind,
    val input: String,
    /** `key=value` or bare flags, from the third column (`;`-separated). */
    val options: Map<String, String>,
    val expectLevel: Level?,
    val expectAction: Action?,
    /** A reason code the verdict must carry, if any. */
    val expectCode: String?,
    val note: String,
    /** 1-based line in the file, for error messages. */
    val line: Int,
) {
    fun flag(name: String): Boolean = options.containsKey(name)

    fun option(name: String): String? = options[name]?.takeIf { it.isNotEmpty() }

    /** Null when the verdict matches; otherwise what differs, for a tester. */
    fun mismatch(v: Verdict): String? {
        val problems = mutableListOf<String>()
        if (expectLevel != null && v.level != expectLevel) problems += "level ${v.level.id()} (expected ${expectLevel.id()})"
        if (expectAction != null && v.action != expectAction) problems += "action ${v.action.id()} (expected ${expectAction.id()})"
        if (expectCode != null && v.reasons.none { it.code == expectCode }) {
            problems += "no reason $expectCode (got ${v.reasons.joinToString { it.code }.ifEmpty { "none" }})"
        }
        return if (problems.isEmpty()) null else problems.joinToString("; ")
    }
}

class ScriptFormatException(message: String) : Exception(message)

object ManualScript {
    /** File name in the Android assets and the iOS bundle. */
    const val FILE_NAME = "manual-tests.tsv"

    /**
     * Parses the TSV: `kind  input  options  level  action  code  note`,
     * tab-separated; `#` starts a comment line; empty cells are "-" or
     * nothing. Refuses unknown kinds, levels and actions, so a typo in
     * the script fails the JVM tests instead of silently checking nothing.
     */
    fun parse(text: String): List<Example> {
        val out = mutableListOf<Example>()
        text.lineSequence().forEachIndexed { index, raw ->
            val lineNo = index + 1
            val line = raw.trimEnd('\r')
            if (line.isBlank() || line.trimStart().startsWith("#")) return@forEachIndexed
            val cells = line.split('\t').map { it.trim() }
            if (cells.size < 2) throw ScriptFormatException("line $lineNo: needs at least kind and input")
            fun cell(i: Int): String? = cells.getOrNull(i)?.takeIf { it.isNotEmpty() && it != "-" }
            val kind = parseKind(cells[0]) ?: throw ScriptFormatException("line $lineNo: unknown kind '${cells[0]}'")
            val level = cell(3)?.let { parseLevel(it) ?: throw ScriptFormatException("line $lineNo: unknown level '$it'") }
            val action = cell(4)?.let { parseAction(it) ?: throw ScriptFormatException("line $lineNo: unknown action '$it'") }
            out += Example(
                kind = kind,
                input = unescape(cells[1]),
                options = parseOptions(cell(2)),
                expectLevel = level,
                expectAction = action,
                expectCode = cell(5),
                note = cell(6) ?: "",
                line = lineNo,
            )
        }
        return out
    }

    /** `\n` and `\t` in the input cell stand for a newline and a tab. */
    fun unescape(s: String): String = s.replace("\\n", "\n").replace("\\t", "\t")

    fun parseOptions(cell: String?): Map<String, String> {
        if (cell.isNullOrBlank()) return emptyMap()
        val map = linkedMapOf<String, String>()
        for (part in cell.split(';')) {
            val p = part.trim()
            if (p.isEmpty()) continue
            val eq = p.indexOf('=')
            if (eq < 0) map[p] = "" else map[p.substring(0, eq).trim()] = unescape(p.substring(eq + 1).trim())
        }
        return map
    }

    fun parseKind(s: String): CheckKind? = CheckKind.values().firstOrNull { it.id() == s.lowercase() }

    fun parseLevel(s: String): Level? = Level.values().firstOrNull { it.id() == s.lowercase() }

    fun parseAction(s: String): Action? = Action.values().firstOrNull { it.id() == s.lowercase() }

    fun forKind(all: List<Example>, kind: CheckKind): List<Example> = all.filter { it.kind == kind }
}

/** The lowercase id the CLI's JSON uses (`dangerous`, `block`, `number`). */
fun Level.id(): String = name.lowercase()

fun Action.id(): String = name.lowercase()

fun CheckKind.id(): String = name.lowercase()
