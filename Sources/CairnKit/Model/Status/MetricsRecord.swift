/// `cairn.metrics/v1`: measured values over a window of time. Units are explicit and never
/// guessed: `%` and `ratio` are different units (99.9 `%` equals 0.999 `ratio`).
public struct MetricsRecord: Codable, Sendable, Equatable {
    public static let schemaID = "cairn.metrics/v1"

    public struct Window: Codable, Sendable, Equatable {
        public var from: Timestamp
        public var to: Timestamp

        public init(from: Timestamp, to: Timestamp) {
            self.from = from
            self.to = to
        }
    }

    public struct Value: Codable, Sendable, Equatable {
        /// Matched with the plan's targets case-insensitively ("Uptime", "Response time").
        public var name: String
        public var value: Double
        public var unit: String
        /// The aggregation: `p95`, `avg`, `max`, `ratio`…
        public var stat: String?
        /// A target's id, when the name alone would not find it.
        public var target: String?

        public init(
            name: String, value: Double, unit: String, stat: String? = nil, target: String? = nil
        ) {
            self.name = name
            self.value = value
            self.unit = unit
            self.stat = stat
            self.target = target
        }
    }

    public var schema: String
    public var environment: String
    public var window: Window
    public var values: [Value]
    public var notes: String?
    public var evidenceFor: [String]?

    enum CodingKeys: String, CodingKey {
        case schema, environment, window, values, notes
        case evidenceFor = "evidence_for"
    }

    public init(
        environment: String, window: Window, values: [Value], notes: String? = nil,
        evidenceFor: [String]? = nil
    ) {
        self.schema = Self.schemaID
        self.environment = environment
        self.window = window
        self.values = values
        self.notes = notes
        self.evidenceFor = evidenceFor
    }
}
