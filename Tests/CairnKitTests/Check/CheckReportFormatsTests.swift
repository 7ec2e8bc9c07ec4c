import Foundation
import Testing

@testable import CairnKit

/// `--format github`, `junit` and `sarif` are written byte by byte; each must read exactly as
/// the plain `String` and `JSONEncoder` writers below, which they replaced, wrote it.
struct CheckReportFormatsTests {
    private static var awkward: String {
        var text = ""
        for code in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(UInt8(code))) }
        return text + "\"quoted\" 'single' back\\slash a/b <tag> & 100% a,b:c \u{7F} café ✅ 🎯"
    }

    private static let awkwardFindings = [
        Diagnostic(
            DiagnosticID(rawValue: "evidence.contradicts"), .error,
            at: .init(path: "plans/a b:c,d%e é🎯.md", line: 12, column: 3),
            awkward, hint: "tick it: \(awkward)"),
        Diagnostic(
            DiagnosticID(rawValue: "link.broken"), .warning,
            at: .init(path: "plans/b&c <d>.md", line: 1, column: 0), "no hint here"),
        Diagnostic(.mojibakeRepaired, .note, at: .init(path: "x/ü.md"), "a note, no line"),
        Diagnostic(
            DiagnosticID(rawValue: "made.up-rule"), .error, at: .init(path: "y.md", line: 2),
            "a rule no descriptor names"),
    ]

    /// 4,501 findings: three runs of up to 2,000, the last of one finding.
    private static let manyFindings = (0..<4_501).map { number in
        Diagnostic(
            number % 5 == 0 ? DiagnosticID(rawValue: "link.broken") : .mojibakeRepaired,
            number % 3 == 0 ? .error : number % 3 == 1 ? .warning : .note,
            at: .init(path: "plans/plan \(number / 40).md", line: number % 40, column: 1),
            "finding \(number) & <more>", hint: number % 2 == 0 ? "hint \(number), 50%" : nil)
    }

    private static func reports(isStrict: Bool) -> [CheckReport] {
        [awkwardFindings, manyFindings, []].map {
            CheckReport(findings: $0, contentFolder: "content", isStrict: isStrict)
        }
    }

    @Test func `a text report's line reads as the diagnostic's own line, colored or not`() {
        let report = CheckReport(findings: [], contentFolder: nil, isStrict: false)
        for severity in Diagnostic.Severity.allCases {
            for (line, column) in [(0, 0), (3, 0), (12, 7)] {
                let finding = Diagnostic(
                    DiagnosticID(rawValue: "some.rule"), severity,
                    at: .init(path: "/abs/plans/p.md", line: line, column: column),
                    Self.awkward, hint: "a hint")
                for isColored in [false, true] {
                    var bytes: [UInt8] = []
                    report.appendTextLine(
                        finding, displayPath: "plans/p.md", isColored: isColored, to: &bytes)
                    let expected = DiagnosticReport.line(
                        for: finding, displayPath: "plans/p.md", isColored: isColored)
                    #expect(
                        bytes == Array(expected.utf8), "\(severity) \(line):\(column) \(isColored)")
                }
            }
        }
    }

    @Test func `the GitHub workflow commands read as the string writer wrote them`() throws {
        for report in Self.reports(isStrict: false) {
            #expect(try report.render(.github) == Reference.github(report))
        }
        let lines = try Self.reports(isStrict: false)[0].render(.github).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(
            lines[0].hasPrefix(
                "::error file=content/plans/a b%3Ac%2Cd%25e é🎯.md,line=12,col=3,title=evidence.contradicts::\u{0}"
            ))
        #expect(lines[1].hasPrefix("::warning file=content/plans/b&c <d>.md,line=1,col=1,"))
        #expect(lines[2] == "::notice file=content/x/ü.md,title=encoding.repaired::a note, no line")
    }

    @Test func `the JUnit report reads as the string writer wrote it`() throws {
        for report in Self.reports(isStrict: false) + Self.reports(isStrict: true) {
            #expect(try report.render(.junit) == Reference.junit(report))
        }
        let junit = try Self.reports(isStrict: false)[0].render(.junit)
        #expect(junit.contains("name=\"content/plans/b&amp;c &lt;d&gt;.md:1:1\""))
        #expect(!junit.contains("\u{1}"))
    }

    @Test func `the SARIF log reads as Foundation's encoder wrote it`() throws {
        for report in Self.reports(isStrict: false) {
            #expect(try report.render(.sarif) == (try Reference.sarif(report)))
        }
        let sarif = try Self.reports(isStrict: false)[0].render(.sarif)
        #expect(sarif.contains(#""uri" : "content/plans/a%20b%3Ac,d%25e%20%C3%A9%F0%9F%8E%AF.md""#))
    }

    @Test func `paths are percent-encoded as Foundation encodes them, byte for byte`() {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        var paths = (0..<0x80).map { String(Unicode.Scalar(UInt8($0))) }
        paths += ["é", "🎯", "\u{2028}", "plans/a b/c:d.md", "100%/x?y#z", "ü/ö\u{301}.md"]
        for path in paths {
            var encoded: [UInt8] = []
            URIText.appendPath(path, to: &encoded)
            #expect(
                String(decoding: encoded, as: UTF8.self)
                    == path.addingPercentEncoding(withAllowedCharacters: allowed),
                "\(path.unicodeScalars.map(\.value))")
        }
    }
}

