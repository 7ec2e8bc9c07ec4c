/// The stable, dotted identifier of a kind of diagnostic, printed in brackets after the message.
public struct DiagnosticID: RawRepresentable, Sendable, Hashable, Codable {
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
}

extension DiagnosticID {
    public static let invalidUTF8 = DiagnosticID(rawValue: "encoding.invalid-utf8")
    public static let nulByte = DiagnosticID(rawValue: "encoding.nul-byte")
    public static let mojibakeRepaired = DiagnosticID(rawValue: "encoding.repaired")
    public static let mojibakeLostBytes = DiagnosticID(rawValue: "encoding.lost-bytes")
    public static let frontMatterInvalid = DiagnosticID(rawValue: "front-matter.invalid")
    public static let configInvalid = DiagnosticID(rawValue: "config.invalid")
    public static let configUnknownKey = DiagnosticID(rawValue: "config.unknown-key")
    public static let configUnknownDocument = DiagnosticID(rawValue: "config.unknown-document")
    public static let contentUnreadable = DiagnosticID(rawValue: "content.unreadable")
    public static let contentTooLarge = DiagnosticID(rawValue: "content.too-large")
    public static let contentSymlinkOutside = DiagnosticID(rawValue: "content.symlink-outside")
    public static let contentEmpty = DiagnosticID(rawValue: "content.no-documents")
    public static let phaseUnknownStatus = DiagnosticID(rawValue: "phase.unknown-status")
    public static let phaseBadEstimate = DiagnosticID(rawValue: "phase.bad-estimate")
    public static let templateInvalid = DiagnosticID(rawValue: "template.invalid")
    public static let statusInvalidJSON = DiagnosticID(rawValue: "status.invalid-json")
    public static let statusUnknownSchema = DiagnosticID(rawValue: "status.unknown-schema")
    public static let statusBadField = DiagnosticID(rawValue: "status.bad-field")
    public static let statusNotARecord = DiagnosticID(rawValue: "status.not-a-record")
    public static let gateUnticked = DiagnosticID(rawValue: "gate.unticked")
    public static let gateUnknown = DiagnosticID(rawValue: "gate.unknown")
    public static let markdownTooDeep = DiagnosticID(rawValue: "markdown.too-deep")
}
