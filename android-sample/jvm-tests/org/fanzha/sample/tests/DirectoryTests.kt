package org.fanzha.sample.tests

import org.fanzha.testing.*

/** What the iOS Call Directory extension loads, through the real binding. */
object DirectoryTests : Suite("sample-app call directory") {
    init {
        test("official numbers come labelled, in CallKit form, strictly ascending") {
            val zh = SampleFixtures.guardZh.callDirectoryEntries()
            val ids = zh.identification
            assertTrue(ids.size >= 5) { "only ${ids.size} entries" }
            assertTrue(ids.zipWithNext().all { (a, b) -> a.number < b.number }) { "not strictly ascending" }
            assertEquals("中国工商银行", ids.firstOrNull { it.number == 8695588L }?.label, "95588")
            assertTrue(ids.any { it.number == 8696110L }) { "96110 missing" }
            assertTrue(ids.all { it.label.isNotBlank() && it.number.toString().length <= 15 }) { "bad entry" }
            // No store: no user rules, nothing to block.
            assertTrue(zh.blocking.isEmpty()) { "blocking without a store: ${zh.blocking}" }
            val en = SampleFixtures.guardEn.callDirectoryEntries()
            assertTrue(en.identification.any { it.number == 8695588L && it.label.contains("ICBC") }) { "English label" }
        }
    }
}
