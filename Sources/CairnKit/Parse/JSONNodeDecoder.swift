/// Decodes a `Decodable` value from the tree `JSONReader` made, so that a status record is
/// read once: Foundation's `JSONDecoder` read every file a second time, and was half of what
/// reading a record cost.
///
/// It throws the `DecodingError`s `JSONDecoder` throws, with the same coding paths, so that
/// `StatusRecordParser` words each problem as before. One case says more: a number with a
/// fraction in a whole-number field is a type mismatch at its field, and one too large for it
/// is corrupted data at its field, where `JSONDecoder` called the whole file invalid JSON.
enum JSONNodeDecoder {
    static func decode<Value: Decodable>(_ type: Value.Type, from node: JSONNode) throws -> Value {
        try Value(from: NodeDecoder(node: node, codingPath: []))
    }

    /// What `JSONDecoder` calls a value's kind in its messages.
    fileprivate static func kind(of node: JSONNode) -> String {
        switch node.value {
        case .null: "null"
        case .bool: "bool"
        case .number: "number"
        case .string: "a string"
        case .array: "an array"
        case .object: "a dictionary"
        }
    }

    fileprivate static func mismatch(
        _ type: Any.Type, _ node: JSONNode, _ codingPath: [any CodingKey]
    ) -> DecodingError {
        if case .null = node.value {
            return .valueNotFound(
                type,
                .init(
                    codingPath: codingPath,
                    debugDescription: "Cannot get value of type \(type) -- found null value instead"
                ))
        }
        return .typeMismatch(
            type,
            .init(
                codingPath: codingPath,
                debugDescription: "Expected to decode \(type) but found \(kind(of: node)) instead.")
        )
    }

    // The helpers below take the coding path as an autoclosure: it is an array, made only
    // for an error.

    fileprivate static func string(
        _ node: JSONNode, _ codingPath: @autoclosure () -> [any CodingKey]
    ) throws -> String {
        guard case .string(let text) = node.value else {
            throw mismatch(String.self, node, codingPath())
        }
        return text
    }

    fileprivate static func bool(
        _ node: JSONNode, _ codingPath: @autoclosure () -> [any CodingKey]
    ) throws -> Bool {
        guard case .bool(let flag) = node.value else {
            throw mismatch(Bool.self, node, codingPath())
        }
        return flag
    }

    fileprivate static func double(
        _ node: JSONNode, _ codingPath: @autoclosure () -> [any CodingKey]
    ) throws -> Double {
        guard case .number(let number) = node.value else {
            throw mismatch(Double.self, node, codingPath())
        }
        return number
    }

    /// A whole number: exactly as written when it was written as one; `1e3` and `2.0` too,
    /// as `JSONDecoder` reads them.
    fileprivate static func integer<Integer: FixedWidthInteger>(
        _ type: Integer.Type, _ node: JSONNode, _ codingPath: @autoclosure () -> [any CodingKey]
    ) throws -> Integer {
        guard case .number(let number) = node.value else {
            throw mismatch(type, node, codingPath())
        }
        if let exact = node.exactInteger, let value = Integer(exactly: exact) { return value }
        guard number.rounded(.towardZero) == number else {
            throw mismatch(type, node, codingPath())
        }
        guard node.exactInteger == nil, let value = Integer(exactly: number) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath(), debugDescription: "the number is too large"))
        }
        return value
    }
}

/// An array element's coding key, named as `JSONDecoder` names it (`Index 0`).
private struct IndexKey: CodingKey {
    let intValue: Int?
    let stringValue: String

    init(_ index: Int) {
        intValue = index
        stringValue = "Index \(index)"
    }

    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.init(intValue) }
}

