import Foundation

/// The findings of a check as each output format writes them, and the exit code they mean.
public struct CheckReport: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case text
        case json
        case github
        case junit
        case sarif
    }

    public var findings: [Diagnostic]
    /// Paths in findings are relative to this folder; outputs name them from the working folder.
    public var contentFolder: String?
    /// Whether warnings fail the check too.
    public var isStrict: Bool

    public init(findings: [Diagnostic], contentFolder: String?, isStrict: Bool) {
        self.findings = findings.sorted()
        self.contentFolder = contentFolder
        self.isStrict = isStrict
    }

    public func count(_ severity: Diagnostic.Severity) -> Int {
        findings.count(of: severity)
    }

    /// 0 when nothing fails, 1 when an error stands (or a warning, with `--strict`).
    public var exitCode: Int32 {
        count(.error) > 0 || (isStrict && count(.warning) > 0) ? 1 : 0
    }

    func path(_ location: Diagnostic.Location) -> String {
        location.displayPath(contentFolder: contentFolder)
    }

    func fails(_ finding: Diagnostic) -> Bool {
        finding.severity == .error || (isStrict && finding.severity == .warning)
    }

    /// `3 errors, 12 warnings, 47 notes`.
    public var summary: String {
        let parts: [(Int, String)] = [
            (count(.error), "error"), (count(.warning), "warning"), (count(.note), "note"),
        ]
        return parts.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }.joined(separator: ", ")
    }

    public func render(_ format: Format, isColored: Bool = false) throws -> String {
        switch format {
        case .text: text(isColored: isColored)
        case .json: json()
        case .github: github()
        case .junit: junit()
        case .sarif: try sarif()
        }
    }

    /// The report as UTF-8, as `render` makes it; JSON is written straight into bytes, with
    /// no trip through `String` (45 MB at 10,000 documents).
    public func renderBytes(_ format: Format, isColored: Bool = false) throws -> [UInt8] {
        switch format {
        case .json: jsonBytes()
        case .text: textBytes(isColored: isColored)
        default: Array(try render(format, isColored: isColored).utf8)
        }
    }

    /// Compiler-style lines grouped by file, each with its hint, and a summary line.
    func text(isColored: Bool) -> String {
        String(decoding: textBytes(isColored: isColored), as: UTF8.self)
    }

    /// `text()`'s bytes, the findings written in runs on every core and joined in order, as
    /// the JSON report is: on one core, the 80,000 findings of 10,000 documents were the last
    /// third of a second of a check.
    func textBytes(isColored: Bool) -> [UInt8] {
        let written = ParallelMap.map(
            runs(of: 2_000), concurrency: ProcessInfo.processInfo.activeProcessorCount
        ) { run in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(run.count * 200)
            // A run starts a file's group unless the finding before it is in the same file.
            var currentFile = run.lowerBound > 0 ? path(findings[run.lowerBound - 1].location) : nil
            for index in run {
                let finding = findings[index]
                let display = path(finding.location)
                if display != currentFile {
                    if currentFile != nil { bytes.append(UInt8(ascii: "\n")) }
                    bytes += (isColored ? "\u{1B}[1m\(display)\u{1B}[0m\n" : "\(display)\n").utf8
                    currentFile = display
                }
                bytes += "  ".utf8
                bytes +=
                    DiagnosticReport.line(
                        for: finding, displayPath: display, isColored: isColored
                    ).utf8
                bytes.append(UInt8(ascii: "\n"))
                if let hint = finding.hint { bytes += "    hint: \(hint)\n".utf8 }
            }
            return bytes
        }
        var output: [UInt8] = []
        output.reserveCapacity(written.reduce(128) { $0 + $1.count })
        for bytes in written { output += bytes }
        if !findings.isEmpty { output.append(UInt8(ascii: "\n")) }
        output += "cairn check: \(summary)\(isStrict ? " (--strict: warnings fail)" : "")\n".utf8
        return output
    }

    /// The findings' indices in consecutive runs of at most `length`.
    private func runs(of length: Int) -> [Range<Int>] {
        stride(from: 0, to: findings.count, by: length).map {
            $0..<min($0 + length, findings.count)
        }
    }

    /// The findings as JSON, laid out as Foundation's `JSONEncoder` lays it out (pretty, keys
    /// sorted, `/` unescaped), written straight into bytes: at 10,000 documents the encoder's
    /// tree of 80,000 findings took more memory than the report and a tenth of the check.
    func json() -> String {
        String(decoding: jsonBytes(), as: UTF8.self)
    }

    /// `json()`'s bytes. The findings are written in runs on every core and joined in order:
    /// the run that ends a check of 10,000 documents was otherwise on one core only.
    func jsonBytes() -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256 + findings.count * 360)
        output += "{\n  \"findings\" : [".utf8
        if findings.isEmpty {
            output += "\n\n  ]".utf8
        } else {
            let written = ParallelMap.map(
                runs(of: 2_000), concurrency: ProcessInfo.processInfo.activeProcessorCount
            ) { run in
                var bytes: [UInt8] = []
                bytes.reserveCapacity(run.count * 360)
                for index in run { appendJSON(findings[index], to: &bytes) }
                return bytes
            }
            // Every finding starts with `,`: the first one's goes.
            output += written[0].dropFirst()
            for bytes in written.dropFirst() { output += bytes }
            output += "\n  ]".utf8
        }
        output += ",\n  \"schema\" : \"cairn.check/v1\",\n  \"summary\" : {".utf8
        output += "\n    \"errors\" : \(count(.error)),\n    \"notes\" : \(count(.note))".utf8
        output += ",\n    \"warnings\" : \(count(.warning))\n  }\n}\n".utf8
        return output
    }

    /// One finding of the JSON report, preceded by `,`. The fixed text is copied from static
    /// strings and the numbers written as digits: appending a string's `utf8` view and
    /// interpolating the numbers cost more than the finding's own text.
    private func appendJSON(_ finding: Diagnostic, to output: inout [UInt8]) {
        Self.append(",\n    {\n      \"column\" : ", to: &output)
        DecimalText.append(finding.location.column, to: &output)
        Self.append(",\n      \"file\" : ", to: &output)
        JSONText.appendQuoted(path(finding.location), to: &output)
        if let hint = finding.hint {
            Self.append(",\n      \"hint\" : ", to: &output)
            JSONText.appendQuoted(hint, to: &output)
        }
        Self.append(",\n      \"line\" : ", to: &output)
        DecimalText.append(finding.location.line, to: &output)
        Self.append(",\n      \"message\" : ", to: &output)
        JSONText.appendQuoted(finding.message, to: &output)
        Self.append(",\n      \"rule\" : ", to: &output)
        JSONText.appendQuoted(finding.id.rawValue, to: &output)
        Self.append(",\n      \"severity\" : ", to: &output)
        JSONText.appendQuoted(finding.severity.rawValue, to: &output)
        Self.append("\n    }", to: &output)
    }

    private static func append(_ text: StaticString, to output: inout [UInt8]) {
        output.append(
            contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`.
    func github() -> String {
        var output = ""
        for finding in findings {
            let command =
                switch finding.severity {
                case .error: "error"
                case .warning: "warning"
                case .note: "notice"
                }
            var properties = ["file=\(Self.escapeProperty(path(finding.location)))"]
            if finding.location.line > 0 {
                properties.append("line=\(finding.location.line)")
                properties.append("col=\(max(finding.location.column, 1))")
            }
            properties.append("title=\(Self.escapeProperty(finding.id.rawValue))")
            let message = finding.message + (finding.hint.map { " (hint: \($0))" } ?? "")
            output +=
                "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
        }
        return output
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(
            of: ",", with: "%2C")
    }
}
