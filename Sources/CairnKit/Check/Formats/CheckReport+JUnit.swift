extension CheckReport {
    /// JUnit XML: one test case per rule and location, failing for errors (and warnings under
    /// `--strict`), and one passing case for each rule with no finding, so CI lists every rule.
    func junitBytes() -> [UInt8] {
        let failures = findings.filter(fails).count
        let reported = Set(findings.map(\.id))
        let quietRules = RuleDescriptor.all.filter { !reported.contains($0.id) }
        let tests = findings.count + quietRules.count
        var output = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
        output +=
            "<testsuites name=\"cairn check\" tests=\"\(tests)\" failures=\"\(failures)\">\n".utf8
        output +=
            "  <testsuite name=\"cairn check\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
            .utf8
        appendFindings(to: &output, bytesPerFinding: 900) { run, bytes in
            for index in run { appendTestCase(findings[index], to: &bytes) }
        }
        for rule in quietRules {
            ReportBytes.append("    <testcase classname=\"", to: &output)
            XMLText.appendEscaped(rule.id.rawValue, to: &output)
            ReportBytes.append("\" name=\"", to: &output)
            XMLText.appendEscaped(rule.summary, to: &output)
            ReportBytes.append("\"/>\n", to: &output)
        }
        output += "  </testsuite>\n</testsuites>\n".utf8
        return output
    }

    /// `<testcase classname="RULE" name="PATH:LINE:COLUMN" file="PATH" line="LINE">`, with a
    /// `<failure>` or, for what does not fail, the finding as `<system-out>`.
    private func appendTestCase(_ finding: Diagnostic, to output: inout [UInt8]) {
        let file = path(finding.location)
        let hasLine = finding.location.line > 0
        ReportBytes.append("    <testcase classname=\"", to: &output)
        XMLText.appendEscaped(finding.id.rawValue, to: &output)
        ReportBytes.append("\" name=\"", to: &output)
        XMLText.appendEscaped(file, to: &output)
        if hasLine {
            output.append(UInt8(ascii: ":"))
            DecimalText.append(finding.location.line, to: &output)
            output.append(UInt8(ascii: ":"))
            DecimalText.append(max(finding.location.column, 1), to: &output)
        }
        ReportBytes.append("\" file=\"", to: &output)
        XMLText.appendEscaped(file, to: &output)
        if hasLine {
            ReportBytes.append("\" line=\"", to: &output)
            DecimalText.append(finding.location.line, to: &output)
        }
        ReportBytes.append("\">\n", to: &output)
        if fails(finding) {
            ReportBytes.append("      <failure type=\"", to: &output)
            output += finding.severity.rawValue.utf8
            ReportBytes.append("\" message=\"", to: &output)
            XMLText.appendEscaped(finding.message, to: &output)
            ReportBytes.append("\">", to: &output)
            appendBody(of: finding, to: &output)
            ReportBytes.append("</failure>\n", to: &output)
        } else {
            ReportBytes.append("      <system-out>", to: &output)
            output += finding.severity.rawValue.utf8
            ReportBytes.append(": ", to: &output)
            appendBody(of: finding, to: &output)
            ReportBytes.append("</system-out>\n", to: &output)
        }
        ReportBytes.append("    </testcase>\n", to: &output)
    }

    /// The message, and the hint on a line of its own.
    private func appendBody(of finding: Diagnostic, to output: inout [UInt8]) {
        XMLText.appendEscaped(finding.message, to: &output)
        if let hint = finding.hint {
            ReportBytes.append("\nhint: ", to: &output)
            XMLText.appendEscaped(hint, to: &output)
        }
    }
}
