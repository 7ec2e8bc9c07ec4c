/// Writes a JSON value as people write it by hand: two-space indentation, `"key": value`,
/// members in a given order first and the rest as they come, a newline at the end.
struct JSONWriter {
    /// Keys of the outermost object that come first, in this order.
    var leadingKeys: [String] = []

    func write(_ node: JSONNode) -> String {
        var output = ""
        append(node, depth: 0, isTop: true, to: &output)
        return output + "\n"
    }

    private func append(_ node: JSONNode, depth: Int, isTop: Bool, to output: inout String) {
        let indent = String(repeating: "  ", count: depth + 1)
        let closingIndent = String(repeating: "  ", count: depth)
        switch node.value {
        case .null: output += "null"
        case .bool(let flag): output += flag ? "true" : "false"
        case .number(let number): output += number.formatted
        case .string(let text): output += Self.quoted(text)
        case .array(let elements):
            guard !elements.isEmpty else {
                output += "[]"
                return
            }
            let isFlat = elements.allSatisfy {
                if case .object = $0.value {
                    false
                } else if case .array = $0.value {
                    false
                } else {
                    true
                }
            }
            if isFlat {
                output += "["
                for (index, element) in elements.enumerated() {
                    if index > 0 { output += ", " }
                    append(element, depth: depth + 1, isTop: false, to: &output)
                }
                output += "]"
                return
            }
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += indent
                append(element, depth: depth + 1, isTop: false, to: &output)
                output += index < elements.count - 1 ? ",\n" : "\n"
            }
            output += closingIndent + "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            var ordered = members
            if isTop {
                let rank = Dictionary(
                    leadingKeys.enumerated().map { ($1, $0) },
                    uniquingKeysWith: { first, _ in first })
                ordered = members.enumerated()
                    .sorted {
                        (rank[$0.element.key] ?? Int.max, $0.offset) < (
                            rank[$1.element.key] ?? Int.max, $1.offset
                        )
                    }
                    .map(\.element)
            }
            output += "{\n"
            for (index, member) in ordered.enumerated() {
                output += indent + Self.quoted(member.key) + ": "
                append(member.value, depth: depth + 1, isTop: false, to: &output)
                output += index < ordered.count - 1 ? ",\n" : "\n"
            }
            output += closingIndent + "}"
        }
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
