// A small test harness for Kotlin on a desktop JVM (no JUnit here: the
// machines have kotlinc and JNA only). Tests run against the real
// fanzha-ffi library through the generated bindings.
//
// Adding tests: put a file anywhere in a compiled source root (see
// bindings/tests/kotlin/sources.txt) declaring
//
//     object MyThingTests : Suite("my thing") {
//         init {
//             test("does what it says") { check(1 + 1 == 2) }
//         }
//     }
//
// The runner finds every `object` extending `Suite` among the compiled
// classes; nothing needs registering. Assertion helpers below throw
// AssertionError with a message.
package org.fanzha.testing

import java.io.File
import java.io.PrintWriter
import java.io.StringWriter

abstract class Suite(val name: String) {
    internal val cases = mutableListOf<Pair<String, () -> Unit>>()

    /** Declares a test case. `body` fails by throwing. */
    fun test(name: String, body: () -> Unit) {
        cases += name to body
    }
}

class Failure(message: String) : AssertionError(message)

fun fail(message: String): Nothing = throw Failure(message)

fun assertTrue(cond: Boolean, message: () -> String = { "expected true" }) {
    if (!cond) fail(message())
}

fun assertFalse(cond: Boolean, message: () -> String = { "expected false" }) {
    if (cond) fail(message())
}

fun <T> assertEquals(expected: T, actual: T, what: String = "value") {
    if (expected != actual) fail("$what: expected <$expected>, got <$actual>")
}

fun <T> assertNotEquals(unexpected: T, actual: T, what: String = "value") {
    if (unexpected == actual) fail("$what: did not expect <$actual>")
}

/** Runs `body` and returns what it threw, which must be a `T`. */
inline fun <reified T : Throwable> assertThrows(body: () -> Unit): T {
    try {
        body()
    } catch (e: Throwable) {
        if (e is T) return e
        fail("expected ${T::class.java.simpleName}, got ${e::class.java.name}: ${e.message}")
    }
    fail("expected ${T::class.java.simpleName}, nothing was thrown")
}

/**
 * Runs every Suite object found under the classes directory given as the
 * first argument; further arguments filter by substring of "suite: test".
 * Prints one line per test and closes with "N passed, N failed"; exits 1 on
 * any failure.
 */
object Runner {
    @JvmStatic
    fun main(args: Array<String>) {
        val root = File(args.firstOrNull() ?: error("usage: Runner CLASSES_DIR [FILTER…]"))
        val filters = args.drop(1)
        val suites = discover(root)
        if (suites.isEmpty()) {
            System.err.println("no test suites found under $root")
            kotlin.system.exitProcess(1)
        }
        var passed = 0
        var failed = 0
        for (suite in suites) {
            for ((name, body) in suite.cases) {
                val full = "${suite.name}: $name"
                if (filters.isNotEmpty() && filters.none { full.contains(it) }) continue
                val start = System.nanoTime()
                try {
                    body()
                    passed++
                    println("ok    $full (${(System.nanoTime() - start) / 1_000_000} ms)")
                } catch (e: Throwable) {
                    failed++
                    println("FAIL  $full")
                    val sw = StringWriter()
                    e.printStackTrace(PrintWriter(sw))
                    println(sw.toString().prependIndent("      "))
                }
            }
        }
        println("kotlin: $passed passed, $failed failed")
        System.out.flush()
        kotlin.system.exitProcess(if (failed == 0 && passed > 0) 0 else 1)
    }

    private fun discover(root: File): List<Suite> {
        val loader = Runner::class.java.classLoader
        return root.walkTopDown()
            .filter { it.isFile && it.name.endsWith(".class") && !it.name.contains('$') }
            .map { it.relativeTo(root).path.removeSuffix(".class").replace(File.separatorChar, '.') }
            .sorted()
            .mapNotNull { className ->
                val cls = try {
                    Class.forName(className, false, loader)
                } catch (e: Throwable) {
                    null
                }
                if (cls == null || !Suite::class.java.isAssignableFrom(cls) || cls == Suite::class.java) {
                    null
                } else {
                    // A Kotlin `object` keeps its instance in INSTANCE.
                    val field = cls.declaredFields.firstOrNull { it.name == "INSTANCE" }
                        ?: error("$className extends Suite but is not an `object`")
                    field.get(null) as Suite
                }
            }
            .toList()
    }
}
