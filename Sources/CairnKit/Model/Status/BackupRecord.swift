/// `cairn.backup/v1`: a backup taken, and the restore test the CI job ran on it. No backup tool
/// says "restore test passed"; the job that restores into a scratch copy writes it.
public struct BackupRecord: Codable, Sendable, Equatable {
    public static let schemaID = "cairn.backup/v1"

    public enum Kind: String, RecordVocabulary {
        case database
        case assets
    }

    public enum Tool: String, RecordVocabulary {
        case pgDump = "pg_dump"
        case pgbackrest
        case restic
        case velero
        case other
    }

    public struct Restore: Codable, Sendable, Equatable {
        public enum Status: String, RecordVocabulary {
            case pass
            case fail
            case partial
        }

        public var testedAt: Timestamp
        public var status: Status
        public var durationS: Double?
        public var rtoS: Double?
        public var rpoS: Double?
        public var checks: [RestoreCheck]?

        enum CodingKeys: String, CodingKey {
            case status, checks
            case testedAt = "tested_at"
            case durationS = "duration_s"
            case rtoS = "rto_s"
            case rpoS = "rpo_s"
        }

        public init(
            testedAt: Timestamp, status: Status, durationS: Double? = nil, rtoS: Double? = nil,
            rpoS: Double? = nil, checks: [RestoreCheck]? = nil
        ) {
            self.testedAt = testedAt
            self.status = status
            self.durationS = durationS
            self.rtoS = rtoS
            self.rpoS = rpoS
            self.checks = checks
        }
    }

    public struct RestoreCheck: Codable, Sendable, Equatable {
        public var name: String
        public var status: CheckOutcome
        public var expected: String?
        public var observed: String?

        public init(
            name: String, status: CheckOutcome, expected: String? = nil, observed: String? = nil
        ) {
            self.name = name
            self.status = status
            self.expected = expected
            self.observed = observed
        }
    }

    public var schema: String
    public var environment: String
    public var kind: Kind
    public var tool: Tool?
    public var backupID: String?
    public var takenAt: Timestamp
    public var sizeBytes: Int?
    public var encrypted: Bool?
    public var retentionDays: Int?
    public var restore: Restore?
    public var notes: String?
    public var evidenceFor: [String]?

    enum CodingKeys: String, CodingKey {
        case schema, environment, kind, tool, encrypted, restore, notes
        case backupID = "backup_id"
        case takenAt = "taken_at"
        case sizeBytes = "size_bytes"
        case retentionDays = "retention_days"
        case evidenceFor = "evidence_for"
    }

    public init(
        environment: String, kind: Kind, tool: Tool?, takenAt: Timestamp, backupID: String? = nil,
        sizeBytes: Int? = nil, encrypted: Bool? = nil, retentionDays: Int? = nil,
        restore: Restore? = nil,
        notes: String? = nil, evidenceFor: [String]? = nil
    ) {
        self.schema = Self.schemaID
        self.environment = environment
        self.kind = kind
        self.tool = tool
        self.backupID = backupID
        self.takenAt = takenAt
        self.sizeBytes = sizeBytes
        self.encrypted = encrypted
        self.retentionDays = retentionDays
        self.restore = restore
        self.notes = notes
        self.evidenceFor = evidenceFor
    }
}
