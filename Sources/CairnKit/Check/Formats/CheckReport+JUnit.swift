extension CheckReport {
    /// JUnit XML: one test case per rule and location, failing for errors (and warnings under
    /// `--strict`), and one passing case for each rule with no finding, so CI lists every rule.
    func junit() -> String {
        let failures = findings.filter(fails).count
        let quietRules = RuleDescriptor.all.filter { rule in !findings.contains { $0.id == rule.id }
        }
        var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        output +=
            "<testsuites name=\"cairn check\" tests=\"\(findings.count + quietRules.count)\" failures=\"\(failures)\">\n"
        output +=
            "  <testsuite name=\"cairn check\" tests=\"\(findings.count + quietRules.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        for finding in findings {
            let location =
                finding.location.line > 0
                ? "\(path(finding.location)):\(finding.location.line):\(max(finding.location.column, 1))"
                : path(finding.location)
            output +=
                "    <testcase classname=\"\(xml(finding.id.rawValue))\" name=\"\(xml(location))\" file=\"\(xml(path(finding.location)))\""
            output += finding.location.line > 0 ? " line=\"\(finding.location.line)\">\n" : ">\n"
            let body = finding.message + (finding.hint.map { "\nhint: \($0)" } ?? "")
            if fails(finding) {
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
        output += "  </testsuite>\n</testsuites>\n"
        return output
    }

    private func xml(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n", "\t", "\r": result.unicodeScalars.append(scalar)
            default:
                // XML 1.0 cannot hold other control characters at all.
                if scalar.value >= 0x20 { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
