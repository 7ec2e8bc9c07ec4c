extension CheckReport {
    /// SARIF 2.1.0, with every rule described in the driver and one result per finding, laid
    /// out as Foundation's `JSONEncoder` lays it out (pretty, keys sorted, `/` unescaped).
    func sarifBytes() -> [UInt8] {
        var descriptors = RuleDescriptor.all
        var described = Set(descriptors.map(\.id))
        for finding in findings where described.insert(finding.id).inserted {
            descriptors.append(RuleDescriptor.describe(finding.id))
        }
        let ruleIndex = Dictionary(
            descriptors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        var output: [UInt8] = []
        ReportBytes.append(
            "{\n  \"$schema\" : \"https://json.schemastore.org/sarif-2.1.0.json\",\n  \"runs\" : [\n    {\n      \"columnKind\" : \"unicodeCodePoints\",\n      \"results\" : [",
            to: &output)
        if findings.isEmpty {
            ReportBytes.append("\n\n      ]", to: &output)
        } else {
            appendFindings(to: &output, bytesPerFinding: 900) { run, bytes in
                for index in run {
                    appendResult(
                        findings[index], ruleIndex: ruleIndex[findings[index].id] ?? 0,
                        isFirst: index == 0, to: &bytes)
                }
            }
            ReportBytes.append("\n      ]", to: &output)
        }
        ReportBytes.append(
            ",\n      \"tool\" : {\n        \"driver\" : {\n          \"name\" : \"cairn\",\n          \"rules\" : [",
            to: &output)
        for (index, descriptor) in descriptors.enumerated() {
            ReportBytes.append(index == 0 ? "\n" : ",\n", to: &output)
            ReportBytes.append(
                "            {\n              \"defaultConfiguration\" : {\n                \"level\" : ",
                to: &output)
            JSONText.appendQuoted(Self.level(descriptor.severity), to: &output)
            ReportBytes.append("\n              },\n              \"id\" : ", to: &output)
            JSONText.appendQuoted(descriptor.id.rawValue, to: &output)
            ReportBytes.append(
                ",\n              \"shortDescription\" : {\n                \"text\" : ",
                to: &output)
            JSONText.appendQuoted(descriptor.summary, to: &output)
            ReportBytes.append("\n              }\n            }", to: &output)
        }
        ReportBytes.append("\n          ],\n          \"version\" : ", to: &output)
        JSONText.appendQuoted(CairnVersion.current, to: &output)
        ReportBytes.append(
            "\n        }\n      }\n    }\n  ],\n  \"version\" : \"2.1.0\"\n}\n", to: &output)
        return output
    }

    /// One result, preceded by `,` unless it is the first.
    private func appendResult(
        _ finding: Diagnostic, ruleIndex: Int, isFirst: Bool, to output: inout [UInt8]
    ) {
        ReportBytes.append(isFirst ? "\n" : ",\n", to: &output)
        ReportBytes.append("        {\n          \"level\" : ", to: &output)
        JSONText.appendQuoted(Self.level(finding.severity), to: &output)
        ReportBytes.append(
            ",\n          \"locations\" : [\n            {\n              \"physicalLocation\" : {\n                \"artifactLocation\" : {\n                  \"uri\" : \"",
            to: &output)
        // A percent-encoded path has nothing JSON escapes.
        URIText.appendPath(path(finding.location), to: &output)
        ReportBytes.append("\"\n                }", to: &output)
        if finding.location.line > 0 {
            ReportBytes.append(
                ",\n                \"region\" : {\n                  \"startColumn\" : ",
                to: &output)
            DecimalText.append(max(finding.location.column, 1), to: &output)
            ReportBytes.append(",\n                  \"startLine\" : ", to: &output)
            DecimalText.append(finding.location.line, to: &output)
            ReportBytes.append("\n                }", to: &output)
        }
        ReportBytes.append(
            "\n              }\n            }\n          ],\n          \"message\" : {\n            \"text\" : \"",
            to: &output)
        JSONText.appendEscaped(finding.message, to: &output)
        if let hint = finding.hint {
            ReportBytes.append(" Hint: ", to: &output)
            JSONText.appendEscaped(hint, to: &output)
            output.append(UInt8(ascii: "."))
        }
        ReportBytes.append("\"\n          },\n          \"ruleId\" : ", to: &output)
        JSONText.appendQuoted(finding.id.rawValue, to: &output)
        ReportBytes.append(",\n          \"ruleIndex\" : ", to: &output)
        DecimalText.append(ruleIndex, to: &output)
        ReportBytes.append("\n        }", to: &output)
    }

    private static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }
}
