// Pure Swift (Foundation only). Mirrors Money.kt: amounts as typed ↔ minor units.
import Foundation

enum Money {
    static let maxMinor: Int64 = 1_000_000_000_000_000
    private static let zero: Set<String> = ["JPY", "KRW", "VND", "CLP", "ISK", "UGX", "PYG", "XAF", "XOF", "RWF", "KMF", "GNF", "DJF", "VUV", "XPF", "BIF"]
    private static let three: Set<String> = ["BHD", "KWD", "OMR", "JOD", "TND", "LYD", "IQD"]

    static func exponent(_ currency: String) -> Int {
        let c = currency.trimmingCharacters(in: .whitespaces).uppercased()
        return zero.contains(c) ? 0 : (three.contains(c) ? 3 : 2)
    }

    /// "5,000.00", "５０００．５", "¥5000" → minor units; nil if not a positive amount.
    static func parseMinor(_ text: String, currency: String) -> Int64? {
        var cleaned = ""
        for ch in text.trimmingCharacters(in: .whitespaces) {
            if let v = ch.unicodeScalars.first?.value, (0xFF10...0xFF19).contains(v), let s = Unicode.Scalar(v - 0xFF10 + 0x30) {
                cleaned.append(Character(s))
            } else if ch == "．" || ch == "。" {
                cleaned.append(".")
            } else if ",， _\u{00A0}¥￥$€£".contains(ch) {
                continue
            } else {
                cleaned.append(ch)
            }
        }
        guard !cleaned.isEmpty, cleaned.count <= 32,
              cleaned.range(of: #"^(\d+(\.\d*)?|\.\d+)$"#, options: .regularExpression) != nil else { return nil }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = parts.first.map(String.init) ?? ""
        var frac = parts.count > 1 ? String(parts[1]) : ""
        while frac.hasSuffix("0") { frac.removeLast() }
        let exp = exponent(currency)
        guard frac.count <= exp else { return nil }
        frac += String(repeating: "0", count: exp - frac.count)
        let digits = (intPart.isEmpty ? "0" : intPart) + frac
        let trimmedDigits = digits.drop(while: { $0 == "0" })
        guard trimmedDigits.count <= 18, let minor = Int64(trimmedDigits.isEmpty ? "0" : String(trimmedDigits)),
              minor > 0, minor <= maxMinor else { return nil }
        return minor
    }

    static func format(_ minor: Int64, currency: String) -> String {
        let exp = exponent(currency)
        var s = String(minor)
        if s.count <= exp { s = String(repeating: "0", count: exp - s.count + 1) + s }
        let intPart = String(s.dropLast(exp))
        let frac = exp > 0 ? "." + String(s.suffix(exp)) : ""
        var grouped = ""
        for (i, ch) in intPart.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        return String(grouped.reversed()) + frac + " " + currency.uppercased()
    }
}
