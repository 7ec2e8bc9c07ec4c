/// `cairn record`: checks a status record and writes it under `content/status/<kind>/`.
public struct StatusRecording: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case deploy
        case backup
        case metrics

        /// The folder under `status/` records of this kind go into.
        public var folder: String {
            switch self {
            case .deploy: "deploys"
            case .backup: "backups"
            case .metrics: "metrics"
            }
        }

        public var schemaID: String {
            switch self {
            case .deploy: DeployRecord.schemaID
            case .backup: BackupRecord.schemaID
            case .metrics: MetricsRecord.schemaID
            }
        }
    }

    /// What recording did: the file written, or the problems that stopped it.
    public struct Outcome: Sendable {
        public var writtenPath: String?
        public var diagnostics: [Diagnostic]
    }

    public let contentFolder: String

    public init(contentFolder: String) {
        self.contentFolder = contentFolder
    }

    /// Checks a record built from flags and writes it.
    /// - Throws: `CairnError` when the content folder does not exist or the file cannot be
    ///   written.
    public func record<Record: Encodable & ValidatedRecord>(
        _ record: Record, kind: Kind, recordedAt: Timestamp, environment: String
    ) throws -> Outcome {
        let problems = record.problems()
        guard problems.isEmpty else {
            return Outcome(
                writtenPath: nil,
                diagnostics: problems.map { problem in
                    Diagnostic(
                        .statusBadField, .error, at: .init(path: "cairn record \(kind.rawValue)"),
                        "\(problem.path.joinedAsFieldPath) (--\(Self.flagName(problem.path))): \(problem.message)"
                    )
                })
        }
        let text = try RecordWriter.text(of: record)
        return try write(text, kind: kind, recordedAt: recordedAt, environment: environment)
    }

    /// Reads the record a producer wrote to the file `path`, checks it and writes it as it
    /// came (`cairn record --from-json FILE`).
    /// - Throws: `CairnError` when the content folder does not exist or the record cannot be
    ///   written.
    public func record(jsonFile path: String, kind: Kind) throws -> Outcome {
        let read = StatusFileReader().read(producerFile: path)
        guard let bytes = read.bytes else {
            return Outcome(writtenPath: nil, diagnostics: read.diagnostics)
        }
        return try record(json: bytes, sourceName: path, kind: kind)
    }

    /// Checks a record a producer already has as JSON and writes it as it came, unknown
    /// fields and all.
    /// - Parameter sourceName: how to name the input in messages (a path, or `<stdin>`).
    public func record(json bytes: [UInt8], sourceName: String, kind: Kind) throws -> Outcome {
        let parsed = StatusRecordParser().parse(bytes, path: sourceName)
        guard let entry = parsed.entry else {
            return Outcome(writtenPath: nil, diagnostics: parsed.diagnostics)
        }
        let recordedAt: Timestamp
        let environment: String
        let schema: String
        switch entry {
        case .deploy(let deploy):
            (recordedAt, environment, schema) = (
                deploy.record.recordedAt, deploy.record.environment, deploy.record.schema
            )
        case .backup(let backup):
            (recordedAt, environment, schema) = (
                backup.record.recordedAt, backup.record.environment, backup.record.schema
            )
        case .metrics(let window):
            (recordedAt, environment, schema) = (
                window.record.recordedAt, window.record.environment, window.record.schema
            )
        }
        guard schema == kind.schemaID else {
            return Outcome(
                writtenPath: nil,
                diagnostics: [
                    Diagnostic(
                        .statusUnknownSchema, .error, at: .init(path: sourceName),
                        "this is a \(schema) record, not \(kind.schemaID): use 'cairn record \(Self.kind(of: schema)?.rawValue ?? kind.rawValue)'"
                    )
                ])
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if !text.hasSuffix("\n") { text += "\n" }
        return try write(text, kind: kind, recordedAt: recordedAt, environment: environment)
    }

    private func write(_ text: String, kind: Kind, recordedAt: Timestamp, environment: String)
        throws -> Outcome
    {
        let path = try RecordWriter().write(
            text, intoStatusOf: contentFolder, kindFolder: kind.folder,
            stamp: recordedAt.fileNameStamp, environment: environment)
        return Outcome(writtenPath: path, diagnostics: [])
    }

    static func kind(of schema: String) -> Kind? {
        Kind.allCases.first { $0.schemaID == schema }
    }

    /// `finished_at` → `finished-at`; `restore.duration_s` → `restore-duration-s`; a list's
    /// entries are named by the list's flag (`health.checks[0].latency_ms` → `check`).
    static func flagName(_ path: [FieldPathComponent]) -> String {
        let keys = path.compactMap { component -> String? in
            if case .key(let key) = component { key } else { nil }
        }
        if keys.starts(with: ["health", "checks"]) { return "check" }
        if keys.starts(with: ["restore", "checks"]) { return "restore-check" }
        if keys.first == "values" { return "value" }
        if keys.first == "window" { return keys.last == "from" ? "from" : "to" }
        if keys.first == "evidence_for" { return "evidence-for" }
        return keys.filter { $0 != "health" }.joined(separator: "-").replacingOccurrences(
            of: "_", with: "-")
    }
}
