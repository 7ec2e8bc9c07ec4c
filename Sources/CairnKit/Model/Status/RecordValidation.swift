extension DeployRecord: ValidatedRecord {
    public static let fieldNames = [
        "schema", "environment", "version", "commit", "ref", "status", "started_at", "finished_at",
        "url",
        "actor", "health", "migrations", "rollback_of", "producer", "notes", "evidence_for",
    ]

    public func problems() -> [RecordProblem] {
        var problems = RecordValidation.required([
            "environment": environment, "version": version, "commit": commit,
        ])
        if let finishedAt, finishedAt < startedAt {
            problems.append(
                RecordProblem(
                    [.key("finished_at")], "\(finishedAt) is before started_at \(startedAt)"))
        }
        for (index, check) in (health?.checks ?? []).enumerated() {
            if let latency = check.latencyMs, latency < 0 {
                problems.append(
                    RecordProblem(
                        [.key("health"), .key("checks"), .index(index), .key("latency_ms")],
                        "must not be negative"))
            }
        }
        if let applied = migrations?.applied, applied < 0 {
            problems.append(
                RecordProblem([.key("migrations"), .key("applied")], "must not be negative"))
        }
        problems += RecordValidation.evidence(evidenceFor)
        return problems
    }
}

extension BackupRecord: ValidatedRecord {
    public static let fieldNames = [
        "schema", "environment", "kind", "tool", "backup_id", "taken_at", "size_bytes", "encrypted",
        "retention_days", "restore", "notes", "evidence_for",
    ]

    public func problems() -> [RecordProblem] {
        var problems = RecordValidation.required(["environment": environment])
        if let sizeBytes, sizeBytes < 0 {
            problems.append(RecordProblem([.key("size_bytes")], "must not be negative"))
        }
        if let retentionDays, retentionDays < 0 {
            problems.append(RecordProblem([.key("retention_days")], "must not be negative"))
        }
        if let restore {
            if restore.testedAt < takenAt {
                problems.append(
                    RecordProblem(
                        [.key("restore"), .key("tested_at")],
                        "\(restore.testedAt) is before the backup was taken (\(takenAt))"))
            }
            for (key, value) in [
                ("duration_s", restore.durationS), ("rto_s", restore.rtoS), ("rpo_s", restore.rpoS),
            ] {
                if let value, value < 0 {
                    problems.append(
                        RecordProblem([.key("restore"), .key(key)], "must not be negative"))
                }
            }
        }
        problems += RecordValidation.evidence(evidenceFor)
        return problems
    }
}

extension MetricsRecord: ValidatedRecord {
    public static let fieldNames = [
        "schema", "environment", "window", "values", "notes", "evidence_for",
    ]

    public func problems() -> [RecordProblem] {
        var problems = RecordValidation.required(["environment": environment])
        if window.to < window.from {
            problems.append(
                RecordProblem(
                    [.key("window"), .key("to")],
                    "\(window.to) is before window.from \(window.from)"))
        }
        if values.isEmpty {
            problems.append(RecordProblem([.key("values")], "must hold at least one value"))
        }
        for (index, value) in values.enumerated() {
            if value.name.trimmingWhitespace().isEmpty {
                problems.append(
                    RecordProblem(
                        [.key("values"), .index(index), .key("name")], "must not be empty"))
            }
            if value.unit.trimmingWhitespace().isEmpty {
                problems.append(
                    RecordProblem(
                        [.key("values"), .index(index), .key("unit")],
                        "must not be empty: units are explicit (%, ratio, ms, s…)"))
            }
        }
        problems += RecordValidation.evidence(evidenceFor)
        return problems
    }
}

enum RecordValidation {
    static func required(_ fields: KeyValuePairs<String, String>) -> [RecordProblem] {
        fields.compactMap { key, value in
            value.trimmingWhitespace().isEmpty
                ? RecordProblem([.key(key)], "must not be empty") : nil
        }
    }

    static func evidence(_ ids: [String]?) -> [RecordProblem] {
        (ids ?? []).enumerated().compactMap { index, id in
            id.trimmingWhitespace().isEmpty
                ? RecordProblem([.key("evidence_for"), .index(index)], "must not be empty") : nil
        }
    }
}
