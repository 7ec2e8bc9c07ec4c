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
            let line = lines.firstIndex { $0.hasPrefix(key + ":") }.map { $0 + 1 } ?? 1
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
