/// A JSON value as read from a status file, with the line and column where each value starts,
/// so that a problem with any field can be pointed at.
public struct JSONNode: Sendable, Equatable {
    public indirect enum Value: Sendable, Equatable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSONNode])
        /// Members in file order.
        case object([JSONMember])
    }

    public var value: Value
    public var line: Int
    public var column: Int
    /// A number written as a whole number (`12`, `-3`, no fraction or exponent) that fits in
    /// an `Int`, exactly: a double holds whole numbers exactly only up to 2^53.
    public var exactInteger: Int?

    public init(value: Value, line: Int, column: Int, exactInteger: Int? = nil) {
        self.value = value
        self.line = line
        self.column = column
        self.exactInteger = exactInteger
    }

    /// The member named `key` of an object.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The element at `index` of an array.
    public subscript(index: Int) -> JSONNode? {
        guard case .array(let elements) = value, elements.indices.contains(index) else {
            return nil
        }
        return elements[index]
    }

    public var string: String? {
        if case .string(let text) = value { text } else { nil }
    }
}

/// One `"key": value` pair of a JSON object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var keyLine: Int
    public var keyColumn: Int
    public var value: JSONNode
}

/// Why a text is not JSON, and where.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var message: String
    public var line: Int
    public var column: Int
}
