/// One thing the checker knows must hold in a plan and its status records.
public protocol Rule: Sendable {
    var id: DiagnosticID { get }
    var severity: Diagnostic.Severity { get }
    /// One line on what the rule checks, for `--format sarif` and `junit`.
    var summary: String { get }
    func check(_ context: CheckContext) -> [Diagnostic]
    /// The first moment after `context.now` at which this rule's findings could change with
    /// no input changing (evidence going stale as days pass); nil when only inputs change them.
    func nextChange(_ context: CheckContext) -> Timestamp?
}

extension Rule {
    public func nextChange(_ context: CheckContext) -> Timestamp? { nil }
}

/// A rule whose findings are found one document at a time (with the context's look-ups):
/// the checker runs every such rule on a document in one go, while that document's model is
/// in the processor's cache, each document on whichever core is free.
protocol DocumentRule: Rule {
    func check(_ document: Document, _ context: CheckContext) -> [Diagnostic]
}

extension DocumentRule {
    public func check(_ context: CheckContext) -> [Diagnostic] {
        context.handbook.documents.flatMap { check($0, context) }
    }
}

/// Every rule `cairn check` and `cairn build` run, in the order their findings are reported.
public let allRules: [any Rule] = [
    PrerequisiteRule(), CompletePhaseRule(), NotStartedPhaseRule(), UnknownStatusRule(),
    DeployGateRule(),
    EvidenceContradictsTickRule(), EvidenceCompletesTaskRule(), UnknownEvidenceTaskRule(),
    StaleEvidenceRule(),
    MissedTargetRule(), FiredTriggerRule(), BrokenLinkRule(), DuplicateTaskIDRule(),
]

/// What a finding of a rule, or of reading the content, is about: for `--format sarif` and
/// `junit`, which list every rule with a description.
public struct RuleDescriptor: Sendable, Equatable {
    public var id: DiagnosticID
    public var severity: Diagnostic.Severity
    public var summary: String

    /// The checker's rules and the problems reading the content can report.
    public static let all: [RuleDescriptor] =
        allRules.map { RuleDescriptor(id: $0.id, severity: $0.severity, summary: $0.summary) } + [
            RuleDescriptor(
                id: .mojibakeLostBytes, severity: .warning,
                summary: "Mis-encoded text lost bytes and cannot be repaired."),
            RuleDescriptor(
                id: .mojibakeRepaired, severity: .note,
                summary: "Mis-encoded text was repaired in what is rendered."),
            RuleDescriptor(
                id: .invalidUTF8, severity: .error, summary: "A file is not valid UTF-8."),
            RuleDescriptor(
                id: .gateUnticked, severity: .error,
                summary: "A prerequisite of the gate is not ticked."),
        ]

    public static func describe(_ id: DiagnosticID) -> RuleDescriptor {
        all.first { $0.id == id } ?? RuleDescriptor(id: id, severity: .error, summary: id.rawValue)
    }
}

extension Rule {
    func finding(
        _ message: FindingText, at location: Diagnostic.Location, hint: FindingText
    ) -> Diagnostic {
        Diagnostic(id, severity, at: location, message.string, hint: hint.string)
    }
}

/// A finding's message or hint, written from its interpolation straight into bytes and made a
/// string once: `String`'s own interpolation appends each piece to a string in turn, some
/// hundreds of instructions a piece, and a large check writes 100,000 findings.
struct FindingText: ExpressibleByStringInterpolation {
    let string: String

    init(stringLiteral literal: StaticString) {
        string = literal.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
    }

    init(stringInterpolation: Interpolation) {
        string = String(decoding: stringInterpolation.bytes, as: UTF8.self)
    }

    struct Interpolation: StringInterpolationProtocol {
        fileprivate var bytes: [UInt8] = []

        init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + 32 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: StaticString) {
            ReportBytes.append(literal, to: &bytes)
        }

        mutating func appendInterpolation(_ text: String) {
            bytes += text.utf8
        }

        mutating func appendInterpolation(_ number: Int) {
            DecimalText.append(number, to: &bytes)
        }

        /// Anything else as `String`'s interpolation writes it: its description.
        mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            bytes += value.description.utf8
        }
    }
}
