// Pure Swift (Foundation + Fanzha only). The manual test script
// (Resources/manual-tests.tsv, the same file as the Android app's — see
// tests/run.d/samples.sh) parsed for the "Try these" rows. Mirrors
// ManualScript.kt; the Kotlin twin is what the JVM tests check every line
// of against the real library.
import Fanzha
import Foundation

struct Example: Identifiable, Hashable {
    let id: Int  // line number
    let kind: String  // number | link | message | payment
    let input: String
    let options: [String: String]
    let expectLevel: String?
    let expectAction: String?
    let expectCode: String?
    let note: String

    func flag(_ name: String) -> Bool { options[name] != nil }
    func option(_ name: String) -> String? { options[name].flatMap { $0.isEmpty ? nil : $0 } }

    /// Nil when `v` matches; otherwise what differs.
    func mismatch(_ v: Verdict) -> String? {
        var problems: [String] = []
        if let l = expectLevel, v.level.id != l { problems.append("level \(v.level.id) (expected \(l))") }
        if let a = expectAction, v.action.id != a { problems.append("action \(v.action.id) (expected \(a))") }
        if let c = expectCode, !v.reasons.contains(where: { $0.code == c }) { problems.append("no reason \(c)") }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }
}

enum ManualScript {
    static let fileName = "manual-tests"

    static func load(bundle: Bundle = .main) -> [Example] {
        guard let url = bundle.url(forResource: fileName, withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return parse(text)
    }

    /// Lenient at runtime (a bad line is skipped); the JVM tests are the strict check.
    static func parse(_ text: String) -> [Example] {
        var out: [Example] = []
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let cells = line.components(separatedBy: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 2 else { continue }
            func cell(_ i: Int) -> String? { i < cells.count && !cells[i].isEmpty && cells[i] != "-" ? cells[i] : nil }
            out.append(Example(
                id: index + 1, kind: cells[0].lowercased(), input: unescape(cells[1]),
                options: parseOptions(cell(2)), expectLevel: cell(3), expectAction: cell(4),
                expectCode: cell(5), note: cell(6) ?? ""))
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\t", with: "\t")
    }

    static func parseOptions(_ cell: String?) -> [String: String] {
        guard let cell else { return [:] }
        var map: [String: String] = [:]
        for part in cell.components(separatedBy: ";") {
            let p = part.trimmingCharacters(in: .whitespaces)
            if p.isEmpty { continue }
            if let eq = p.firstIndex(of: "=") {
                map[String(p[..<eq]).trimmingCharacters(in: .whitespaces)] =
                    unescape(String(p[p.index(after: eq)...]).trimmingCharacters(in: .whitespaces))
            } else {
                map[p] = ""
            }
        }
        return map
    }
}
