import Foundation
import Yams

/// Reads the YAML of front matter and `handbook.yml` into plain values, turning Yams' errors
/// into diagnostics with the file's line and column.
enum YAMLReader {
    /// The mapping in `text`, or a diagnostic. `lineOffset` is added to reported lines.
    static func mapping(
        _ text: String, path: String, lineOffset: Int, what: String, id: DiagnosticID
    ) -> (mapping: [String: Any]?, diagnostics: [Diagnostic]) {
        let value: Any?
        do {
            value = try Yams.load(yaml: text)
        } catch let error as YamlError {
            return (
                nil,
                [diagnostic(for: error, path: path, lineOffset: lineOffset, what: what, id: id)]
            )
        } catch {
            return (
                nil,
                [
                    Diagnostic(
                        id, .error, at: .init(path: path, line: lineOffset + 1, column: 1),
                        "\(what) is not valid YAML: \(error)")
                ]
            )
        }
        guard let value else { return ([:], []) }
        guard let mapping = value as? [String: Any] else {
            return (
                nil,
                [
                    Diagnostic(
                        id, .error, at: .init(path: path, line: lineOffset + 1, column: 1),
                        "\(what) must be a mapping of keys to values, not \(describe(value))")
                ]
            )
        }
        return (mapping, [])
    }

    private static func diagnostic(
        for error: YamlError, path: String, lineOffset: Int, what: String, id: DiagnosticID
    ) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(
                separator: ": ")
            return Diagnostic(
                id, .error,
                at: .init(path: path, line: lineOffset + mark.line, column: mark.column),
                "\(what) is not valid YAML: \(detail)")
        case .composer(let context, let problem, let mark, _):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(
                separator: ": ")
            return Diagnostic(
                id, .error,
                at: .init(path: path, line: lineOffset + mark.line, column: mark.column),
                "\(what) is not valid YAML: \(detail)")
        default:
            return Diagnostic(
                id, .error, at: .init(path: path, line: lineOffset + 1, column: 1),
                "\(what) is not valid YAML: \(error)")
        }
    }

    static func describe(_ value: Any) -> String {
        switch value {
        case is [Any]: "a list"
        case is String: "a string"
        case is Int, is Double: "a number"
        case is Bool: "a boolean"
        default: "a scalar"
        }
    }

    /// A scalar as text; nil for lists and mappings.
    static func scalarText(_ value: Any) -> String? {
        switch value {
        case let text as String: text
        case let flag as Bool: flag ? "true" : "false"
        case let number as Int: String(number)
        case let number as Double: String(number)
        case let date as Date: ISO8601DateFormatter().string(from: date)
        default: nil
        }
    }
}