/// The decoder of one value. Its coding path is its container's and its own key, joined
/// only when asked for (for an error, or for an object's members).
private struct NodeDecoder: Decoder {
    let node: JSONNode
    let containerPath: [any CodingKey]
    let key: (any CodingKey)?
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: JSONNode, codingPath: [any CodingKey], key: (any CodingKey)? = nil) {
        self.node = node
        containerPath = codingPath
        self.key = key
    }

    var codingPath: [any CodingKey] { key.map { containerPath + [$0] } ?? containerPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch node.value {
        case .object(let members):
            return KeyedDecodingContainer(
                ObjectContainer<Key>(members: members, codingPath: codingPath))
        case .null:
            throw DecodingError.valueNotFound(
                [String: Any].self,
                .init(
                    codingPath: codingPath,
                    debugDescription:
                        "Cannot get keyed decoding container -- found null value instead"
                ))
        default:
            throw JSONNodeDecoder.mismatch([String: Any].self, node, codingPath)
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch node.value {
        case .array(let elements):
            return ArrayContainer(elements: elements, codingPath: codingPath)
        case .null:
            throw DecodingError.valueNotFound(
                [Any].self,
                .init(
                    codingPath: codingPath,
                    debugDescription:
                        "Cannot get unkeyed decoding container -- found null value instead"
                ))
        default:
            throw JSONNodeDecoder.mismatch([Any].self, node, codingPath)
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        ValueContainer(node: node, containerPath: containerPath, key: key)
    }
}

private struct ObjectContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [JSONMember]
    let codingPath: [any CodingKey]

    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { member(key) != nil }

    private func member(_ key: Key) -> JSONNode? {
        let name = key.stringValue
        return members.first { $0.key == name }?.value
    }

    /// The member's value, or `keyNotFound` as `JSONDecoder` words it.
    private func value(_ key: Key) throws -> JSONNode {
        guard let node = member(key) else {
            throw DecodingError.keyNotFound(
                key,
                .init(
                    codingPath: codingPath,
                    debugDescription:
                        "No value associated with key \(key) (\"\(key.stringValue)\")."))
        }
        return node
    }

    private func path(_ key: Key) -> [any CodingKey] { codingPath + [key] }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try value(key).value { return true }
        return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        try JSONNodeDecoder.bool(value(key), path(key))
    }

    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        try JSONNodeDecoder.string(value(key), path(key))
    }

    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        try JSONNodeDecoder.double(value(key), path(key))
    }

    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        Float(try JSONNodeDecoder.double(value(key), path(key)))
    }

    func decode(_ type: Int.Type, forKey key: Key) throws -> Int {
        try JSONNodeDecoder.integer(type, value(key), path(key))
    }

    func decode<Integer: FixedWidthInteger & Decodable>(
        _ type: Integer.Type, forKey key: Key
    ) throws -> Integer {
        try JSONNodeDecoder.integer(type, value(key), path(key))
    }

    func decode<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value {
        try Value(from: NodeDecoder(node: value(key), codingPath: codingPath, key: key))
    }

    /// The member's value unless it is missing or `null`: both give nil, as with `JSONDecoder`.
    private func present(_ key: Key) -> JSONNode? {
        guard let node = member(key) else { return nil }
        if case .null = node.value { return nil }
        return node
    }

    func decodeIfPresent<Value: Decodable>(_ type: Value.Type, forKey key: Key) throws -> Value? {
        try present(key).map {
            try Value(from: NodeDecoder(node: $0, codingPath: codingPath, key: key))
        }
    }

    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        try present(key).map { try JSONNodeDecoder.string($0, path(key)) }
    }

    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        try present(key).map { try JSONNodeDecoder.double($0, path(key)) }
    }

    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try present(key).map { try JSONNodeDecoder.integer(type, $0, path(key)) }
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        try present(key).map { try JSONNodeDecoder.bool($0, path(key)) }
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoder(node: value(key), codingPath: path(key)).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try NodeDecoder(node: value(key), codingPath: path(key)).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        NodeDecoder(
            node: JSONNode(value: .object(members), line: 0, column: 0), codingPath: codingPath)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        NodeDecoder(
            node: member(key) ?? JSONNode(value: .null, line: 0, column: 0), codingPath: path(key))
    }
}

private struct ArrayContainer: UnkeyedDecodingContainer {
    let elements: [JSONNode]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(elements: [JSONNode], codingPath: [any CodingKey]) {
        self.elements = elements
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    /// The next element and its index, or `valueNotFound` past the end, as `JSONDecoder` says
    /// it.
    private mutating func next(_ type: Any.Type) throws -> (node: JSONNode, index: Int) {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                type,
                .init(
                    codingPath: path(currentIndex), debugDescription: "Unkeyed container is at end."
                ))
        }
        defer { currentIndex += 1 }
        return (elements[currentIndex], currentIndex)
    }

    private func path(_ index: Int) -> [any CodingKey] { codingPath + [IndexKey(index)] }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, case .null = elements[currentIndex].value else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: String.Type) throws -> String {
        let (node, index) = try next(type)
        return try JSONNodeDecoder.string(node, path(index))
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let (node, index) = try next(type)
        return try JSONNodeDecoder.bool(node, path(index))
    }

    mutating func decode(_ type: Double.Type) throws -> Double {
        let (node, index) = try next(type)
        return try JSONNodeDecoder.double(node, path(index))
    }

    mutating func decode(_ type: Int.Type) throws -> Int {
        let (node, index) = try next(type)
        return try JSONNodeDecoder.integer(type, node, path(index))
    }

    mutating func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        let (node, index) = try next(type)
        return try Value(
            from: NodeDecoder(node: node, codingPath: codingPath, key: IndexKey(index)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let (node, index) = try next(KeyedDecodingContainer<NestedKey>.self)
        return try NodeDecoder(node: node, codingPath: path(index)).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let (node, index) = try next((any UnkeyedDecodingContainer).self)
        return try NodeDecoder(node: node, codingPath: path(index)).unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        let (node, index) = try next((any Decoder).self)
        return NodeDecoder(node: node, codingPath: path(index))
    }
}

private struct ValueContainer: SingleValueDecodingContainer {
    let node: JSONNode
    let containerPath: [any CodingKey]
    let key: (any CodingKey)?

    var codingPath: [any CodingKey] { key.map { containerPath + [$0] } ?? containerPath }

    func decodeNil() -> Bool {
        if case .null = node.value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool { try JSONNodeDecoder.bool(node, codingPath) }
    func decode(_ type: String.Type) throws -> String {
        try JSONNodeDecoder.string(node, codingPath)
    }
    func decode(_ type: Double.Type) throws -> Double {
        try JSONNodeDecoder.double(node, codingPath)
    }
    func decode(_ type: Float.Type) throws -> Float {
        Float(try JSONNodeDecoder.double(node, codingPath))
    }
    func decode(_ type: Int.Type) throws -> Int {
        try JSONNodeDecoder.integer(type, node, codingPath)
    }
    func decode<Integer: FixedWidthInteger & Decodable>(_ type: Integer.Type) throws -> Integer {
        try JSONNodeDecoder.integer(type, node, codingPath)
    }
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try Value(from: NodeDecoder(node: node, codingPath: containerPath, key: key))
    }
}
