import Foundation
import Yams

/// Reads the YAML of front matter and `handbook.yml` into plain values, turning Yams' errors
/// into diagnostics with the file's line and column.
enum YAMLReader {
    /// The mapping in `text`, or a diagnostic. `lineOffset` is added to reported lines.
    static func mapping(
        _ text: String, path: String, lineOffset: Int, what: String, id: DiagnosticID
    ) -> (mapping: [String: Any]?, diagnostics: [Diagnostic]) {
        // Composed, not loaded: Yams' loader traps on a key that is itself a list or mapping,
        // and would expand a bomb of aliases without bound. The conversion below counts.
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
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
        guard let node else { return ([:], []) }
        var budget = maximumValues
        do {
            guard case .mapping(let mapping) = node else {
                let value = try convert(node, budget: &budget)
                return (
                    nil,
                    [
                        Diagnostic(
                            id, .error, at: .init(path: path, line: lineOffset + 1, column: 1),
                            "\(what) must be a mapping of keys to values, not \(describe(value))")
                    ]
                )
            }
            return (try convert(mapping, budget: &budget), [])
        } catch let problem as YAMLProblem {
            return (
                nil,
                [
                    Diagnostic(
                        id, .error,
                        at: .init(
                            path: path, line: lineOffset + problem.line, column: problem.column),
                        "\(what) \(problem.message)")
                ]
            )
        } catch {
            return (
                nil,
                [
                    Diagnostic(
                        id, .error, at: .init(path: path, line: lineOffset + 1, column: 1),
                        "\(what): \(error)")
                ]
            )
        }
    }

    /// More values than this, counting every expansion of an alias, is refused.
    static let maximumValues = 100_000

    private struct YAMLProblem: Error {
        let message: String
        let line: Int
        let column: Int

        init(_ message: String, at node: Node) {
            self.message = message
            line = node.mark?.line ?? 1
            column = node.mark?.column ?? 1
        }
    }

    private static func convert(_ node: Node, budget: inout Int) throws -> Any {
        budget -= 1
        guard budget >= 0 else {
            throw YAMLProblem(
                "has more than \(maximumValues) values once its aliases are expanded", at: node)
        }
        switch node {
        case .scalar:
            // A scalar alone cannot trap the constructor; it resolves booleans, numbers and dates.
            return Constructor.default.any(from: node)
        case .sequence(let sequence):
            var values: [Any] = []
            for element in sequence { values.append(try convert(element, budget: &budget)) }
            return values
        case .mapping(let mapping):
            return try convert(mapping, budget: &budget)
        case .alias:
            throw YAMLProblem("uses an alias that cannot be followed", at: node)
        }
    }

    private static func convert(_ mapping: Node.Mapping, budget: inout Int) throws -> [String: Any]
    {
        var result: [String: Any] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw YAMLProblem(
                    "has a key that is a list or mapping; keys are plain words", at: key)
            }
            result[scalar.string] = try convert(value, budget: &budget)
        }
        return result
    }

    private static func diagnostic(
        for error: YamlError, path: String, lineOffset: Int, what: String, id: DiagnosticID
    ) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
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
