import Foundation
import Testing

@testable import CairnKit

/// `cairn check --format json` is written byte by byte; it must read exactly as Foundation's
/// encoder wrote it, which tools and earlier reports already follow.
struct CheckReportJSONTests {
    private struct Output: Encodable {
        let schema = "cairn.check/v1"
        let summary: [String: Int]
        let findings: [Entry]
    }

    private struct Entry: Encodable {
        let rule: String
        let severity: String
        let file: String
        let line: Int
        let column: Int
        let message: String
        let hint: String?
    }

    private func encoded(_ report: CheckReport) throws -> String {
        let output = Output(
            summary: [
                "errors": report.count(.error), "warnings": report.count(.warning),
                "notes": report.count(.note),
            ],
            findings: report.findings.map { finding in
                Entry(
                    rule: finding.id.rawValue, severity: finding.severity.rawValue,
                    file: report.path(finding.location), line: finding.location.line,
                    column: finding.location.column, message: finding.message, hint: finding.hint)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(output), as: UTF8.self) + "\n"
    }

    @Test func `the JSON report reads as Foundation's encoder writes it, escapes and all`() throws {
        var awkward = ""
        for code in 0..<0x20 { awkward.unicodeScalars.append(Unicode.Scalar(UInt8(code))) }
        awkward += "\"quoted\" back\\slash a/b <tag> & ' \u{7F} \u{2028} café ✅ 🎯"
        let findings = [
            Diagnostic(
                DiagnosticID(rawValue: "evidence.contradicts"), .error,
                at: .init(path: "plans/a.md", line: 12, column: 3),
                awkward, hint: "tick it: \(awkward)"),
            Diagnostic(
                DiagnosticID(rawValue: "link.broken"), .warning,
                at: .init(path: "plans/b c.md", line: 1, column: 1),
                "no hint here"),
            Diagnostic(.mojibakeRepaired, .note, at: .init(path: "x/ü.md"), "a note"),
        ]
        let report = CheckReport(findings: findings, contentFolder: "content", isStrict: false)
        #expect(report.json() == (try encoded(report)))
        #expect(report.json().contains(#""hint" : "tick it: \u0000\u0001"#))

        let empty = CheckReport(findings: [], contentFolder: nil, isStrict: false)
        #expect(empty.json() == (try encoded(empty)))
        #expect(empty.json().hasPrefix("{\n  \"findings\" : [\n\n  ],\n"))
    }

    @Test func `a report written in several runs on several cores reads as one written in order`()
        throws
    {
        // 4,501 findings: three runs of up to 2,000, the last of one finding.
        let findings = (0..<4_501).map { number in
            Diagnostic(
                DiagnosticID(rawValue: "task.unticked-prerequisite"),
                number % 3 == 0 ? .error : .warning,
                at: .init(path: "plans/plan-\(number / 40).md", line: number % 40 + 1, column: 1),
                "finding \(number)", hint: number % 2 == 0 ? "hint \(number)" : nil)
        }
        let report = CheckReport(findings: findings, contentFolder: "content", isStrict: false)
        #expect(report.json() == (try encoded(report)))
        #expect(try report.renderBytes(.json) == Array(try encoded(report).utf8))
    }
}
