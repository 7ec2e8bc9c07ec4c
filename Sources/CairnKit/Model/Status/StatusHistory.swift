/// Every status record of the handbook, newest first, and the latest of each per environment.
public struct StatusHistory: Sendable {
    public let deploys: [StatusEntry<DeployRecord>]
    public let backups: [StatusEntry<BackupRecord>]
    public let metrics: [StatusEntry<MetricsRecord>]
    /// The evidence for each task id, newest first: worked out once, for the checker, the
    /// badges and `handbook.json` alike.
    public let evidenceByTask: [String: [Evidence]]

    public init(_ entries: [AnyStatusEntry]) {
        var deploys: [StatusEntry<DeployRecord>] = []
        var backups: [StatusEntry<BackupRecord>] = []
        var metrics: [StatusEntry<MetricsRecord>] = []
        for entry in entries {
            switch entry {
            case .deploy(let deploy): deploys.append(deploy)
            case .backup(let backup): backups.append(backup)
            case .metrics(let window): metrics.append(window)
            }
        }
        self.deploys = deploys.sorted {
            ($0.record.startedAt, $0.id) > ($1.record.startedAt, $1.id)
        }
        self.backups = backups.sorted { ($0.record.takenAt, $0.id) > ($1.record.takenAt, $1.id) }
        self.metrics = metrics.sorted {
            ($0.record.window.to, $0.id) > ($1.record.window.to, $1.id)
        }
        evidenceByTask = Self.evidenceIndex(
            deploys: self.deploys, backups: self.backups, metrics: self.metrics)
    }

    public static let empty = StatusHistory([])

    public var isEmpty: Bool { deploys.isEmpty && backups.isEmpty && metrics.isEmpty }

    /// The newest deploy of each environment, production first.
    public var latestDeploys: [StatusEntry<DeployRecord>] {
        Self.latest(deploys) { $0.record.environment }
    }

    /// The newest backup of each environment and kind.
    public var latestBackups: [StatusEntry<BackupRecord>] {
        Self.latest(backups) { "\($0.record.environment)\u{0}\($0.record.kind.rawValue)" }
    }

    /// The newest restore test of each environment.
    public var latestRestoreTests: [StatusEntry<BackupRecord>] {
        let tested = backups.filter { $0.record.restore != nil }
            .sorted {
                ($0.record.restore?.testedAt ?? $0.record.takenAt)
                    > ($1.record.restore?.testedAt ?? $1.record.takenAt)
            }
        return Self.latest(tested) { $0.record.environment }
    }

    /// The newest metrics window of each environment.
    public var latestMetrics: [StatusEntry<MetricsRecord>] {
        Self.latest(metrics) { $0.record.environment }
    }

    /// The first entry of each group, in an order that puts production, then staging, first.
    private static func latest<Record>(
        _ newestFirst: [StatusEntry<Record>], groupedBy key: (StatusEntry<Record>) -> String
    ) -> [StatusEntry<Record>] {
        var seen: Set<String> = []
        var result: [StatusEntry<Record>] = []
        for entry in newestFirst where seen.insert(key(entry)).inserted {
            result.append(entry)
        }
        // Environments in reading order; within one, newest first (the order they were found in).
        return result.enumerated()
            .sorted {
                (Environment.rank(key($0.element)).0, $0.offset) < (
                    Environment.rank(key($1.element)).0, $1.offset
                )
            }
            .map(\.element)
    }
}

/// Environment names in the order people look for them.
enum Environment {
    static func rank(_ name: String) -> (Int, String) {
        let lowered = name.lowercased()
        if lowered.hasPrefix("prod") { return (0, lowered) }
        if lowered.hasPrefix("stag") { return (1, lowered) }
        return (2, lowered)
    }
}
