import Foundation

/// Reads one status file: strict JSON with positions, the `schema` that says which record it
/// is, then the record itself. Every problem names the field and points at its line and column.
public struct StatusRecordParser: Sendable {
    public static let knownSchemas = [
        DeployRecord.schemaID, BackupRecord.schemaID, MetricsRecord.schemaID,
    ]

    public init() {}

    public func parse(_ bytes: [UInt8], path: String) -> (
        entry: AnyStatusEntry?, diagnostics: [Diagnostic]
    ) {
        let root: JSONNode
        do {
            root = try JSONReader().read(bytes)
        } catch {
            return (
                nil,
                [
                    Diagnostic(
                        .statusInvalidJSON, .error,
                        at: .init(path: path, line: error.line, column: error.column),
                        "not valid JSON: \(error.message)")
                ]
            )
        }
        guard case .object(let members) = root.value else {
            return (nil, [fail(path, root, "a status record must be a JSON object")])
        }
        guard let schemaNode = root["schema"] else {
            return (
                nil,
                [
                    fail(
                        path, root,
                        "missing required field 'schema' (one of \(Self.knownSchemas.joined(separator: ", ")))"
                    )
                ]
            )
        }
        guard let schema = schemaNode.string else {
            return (
                nil,
                [
                    fail(
                        path, schemaNode,
                        "'schema' must be a string such as \"\(DeployRecord.schemaID)\"")
                ]
            )
        }
        let id = Self.recordID(path)
        let location = Diagnostic.Location(path: path, line: root.line, column: root.column)
        switch schema {
        case DeployRecord.schemaID:
            return decode(DeployRecord.self, root, members, path) { record, unknown in
                .deploy(
                    StatusEntry(id: id, location: location, record: record, unknownFields: unknown))
            }
        case BackupRecord.schemaID:
            return decode(BackupRecord.self, root, members, path) { record, unknown in
                .backup(
                    StatusEntry(id: id, location: location, record: record, unknownFields: unknown))
            }
        case MetricsRecord.schemaID:
            return decode(MetricsRecord.self, root, members, path) { record, unknown in
                .metrics(
                    StatusEntry(id: id, location: location, record: record, unknownFields: unknown))
            }
        default:
            let family = Self.knownSchemas.first {
                schema.hasPrefix($0.split(separator: "/")[0] + "/")
            }
            let message =
                family.map { "unknown schema version '\(schema)': this Cairn reads \($0)" }
                ?? "unknown schema '\(schema)' (one of \(Self.knownSchemas.joined(separator: ", ")))"
            return (
                nil,
                [
                    Diagnostic(
                        .statusUnknownSchema, .error,
                        at: .init(path: path, line: schemaNode.line, column: schemaNode.column),
                        message)
                ]
            )
        }
    }

    /// The record's file name without `.json` (every `.json` in it, as a name like
    /// `a.json.json` has always lost both).
    public static func recordID(_ path: String) -> String {
        if let id = asciiRecordID(path) { return id }
        // The last part between slashes; a path of nothing but slashes is its own name.
        let bytes = path.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[bytes.index(before: end)] == UInt8(ascii: "/") {
            end = bytes.index(before: end)
        }
        var name = path
        if end > bytes.startIndex {
            let start = bytes[..<end].lastIndex(of: UInt8(ascii: "/")).map(bytes.index(after:))
            name = String(path[(start ?? bytes.startIndex)..<end])
        }
        let suffix = ".json"
        if name.hasSuffix(suffix) {
            let stem = String(name.dropLast(suffix.utf8.count))
            if !stem.utf8.containsSequence(Array(suffix.utf8)) { return stem }
        }
        return name.replacingOccurrences(of: suffix, with: "")
    }

