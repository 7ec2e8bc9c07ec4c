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
        // A check's findings come in order: looking costs a tenth of sorting 100,000 of them.
        self.findings = findings.isInOrder ? findings : findings.sorted()
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
        return parts.map(CountedNoun.phrase).joined(separator: ", ")
    }

    public func render(_ format: Format, isColored: Bool = false) throws -> String {
        String(decoding: try renderBytes(format, isColored: isColored), as: UTF8.self)
    }

    /// The report as UTF-8, written straight into bytes with no trip through `String` (the
    /// reports of 10,000 documents are 35 to 75 MB), the findings in runs on every core.
    public func renderBytes(_ format: Format, isColored: Bool = false) throws -> [UInt8] {
        switch format {
        case .json: jsonBytes()
        case .text: textBytes(isColored: isColored)
        case .github: githubBytes()
        case .junit: junitBytes()
        case .sarif: sarifBytes()
        }
    }

    /// Appends every finding to `output`, as `writeRun` writes each run of their indices. The
    /// findings are written in runs of 2,000 on every core and joined in order: on one core,
    /// the 80,000 findings of 10,000 documents were the last third of a second of a check.
    func appendFindings(
        to output: inout [UInt8], bytesPerFinding: Int,
        _ writeRun: @Sendable (Range<Int>, inout [UInt8]) -> Void
    ) {
        let written = ParallelMap.map(
            runs(of: 2_000), concurrency: ProcessInfo.processInfo.activeProcessorCount
        ) { run in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(run.count * bytesPerFinding)
            writeRun(run, &bytes)
            return bytes
        }
        output.reserveCapacity(output.count + written.reduce(1_024) { $0 + $1.count })
        for bytes in written { output += bytes }
    }

    /// Compiler-style lines grouped by file, each with its hint, and a summary line.
    func text(isColored: Bool) -> String {
        String(decoding: textBytes(isColored: isColored), as: UTF8.self)
    }

    /// `text()`'s bytes.
    func textBytes(isColored: Bool) -> [UInt8] {
        var output: [UInt8] = []
        appendFindings(to: &output, bytesPerFinding: 200) { run, bytes in
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
                ReportBytes.append("  ", to: &bytes)
                appendTextLine(finding, displayPath: display, isColored: isColored, to: &bytes)
                bytes.append(UInt8(ascii: "\n"))
                if let hint = finding.hint {
                    ReportBytes.append("    hint: ", to: &bytes)
                    bytes += hint.utf8
                    bytes.append(UInt8(ascii: "\n"))
                }
            }
        }
        if !findings.isEmpty { output.append(UInt8(ascii: "\n")) }
        output += "cairn check: \(summary)\(isStrict ? " (--strict: warnings fail)" : "")\n".utf8
        return output
    }

    /// `DiagnosticReport.line(for:displayPath:isColored:)`, written straight into bytes: made
    /// as a string by interpolation, each finding's line cost a few hundred instructions a
    /// piece.
    func appendTextLine(
        _ finding: Diagnostic, displayPath: String, isColored: Bool, to bytes: inout [UInt8]
    ) {
        if isColored { ReportBytes.append(DiagnosticReport.bold, to: &bytes) }
        bytes += displayPath.utf8
        if finding.location.line > 0 {
            bytes.append(UInt8(ascii: ":"))
            DecimalText.append(finding.location.line, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
            DecimalText.append(max(finding.location.column, 1), to: &bytes)
        }
        bytes.append(UInt8(ascii: ":"))
        if isColored { ReportBytes.append(DiagnosticReport.reset, to: &bytes) }
        bytes.append(UInt8(ascii: " "))
        if isColored {
            ReportBytes.append(DiagnosticReport.color(of: finding.severity), to: &bytes)
        }
        bytes += finding.severity.rawValue.utf8
        bytes.append(UInt8(ascii: ":"))
        if isColored { ReportBytes.append(DiagnosticReport.reset, to: &bytes) }
        bytes.append(UInt8(ascii: " "))
        bytes += finding.message.utf8
        ReportBytes.append(" [", to: &bytes)
        bytes += finding.id.rawValue.utf8
        bytes.append(UInt8(ascii: "]"))
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

    /// `json()`'s bytes.
    func jsonBytes() -> [UInt8] {
        var output: [UInt8] = []
        output += "{\n  \"findings\" : [".utf8
        if findings.isEmpty {
            output += "\n\n  ]".utf8
        } else {
            appendFindings(to: &output, bytesPerFinding: 360) { run, bytes in
                for index in run { appendJSON(findings[index], isFirst: index == 0, to: &bytes) }
            }
            output += "\n  ]".utf8
        }
        output += ",\n  \"schema\" : \"cairn.check/v1\",\n  \"summary\" : {".utf8
        output += "\n    \"errors\" : \(count(.error)),\n    \"notes\" : \(count(.note))".utf8
        output += ",\n    \"warnings\" : \(count(.warning))\n  }\n}\n".utf8
        return output
    }

    /// One finding of the JSON report, preceded by `,` unless it is the first. The fixed text
    /// is copied from static strings and the numbers written as digits: appending a string's
    /// `utf8` view and interpolating the numbers cost more than the finding's own text.
    private func appendJSON(_ finding: Diagnostic, isFirst: Bool, to output: inout [UInt8]) {
        ReportBytes.append(
            isFirst ? "\n    {\n      \"column\" : " : ",\n    {\n      \"column\" : ", to: &output)
        DecimalText.append(finding.location.column, to: &output)
        ReportBytes.append(",\n      \"file\" : ", to: &output)
        JSONText.appendQuoted(path(finding.location), to: &output)
        if let hint = finding.hint {
            ReportBytes.append(",\n      \"hint\" : ", to: &output)
            JSONText.appendQuoted(hint, to: &output)
        }
        ReportBytes.append(",\n      \"line\" : ", to: &output)
        DecimalText.append(finding.location.line, to: &output)
        ReportBytes.append(",\n      \"message\" : ", to: &output)
        JSONText.appendQuoted(finding.message, to: &output)
        ReportBytes.append(",\n      \"rule\" : ", to: &output)
        JSONText.appendQuoted(finding.id.rawValue, to: &output)
        ReportBytes.append(",\n      \"severity\" : ", to: &output)
        JSONText.appendQuoted(finding.severity.rawValue, to: &output)
        ReportBytes.append("\n    }", to: &output)
    }

    /// GitHub Actions workflow commands, a line each:
    /// `::error file=…,line=…,col=…,title=…::message (hint: …)`.
    func githubBytes() -> [UInt8] {
        var output: [UInt8] = []
        appendFindings(to: &output, bytesPerFinding: 480) { run, bytes in
            for index in run { appendCommand(findings[index], to: &bytes) }
        }
        return output
    }

    /// One workflow command and its line end.
    private func appendCommand(_ finding: Diagnostic, to bytes: inout [UInt8]) {
        switch finding.severity {
        case .error: ReportBytes.append("::error file=", to: &bytes)
        case .warning: ReportBytes.append("::warning file=", to: &bytes)
        case .note: ReportBytes.append("::notice file=", to: &bytes)
        }
        WorkflowCommandText.appendProperty(path(finding.location), to: &bytes)
        if finding.location.line > 0 {
            ReportBytes.append(",line=", to: &bytes)
            DecimalText.append(finding.location.line, to: &bytes)
            ReportBytes.append(",col=", to: &bytes)
            DecimalText.append(max(finding.location.column, 1), to: &bytes)
        }
        ReportBytes.append(",title=", to: &bytes)
        WorkflowCommandText.appendProperty(finding.id.rawValue, to: &bytes)
        ReportBytes.append("::", to: &bytes)
        WorkflowCommandText.appendMessage(finding.message, to: &bytes)
        if let hint = finding.hint {
            ReportBytes.append(" (hint: ", to: &bytes)
            WorkflowCommandText.appendMessage(hint, to: &bytes)
            bytes.append(UInt8(ascii: ")"))
        }
        bytes.append(UInt8(ascii: "\n"))
    }
}
