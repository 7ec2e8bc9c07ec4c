/// The optional `content/handbook.yml`: every key may be left out.
public struct HandbookConfig: Sendable, Equatable {
    public var title: String?
    /// Document paths in reading order; documents not listed follow, sorted by path.
    public var documentOrder: [String]
    /// Pass raw HTML in markdown through instead of omitting it.
    public var allowsRawHTML: Bool
    public var location: Diagnostic.Location?
    /// Named gates: the steps (checklists, phases) that must be complete before each.
    public var gates: [Gate]
    /// How old the newest restore test may be before it is stale.
    public var maximumEvidenceAgeDays: Double

    /// A gate declared in `handbook.yml` (`production-deploy: [Pre-Deployment]`).
    public struct Gate: Sendable, Equatable {
        public var name: String
        public var requirements: [String]
        public var location: Diagnostic.Location

        public init(name: String, requirements: [String], location: Diagnostic.Location) {
            self.name = name
            self.requirements = requirements
            self.location = location
        }
    }

    public init(
        title: String? = nil, documentOrder: [String] = [], allowsRawHTML: Bool = false,
        location: Diagnostic.Location? = nil, gates: [Gate] = [], maximumEvidenceAgeDays: Double = 7
    ) {
        self.gates = gates
        self.maximumEvidenceAgeDays = maximumEvidenceAgeDays
        self.title = title
        self.documentOrder = documentOrder
        self.allowsRawHTML = allowsRawHTML
        self.location = location
    }

    public static let keys: Set<String> = [
        "title", "documents", "unsafe_html", "gates", "max_evidence_age",
    ]
}