/// The writers the byte writers replaced, kept as the reference they are held to.
private enum Reference {
    static func github(_ report: CheckReport) -> String {
        var output = ""
        for finding in report.findings {
            let command =
                switch finding.severity {
                case .error: "error"
                case .warning: "warning"
                case .note: "notice"
                }
            var properties = ["file=\(escapeProperty(report.path(finding.location)))"]
            if finding.location.line > 0 {
                properties.append("line=\(finding.location.line)")
                properties.append("col=\(max(finding.location.column, 1))")
            }
            properties.append("title=\(escapeProperty(finding.id.rawValue))")
            let message = finding.message + (finding.hint.map { " (hint: \($0))" } ?? "")
            output += "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
        }
        return output
    }

    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(
            of: ",", with: "%2C")
    }

    static func junit(_ report: CheckReport) -> String {
        let findings = report.findings
        let failures = findings.filter(report.fails).count
        let quietRules = RuleDescriptor.all.filter { rule in
            !findings.contains { $0.id == rule.id }
        }
        let tests = findings.count + quietRules.count
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output += "<testsuites name=\"cairn check\" tests=\"\(tests)\" failures=\"\(failures)\">\n"
        output +=
            "  <testsuite name=\"cairn check\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        for finding in findings {
            let path = report.path(finding.location)
            let location =
                finding.location.line > 0
                ? "\(path):\(finding.location.line):\(max(finding.location.column, 1))" : path
            output +=
                "    <testcase classname=\"\(xml(finding.id.rawValue))\" name=\"\(xml(location))\" file=\"\(xml(path))\""
            output += finding.location.line > 0 ? " line=\"\(finding.location.line)\">\n" : ">\n"
            let body = finding.message + (finding.hint.map { "\nhint: \($0)" } ?? "")
            if report.fails(finding) {
                output +=
                    "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(xml(finding.message))\">\(xml(body))</failure>\n"
            } else {
                output +=
                    "      <system-out>\(xml(finding.severity.rawValue + ": " + body))</system-out>\n"
            }
            output += "    </testcase>\n"
        }
        for rule in quietRules {
            output +=
                "    <testcase classname=\"\(xml(rule.id.rawValue))\" name=\"\(xml(rule.summary))\"/>\n"
        }
        return output + "  </testsuite>\n</testsuites>\n"
    }

    private static func xml(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n", "\t", "\r": result.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    static func sarif(_ report: CheckReport) throws -> String {
        struct Log: Encodable {
            let schema = "https://json.schemastore.org/sarif-2.1.0.json"
            let version = "2.1.0"
            let runs: [Run]

            enum CodingKeys: String, CodingKey {
                case schema = "$schema"
                case version, runs
            }
        }
        struct Run: Encodable {
            let tool: Tool
            let results: [Result]
            let columnKind = "unicodeCodePoints"
        }
        struct Tool: Encodable { let driver: Driver }
        struct Driver: Encodable {
            let name = "cairn"
            let version = CairnVersion.current
            let rules: [RuleEntry]
        }
        struct RuleEntry: Encodable {
            let id: String
            let shortDescription: Text
            let defaultConfiguration: Configuration
        }
        struct Configuration: Encodable { let level: String }
        struct Text: Encodable { let text: String }
        struct Result: Encodable {
            let ruleId: String
            let ruleIndex: Int
            let level: String
            let message: Text
            let locations: [Location]
        }
        struct Location: Encodable { let physicalLocation: PhysicalLocation }
        struct PhysicalLocation: Encodable {
            let artifactLocation: Artifact
            let region: Region?
        }
        struct Artifact: Encodable { let uri: String }
        struct Region: Encodable {
            let startLine: Int
            let startColumn: Int
        }

        func level(_ severity: Diagnostic.Severity) -> String {
            switch severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "note"
            }
        }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        var descriptors = RuleDescriptor.all
        for finding in report.findings where !descriptors.contains(where: { $0.id == finding.id }) {
            descriptors.append(RuleDescriptor.describe(finding.id))
        }
        let index = Dictionary(
            descriptors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let results = report.findings.map { finding in
            let path = report.path(finding.location)
            return Result(
                ruleId: finding.id.rawValue, ruleIndex: index[finding.id] ?? 0,
                level: level(finding.severity),
                message: Text(text: finding.message + (finding.hint.map { " Hint: \($0)." } ?? "")),
                locations: [
                    Location(
                        physicalLocation: PhysicalLocation(
                            artifactLocation: Artifact(
                                uri: path.addingPercentEncoding(withAllowedCharacters: allowed)
                                    ?? path),
                            region: finding.location.line > 0
                                ? Region(
                                    startLine: finding.location.line,
                                    startColumn: max(finding.location.column, 1)) : nil))
                ])
        }
        let log = Log(runs: [
            Run(
                tool: Tool(
                    driver: Driver(
                        rules: descriptors.map {
                            RuleEntry(
                                id: $0.id.rawValue, shortDescription: Text(text: $0.summary),
                                defaultConfiguration: Configuration(level: level($0.severity)))
                        })), results: results)
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(log), as: UTF8.self) + "\n"
    }
}
