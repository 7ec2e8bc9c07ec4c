/// A strict JSON reader that keeps positions: RFC 8259 and nothing more (no trailing commas,
/// no comments, no NaN), with duplicate keys, numbers too large for a double, and nesting
/// deeper than `maximumDepth` refused. Foundation's readers give no field positions.
public struct JSONReader: Sendable {
    public var maximumDepth: Int

    public init(maximumDepth: Int = 256) {
        self.maximumDepth = maximumDepth
    }

    /// - Throws: `JSONSyntaxError` with the line and column (in bytes) of the problem.
    public func read(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONNode {
        var cursor = Cursor(bytes: bytes, maximumDepth: maximumDepth)
        cursor.skipWhitespace()
        let node = try cursor.readValue(depth: 0)
        cursor.skipWhitespace()
        guard cursor.isAtEnd else {
            throw cursor.error("unexpected text after the end of the JSON value")
        }
        return node
    }
}

private struct Cursor {
    let bytes: [UInt8]
    let maximumDepth: Int
    var index = 0
    var line = 1
    var lineStart = 0

    init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    var isAtEnd: Bool { index >= bytes.count }
    var column: Int { index - lineStart + 1 }

    func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, line: line, column: column)
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(JSONSyntaxError) {
        guard index < bytes.count, bytes[index] == byte else {
            throw error(
                isAtEnd
                    ? "the JSON ends early: expected \(what) (is the file truncated?)"
                    : "expected \(what)")
        }
        index += 1
    }

    mutating func readValue(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard depth < maximumDepth else {
            throw error("JSON nested deeper than \(maximumDepth) levels")
        }
        guard index < bytes.count else {
            throw error("the JSON ends early: expected a value (is the file truncated?)")
        }
        let startLine = line
        let startColumn = column
        let value: JSONNode.Value
        var exactInteger: Int?
        switch bytes[index] {
        case UInt8(ascii: "{"): value = try readObject(depth: depth)
        case UInt8(ascii: "["): value = try readArray(depth: depth)
        case UInt8(ascii: "\""): value = .string(try readString())
        case UInt8(ascii: "t"): value = try readLiteral("true", .bool(true))
        case UInt8(ascii: "f"): value = try readLiteral("false", .bool(false))
        case UInt8(ascii: "n"): value = try readLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let number = try readNumber()
            value = .number(number.value)
            exactInteger = number.exactInteger
        default:
            let word = bytes[index...].prefix { $0 >= 0x41 && $0 <= 0x7A }
            if ["NaN", "Infinity"].contains(String(decoding: word, as: UTF8.self)) {
                throw error("\(String(decoding: word, as: UTF8.self)) is not a JSON number")
            }
            throw error("expected a value (a string, number, object, array, true, false or null)")
        }
        return JSONNode(
            value: value, line: startLine, column: startColumn, exactInteger: exactInteger)
    }

    mutating func readLiteral(_ word: String, _ value: JSONNode.Value) throws(JSONSyntaxError)
        -> JSONNode.Value
    {
        let expected = Array(word.utf8)
        guard bytes.count - index >= expected.count,
            Array(bytes[index..<index + expected.count]) == expected
        else {
            throw error("expected a value (a string, number, object, array, true, false or null)")
        }
        index += expected.count
        return value
    }

