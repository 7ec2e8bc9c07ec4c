/// Reads `handbook.yml` into a `HandbookConfig`, reporting unknown keys and wrong types.
public enum HandbookConfigParser {
    public static func parse(_ file: SourceFile?) -> (
        config: HandbookConfig, diagnostics: [Diagnostic]
    ) {
        guard let file else { return (HandbookConfig(), []) }
        let read = YAMLReader.mapping(
            file.text, path: file.path, lineOffset: 0, what: file.path, id: .configInvalid)
        guard let mapping = read.mapping else { return (HandbookConfig(), read.diagnostics) }
        var config = HandbookConfig(location: .init(path: file.path, line: 1, column: 1))
        var diagnostics = read.diagnostics

        func location(of key: String) -> Diagnostic.Location {
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)
            let line =
                lines.firstIndex {
                    $0.hasPrefix(key + ":")
                        || $0.trimmingWhitespace().hasPrefix(key.trimmingWhitespace() + ":")
                }.map { $0 + 1 } ?? 1
            return .init(path: file.path, line: line, column: 1)
        }
        func wrongType(_ key: String, expected: String, got value: Any) {
            diagnostics.append(
                Diagnostic(
                    .configInvalid, .error, at: location(of: key),
                    "'\(key)' must be \(expected), not \(YAMLReader.describe(value))"))
        }

        for key in mapping.keys.sorted() {
            let value = mapping[key] as Any
            switch key {
            case "title":
                if let title = value as? String {
                    config.title = title
                } else {
                    wrongType(key, expected: "a string", got: value)
                }
            case "documents":
                if let paths = value as? [Any], let strings = paths as? [String] {
                    config.documentOrder = strings
                } else {
                    wrongType(key, expected: "a list of document paths", got: value)
                }
            case "unsafe_html":
                if let flag = value as? Bool {
                    config.allowsRawHTML = flag
                } else {
                    wrongType(key, expected: "true or false", got: value)
                }
            case "gates":
                guard let gates = value as? [String: Any] else {
                    wrongType(
                        key, expected: "a mapping of gate names to lists of steps", got: value)
                    continue
                }
                for name in gates.keys.sorted() {
                    let steps = gates[name] as Any
                    if let list = steps as? [Any], let requirements = list as? [String] {
                        config.gates.append(
                            .init(
                                name: name, requirements: requirements,
                                location: location(of: "  " + name)))
                    } else if let single = steps as? String {
                        config.gates.append(
                            .init(
                                name: name, requirements: [single],
                                location: location(of: "  " + name)))
                    } else {
                        wrongType("gates." + name, expected: "a list of steps", got: steps)
                    }
                }
            case "max_evidence_age":
                if let days = EvidenceAge.days(value) {
                    config.maximumEvidenceAgeDays = days
                } else {
                    wrongType(key, expected: "an age such as 7d, 36h or 2w", got: value)
                }
            default:
                diagnostics.append(
                    Diagnostic(
                        .configUnknownKey, .warning, at: location(of: key),
                        "unknown key '\(key)' (known: \(HandbookConfig.keys.sorted().joined(separator: ", ")))"
                    ))
            }
        }
        return (config, diagnostics)
    }
}

/// Reads `max_evidence_age`: `7d`, `36h`, `2w`, or a plain number of days.
enum EvidenceAge {
    static func days(_ value: Any) -> Double? {
        if let number = value as? Int { return number >= 0 ? Double(number) : nil }
        if let number = value as? Double { return number >= 0 ? number : nil }
        guard let text = value as? String else { return nil }
        var scanner = TextScanner(text.trimmingWhitespace())
        guard let amount = scanner.scanDecimal(), amount >= 0 else { return nil }
        scanner.skipSpaces()
        switch scanner.scanLetters().lowercased() {
        case "", "d", "day", "days": return amount
        case "h", "hour", "hours": return amount / 24
        case "w", "week", "weeks": return amount * 7
        default: return nil
        }
    }
}
