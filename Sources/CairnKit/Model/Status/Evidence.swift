/// A status record that names a task in its `evidence_for`, and whether it bears the task out.
public struct Evidence: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case deploy
        case backup
        case metrics
    }

    public enum Verdict: String, Sendable, Equatable, Codable {
        /// A successful deploy, a passing restore test.
        case supports
        /// A failed deploy, a failed or partial restore test.
        case contradicts
        /// A record that says neither (a backup without a restore test, a metrics window).
        case neutral
    }

    public var kind: Kind
    public var entryID: String
    public var summary: String
    public var verdict: Verdict
    public var timestamp: Timestamp
}

extension StatusHistory {
    /// The evidence for each task id, newest first, from records sorted newest first.
    static func evidenceIndex(
        deploys: [StatusEntry<DeployRecord>], backups: [StatusEntry<BackupRecord>],
        metrics: [StatusEntry<MetricsRecord>]
    ) -> [String: [Evidence]] {
        var index: [String: [Evidence]] = [:]
        func add(_ ids: [String]?, _ evidence: Evidence) {
            for id in ids ?? [] { index[id, default: []].append(evidence) }
        }
        for entry in deploys where entry.record.evidenceFor != nil {
            let record = entry.record
            let verdict: Evidence.Verdict =
                switch record.status {
                case .success: .supports
                case .failure, .error, .rolledBack: .contradicts
                case .queued, .inProgress, .cancelled: .neutral
                }
            add(
                record.evidenceFor,
                Evidence(
                    kind: .deploy, entryID: entry.id,
                    summary:
                        "deploy \(record.status.rawValue.replacingOccurrences(of: "_", with: " ")) · \(record.version)",
                    verdict: verdict, timestamp: record.startedAt))
        }
        for entry in backups where entry.record.evidenceFor != nil {
            let record = entry.record
            let verdict: Evidence.Verdict
            let summary: String
            if let restore = record.restore {
                verdict = restore.status == .pass ? .supports : .contradicts
                summary = "restore test \(restore.status.rawValue)"
            } else {
                verdict = .neutral
                summary = "\(record.kind.rawValue) backup"
            }
            add(
                record.evidenceFor,
                Evidence(
                    kind: .backup, entryID: entry.id, summary: summary, verdict: verdict,
                    timestamp: record.restore?.testedAt ?? record.takenAt))
        }
        for entry in metrics where entry.record.evidenceFor != nil {
            add(
                entry.record.evidenceFor,
                Evidence(
                    kind: .metrics, entryID: entry.id,
                    summary: "metrics to \(entry.record.window.to.day)",
                    verdict: .neutral, timestamp: entry.record.window.to))
        }
        return index.mapValues { $0.sorted { $0.timestamp > $1.timestamp } }
    }
}