    mutating func readObject(depth: Int) throws(JSONSyntaxError) -> JSONNode.Value {
        index += 1
        var members: [JSONMember] = []
        // The keys so far, for an object too large to search them one by one (a record has a
        // dozen); filled when the object reaches that size.
        var seen: Set<String> = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            let keyLine = line
            let keyColumn = column
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    throw error("trailing comma before '}'")
                }
                throw error(
                    isAtEnd
                        ? "the JSON ends early inside an object (is the file truncated?)"
                        : "expected a key in double quotes")
            }
            let key = try readString()
            let isDuplicate: Bool
            if members.count < 16 {
                isDuplicate = members.contains { $0.key == key }
            } else {
                if seen.isEmpty { seen = Set(members.lazy.map(\.key)) }
                isDuplicate = !seen.insert(key).inserted
            }
            guard !isDuplicate else {
                throw JSONSyntaxError(
                    message: "duplicate key '\(key)'", line: keyLine, column: keyColumn)
            }
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "':' after the key")
            skipWhitespace()
            let value = try readValue(depth: depth + 1)
            members.append(
                JSONMember(key: key, keyLine: keyLine, keyColumn: keyColumn, value: value))
            skipWhitespace()
            guard index < bytes.count else {
                throw error("the JSON ends early inside an object (is the file truncated?)")
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect(UInt8(ascii: "}"), "',' or '}'")
            return .object(members)
        }
    }

    mutating func readArray(depth: Int) throws(JSONSyntaxError) -> JSONNode.Value {
        index += 1
        var elements: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                throw error("trailing comma before ']'")
            }
            elements.append(try readValue(depth: depth + 1))
            skipWhitespace()
            guard index < bytes.count else {
                throw error("the JSON ends early inside an array (is the file truncated?)")
            }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect(UInt8(ascii: "]"), "',' or ']'")
            return .array(elements)
        }
    }

    mutating func readString() throws(JSONSyntaxError) -> String {
        index += 1
        // Most strings have no escape and end on the line they start: they are their own
        // bytes, made into a string in one piece. The others are copied byte by byte from
        // their first escape (or the byte that is an error) on.
        let start = index
        while index < bytes.count, bytes[index] >= 0x20, bytes[index] != UInt8(ascii: "\""),
            bytes[index] != UInt8(ascii: "\\")
        {
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return bytes.withUnsafeBufferPointer { whole in
                String(
                    decoding: UnsafeBufferPointer(rebasing: whole[start..<index - 1]), as: UTF8.self
                )
            }
        }
        var output = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: output, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { break }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                    output.append(escape)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try readHex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else { throw error("unpaired surrogate in \\u escape") }
                        index += 2
                        let low = try readHex4()
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw error("unpaired surrogate in \\u escape")
                        }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw error("unpaired surrogate in \\u escape")
                    }
                    guard let unicode = Unicode.Scalar(scalar) else {
                        throw error("invalid \\u escape")
                    }
                    output.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    index -= 1
                    throw error(
                        "invalid escape '\\\(Character(Unicode.Scalar(escape)))' in a string")
                }
            case 0x00..<0x20:
                throw error(
                    byte == 0x0A
                        ? "line break inside a string (is a closing quote missing?)"
                        : "control character inside a string")
            default:
                output.append(byte)
                index += 1
            }
        }
        throw error("the JSON ends early inside a string (is the file truncated?)")
    }

    mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw error("invalid \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"):
                digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"):
                digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid \\u escape")
            }
            value = value * 16 + digit
        }
        index += 4
        return value
    }

    /// The number, and the same exactly when it is written as a whole number that fits an `Int`.
    mutating func readNumber() throws(JSONSyntaxError) -> (value: Double, exactInteger: Int?) {
        let start = index
        func digits() -> Int {
            let begin = index
            while index < bytes.count,
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index])
            { index += 1 }
            return index - begin
        }
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { throw error("the JSON ends early inside a number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            throw error("invalid number")
        }
        var isWhole = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isWhole = false
            index += 1
            guard digits() > 0 else { throw error("invalid number: digits expected after '.'") }
        }
        if index < bytes.count,
            bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")
        {
            isWhole = false
            index += 1
            if index < bytes.count,
                bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")
            {
                index += 1
            }
            guard digits() > 0 else {
                throw error("invalid number: digits expected in the exponent")
            }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let number = Double(text), number.isFinite else {
            index = start
            throw error("number \(text.prefix(40)) is too large")
        }
        return (number, isWhole ? Int(text) : nil)
    }
}