    /// `recordID` of nearly every record, read from the bytes: a file name that ends in its one
    /// `.json` after an ASCII byte, where those five bytes are the name's last five characters.
    /// Nil for any other path.
    private static func asciiRecordID(_ path: String) -> String? {
        let suffix = jsonSuffix
        let id = path.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var end = bytes.count
            while end > 0, bytes[end - 1] == UInt8(ascii: "/") { end -= 1 }
            var start = end
            while start > 0, bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
            let stemEnd = end - suffix.count
            guard stemEnd >= start, bytes[stemEnd..<end].elementsEqual(suffix),
                stemEnd == start || bytes[stemEnd - 1] < 0x80
            else { return nil }
            let stem = String(
                decoding: UnsafeBufferPointer(rebasing: bytes[start..<stemEnd]), as: UTF8.self)
            // A second `.json` inside the stem goes too: left to the general reading.
            return stem.utf8.containsSequence(suffix) ? nil : stem
        }
        return id ?? nil
    }

    private static let jsonSuffix = Array(".json".utf8)

    private func decode<Record: Decodable & ValidatedRecord>(
        _ type: Record.Type, _ root: JSONNode, _ members: [JSONMember], _ path: String,
        wrap: (Record, [String]) -> AnyStatusEntry
    ) -> (entry: AnyStatusEntry?, diagnostics: [Diagnostic]) {
        let record: Record
        do {
            record = try JSONNodeDecoder.decode(Record.self, from: root)
        } catch let error as DecodingError {
            return (nil, [diagnostic(for: error, root: root, path: path)])
        } catch {
            return (nil, [fail(path, root, "cannot read the record: \(error)")])
        }
        let problems = record.problems()
        if !problems.isEmpty {
            return (
                nil,
                problems.map { problem in
                    let node = Self.node(at: problem.path, in: root)
                    return Diagnostic(
                        .statusBadField, .error,
                        at: .init(path: path, line: node.line, column: node.column),
                        "\(problem.path.joinedAsFieldPath): \(problem.message)")
                }
            )
        }
        // A dozen short names: a scan costs less than a set made for every record.
        let known = Record.fieldNames
        let unknown = members.map(\.key).filter { !known.contains($0) }
        return (wrap(record, unknown), [])
    }

    private func fail(_ path: String, _ node: JSONNode, _ message: String) -> Diagnostic {
        Diagnostic(
            .statusBadField, .error, at: .init(path: path, line: node.line, column: node.column),
            message)
    }

    private func diagnostic(for error: DecodingError, root: JSONNode, path: String) -> Diagnostic {
        let fieldPath: [FieldPathComponent]
        let message: String
        switch error {
        case .keyNotFound(let key, let context):
            let container = context.codingPath.map(FieldPathComponent.init)
            let full = container + [FieldPathComponent(key)]
            let node = Self.node(at: container, in: root)
            return Diagnostic(
                .statusBadField, .error,
                at: .init(path: path, line: node.line, column: node.column),
                "missing required field '\(full.joinedAsFieldPath)'")
        case .typeMismatch(let type, let context):
            fieldPath = context.codingPath.map(FieldPathComponent.init)
            let node = Self.node(at: fieldPath, in: root)
            message = "expected \(Self.describe(type)), found \(Self.describe(node))"
        case .valueNotFound(let type, let context):
            fieldPath = context.codingPath.map(FieldPathComponent.init)
            message = "must be \(Self.describe(type)), not null"
        case .dataCorrupted(let context):
            fieldPath = context.codingPath.map(FieldPathComponent.init)
            message = context.debugDescription
        @unknown default:
            fieldPath = []
            message = "\(error)"
        }
        let node = Self.node(at: fieldPath, in: root)
        let name = fieldPath.isEmpty ? "record" : fieldPath.joinedAsFieldPath
        return Diagnostic(
            .statusBadField, .error, at: .init(path: path, line: node.line, column: node.column),
            "\(name): \(message)")
    }

    /// The deepest node along `path` that exists.
    static func node(at path: [FieldPathComponent], in root: JSONNode) -> JSONNode {
        var node = root
        for component in path {
            let next: JSONNode? =
                switch component {
                case .key(let key): node[key]
                case .index(let index): node[index]
                }
            guard let next else { break }
            node = next
        }
        return node
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }

    static func describe(_ node: JSONNode) -> String {
        switch node.value {
        case .null: "null"
        case .bool: "true or false"
        case .number(let number): "the number \(number.formatted)"
        case .string(let text): "the string \"\(text.prefix(60))\""
        case .array: "a list"
        case .object: "an object"
        }
    }
}

extension Double {
    /// `12`, not `12.0`; `0.25` as is.
    var formatted: String {
        self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self)
    }
}
