// Plain Kotlin (no Android imports): see VerdictView.kt.
package org.fanzha.sample.logic

import java.math.BigDecimal
import java.math.RoundingMode

/** Amounts as people type them ↔ minor units as the SDK takes them. */
object Money {
    /** Largest amount accepted, in minor units (10^15: far above any real transfer). */
    const val MAX_MINOR: Long = 1_000_000_000_000_000L

    // ISO 4217 minor-unit exponents that are not 2.
    private val ZERO = setOf("JPY", "KRW", "VND", "CLP", "ISK", "UGX", "PYG", "XAF", "XOF", "RWF", "KMF", "GNF", "DJF", "VUV", "XPF", "BIF")
    private val THREE = setOf("BHD", "KWD", "OMR", "JOD", "TND", "LYD", "IQD")

    /** Digits after the decimal point for `currency` (2 unless ISO 4217 says otherwise). */
    fun exponent(currency: String): Int = when (currency.trim().uppercase()) {
        in ZERO -> 0
        in THREE -> 3
        else -> 2
    }

    /**
     * "5000", "5,000.00", "５０００．５", "¥5000" → minor units of
     * `currency`. Null for anything else: empty, negative, zero, more
     * decimals than the currency has, or above [MAX_MINOR].
     */
    fun parseMinor(text: String, currency: String): Long? {
        val cleaned = buildString {
            for (ch in text.trim()) {
                when (ch) {
                    in '０'..'９' -> append('0' + (ch - '０'))
                    '．', '。' -> append('.')
                    ',', '，', ' ', '\u00A0', '_' -> {}
                    '¥', '￥', '$', '€', '£' -> {}
                    else -> append(ch)
                }
            }
        }
        if (cleaned.isEmpty() || cleaned.length > 32) return null
        if (!cleaned.matches(Regex("""\d+(\.\d*)?|\.\d+"""))) return null
        val value = try {
            BigDecimal(cleaned)
        } catch (e: NumberFormatException) {
            return null
        }
        val exp = exponent(currency)
        if (value.stripTrailingZeros().scale() > exp) return null
        val minor = value.movePointRight(exp).setScale(0, RoundingMode.UNNECESSARY)
        if (minor.signum() <= 0 || minor > BigDecimal.valueOf(MAX_MINOR)) return null
        return minor.toLong()
    }

    /** 500000, "CNY" → "5,000.00 CNY". */
    fun format(minor: Long, currency: String): String {
        val exp = exponent(currency)
        val value = BigDecimal.valueOf(minor).movePointLeft(exp).setScale(exp)
        val plain = value.toPlainString()
        val intPart = plain.substringBefore('.')
        val frac = if (exp > 0) "." + plain.substringAfter('.') else ""
        val grouped = intPart.reversed().chunked(3).joinToString(",").reversed()
        return "$grouped$frac ${currency.trim().uppercase()}"
    }
}
