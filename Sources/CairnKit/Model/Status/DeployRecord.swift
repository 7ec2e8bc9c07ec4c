/// `cairn.deploy/v1`: what happened when CI deployed a version to an environment. Status
/// follows GitHub's deployment statuses; health is kept apart from it, as a deploy can succeed
/// and leave the application unhealthy.
public struct DeployRecord: Codable, Sendable, Equatable {
    public static let schemaID = "cairn.deploy/v1"

    public enum Status: String, RecordVocabulary {
        case queued
        case inProgress = "in_progress"
        case success
        case failure
        case error
        case cancelled
        case rolledBack = "rolled_back"
    }

    public struct Health: Codable, Sendable, Equatable {
        public enum Status: String, RecordVocabulary {
            case healthy
            case degraded
            case unhealthy
        }

        public var status: Status
        public var checks: [HealthCheck]?

        public init(status: Status, checks: [HealthCheck]? = nil) {
            self.status = status
            self.checks = checks
        }
    }

    public struct HealthCheck: Codable, Sendable, Equatable {
        public var name: String
        public var status: CheckOutcome
        public var latencyMs: Double?
        public var observed: String?

        enum CodingKeys: String, CodingKey {
            case name, status, observed
            case latencyMs = "latency_ms"
        }

        public init(
            name: String, status: CheckOutcome, latencyMs: Double? = nil, observed: String? = nil
        ) {
            self.name = name
            self.status = status
            self.latencyMs = latencyMs
            self.observed = observed
        }
    }

    public struct Migrations: Codable, Sendable, Equatable {
        public var applied: Int
        public var status: String?

        public init(applied: Int, status: String? = nil) {
            self.applied = applied
            self.status = status
        }
    }

    public var schema: String
    public var environment: String
    public var version: String
    public var commit: String
    public var ref: String?
    public var status: Status
    public var startedAt: Timestamp
    public var finishedAt: Timestamp?
    public var url: String?
    public var actor: String?
    public var health: Health?
    public var migrations: Migrations?
    public var rollbackOf: String?
    public var producer: Producer?
    public var notes: String?
    public var evidenceFor: [String]?

    enum CodingKeys: String, CodingKey {
        case schema, environment, version, commit, ref, status, url, actor, health, migrations,
            producer, notes
        case startedAt = "started_at"
        case finishedAt = "finished_at"
        case rollbackOf = "rollback_of"
        case evidenceFor = "evidence_for"
    }

    public init(
        environment: String, version: String, commit: String, status: Status, startedAt: Timestamp,
        finishedAt: Timestamp? = nil, ref: String? = nil, url: String? = nil, actor: String? = nil,
        health: Health? = nil, migrations: Migrations? = nil, rollbackOf: String? = nil,
        producer: Producer? = nil, notes: String? = nil, evidenceFor: [String]? = nil
    ) {
        self.schema = Self.schemaID
        self.environment = environment
        self.version = version
        self.commit = commit
        self.ref = ref
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.url = url
        self.actor = actor
        self.health = health
        self.migrations = migrations
        self.rollbackOf = rollbackOf
        self.producer = producer
        self.notes = notes
        self.evidenceFor = evidenceFor
    }

    /// How long the deploy took, when it has finished.
    public var duration: Double? {
        finishedAt.map { $0.secondsSince1970 - startedAt.secondsSince1970 }
    }
}

/// `pass` or `fail`, for a health check or a restore check.
public enum CheckOutcome: String, RecordVocabulary {
    case pass
    case fail
}

/// The CI system that wrote a record, and the run that did.
public struct Producer: Codable, Sendable, Equatable {
    public var system: String
    public var runURL: String?

    enum CodingKeys: String, CodingKey {
        case system
        case runURL = "run_url"
    }

    public init(system: String, runURL: String? = nil) {
        self.system = system
        self.runURL = runURL
    }
}
