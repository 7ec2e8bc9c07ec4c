/// A closed set of words a record field may hold (`success`, `failure`, …); decoding anything
/// else fails with a message that lists the allowed words.
public protocol RecordVocabulary: RawRepresentable, CaseIterable, Codable, Sendable, Hashable
where RawValue == String {}

extension RecordVocabulary {
    /// `queued, in_progress, success, …`.
    public static var allowedValues: String { allCases.map(\.rawValue).joined(separator: ", ") }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(text)' is not one of \(Self.allowedValues)")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
