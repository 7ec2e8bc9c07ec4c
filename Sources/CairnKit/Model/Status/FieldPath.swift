/// One step of the path to a field in a record: a key, or an index in a list.
public enum FieldPathComponent: Sendable, Equatable {
    case key(String)
    case index(Int)

    init(_ codingKey: CodingKey) {
        if let index = codingKey.intValue, codingKey.stringValue.hasPrefix("Index") {
            self = .index(index)
        } else {
            self = .key(codingKey.stringValue)
        }
    }
}

extension Array where Element == FieldPathComponent {
    /// `health.checks[0].status`.
    public var joinedAsFieldPath: String {
        var text = ""
        for component in self {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}

/// A value a record holds that its format allows but that cannot be true (a deploy that
/// finished before it started, a negative size).
public struct RecordProblem: Sendable, Equatable {
    public var path: [FieldPathComponent]
    public var message: String

    public init(_ path: [FieldPathComponent], _ message: String) {
        self.path = path
        self.message = message
    }
}

/// A record that can tell what in it cannot be true, beyond what decoding checks.
public protocol ValidatedRecord {
    /// The JSON keys the format defines; any other key is kept and ignored.
    static var fieldNames: [String] { get }
    func problems() -> [RecordProblem]
}
