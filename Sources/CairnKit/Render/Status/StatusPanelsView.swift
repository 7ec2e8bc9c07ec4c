/// The dashboard's status panels: the latest deploy, backup and restore test of each
/// environment, the plan's targets against the latest metrics, and fired rollback triggers.
struct StatusPanelsView {
    let hasRecords: Bool
    let deploys: [DeployCard]
    let backups: [BackupCard]
    let targets: [TargetRow]
    let hasTargets: Bool
    let firedTriggers: [TargetRow]
    let hasFiredTriggers: Bool
    let hasTriggers: Bool
    let deploysHref: String
    let backupsHref: String
    let metricsHref: String

    struct DeployCard {
        let environment: String
        let status: String
        let statusClass: String
        let version: String
        let commit: String
        let when: String
        let ago: String
        let duration: String?
        let health: String?
        let healthClass: String
        let checks: [CheckRow]
        let href: String
    }

    struct CheckRow {
        let name: String
        let outcome: String
        let outcomeClass: String
        let detail: String?
    }

    struct BackupCard {
        let environment: String
        let kind: String
        let taken: String
        let takenAgo: String
        let size: String?
        let href: String
        let restore: RestoreSummary?
    }

    struct RestoreSummary {
        let status: String
        let statusClass: String
        let tested: String
        let ago: String
        let duration: String?
        let isStale: Bool
    }

    struct TargetRow {
        let environment: String
        let target: String
        let measured: String
        let outcome: String
        let outcomeClass: String
        let window: String
        let href: String
    }

    /// Restore tests older than this are marked stale on the dashboard.
    static let staleRestoreDays = 7.0

    init(handbook: Handbook, root: String, now: Timestamp) {
        let status = handbook.status
        hasRecords = !status.isEmpty
        deploysHref = root + StatusPages.path(.deploys, page: 1)
        backupsHref = root + StatusPages.path(.backups, page: 1)
        metricsHref = root + StatusPages.path(.metrics, page: 1)
        let deployIndex = Dictionary(
            status.deploys.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first }
        )
        let backupIndex = Dictionary(
            status.backups.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first }
        )
        let metricsIndex = Dictionary(
            status.metrics.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first }
        )
        deploys = status.latestDeploys.map { entry in
            let record = entry.record
            return DeployCard(
                environment: record.environment, status: StatusWords.label(record.status.rawValue),
                statusClass: "outcome-" + StatusWords.outcomeClass(record.status),
                version: record.version,
                commit: record.commit, when: StatusFormat.moment(record.startedAt),
                ago: StatusFormat.age(of: record.startedAt, now: now),
                duration: record.duration.map(StatusFormat.duration),
                health: record.health.map { StatusWords.label($0.status.rawValue) },
                healthClass: "health-" + (record.health?.status.rawValue ?? "unknown"),
                checks: (record.health?.checks ?? []).map(Self.checkRow),
                href: root
                    + StatusPages.href(.deploys, index: deployIndex[entry.id] ?? 0, id: entry.id))
        }
        let restores = Dictionary(
            status.latestRestoreTests.map { ($0.record.environment, $0) },
            uniquingKeysWith: { first, _ in first })
        var cards: [BackupCard] = status.latestBackups.map { entry in
            let record = entry.record
            return BackupCard(
                environment: record.environment, kind: record.kind.rawValue,
                taken: StatusFormat.moment(record.takenAt),
                takenAgo: StatusFormat.age(of: record.takenAt, now: now),
                size: record.sizeBytes.map(StatusFormat.size),
                href: root
                    + StatusPages.href(.backups, index: backupIndex[entry.id] ?? 0, id: entry.id),
                restore: nil)
        }
        for (environment, entry) in restores {
            guard let restore = entry.record.restore,
                let index = cards.firstIndex(where: {
                    $0.environment == environment && $0.kind == entry.record.kind.rawValue
                })
            else { continue }
            let card = cards[index]
            cards[index] = BackupCard(
                environment: card.environment, kind: card.kind, taken: card.taken,
                takenAgo: card.takenAgo, size: card.size,
                href: card.href,
                restore: RestoreSummary(
                    status: restore.status.rawValue,
                    statusClass: "outcome-" + (restore.status == .pass ? "success" : "failure"),
                    tested: StatusFormat.moment(restore.testedAt),
                    ago: StatusFormat.age(of: restore.testedAt, now: now),
                    duration: restore.durationS.map(StatusFormat.duration),
                    isStale: StatusFormat.days(since: restore.testedAt, now: now)
                        > Self.staleRestoreDays))
        }
        backups = cards
        let evaluations = handbook.targetEvaluations
        func row(_ evaluation: TargetEvaluation) -> TargetRow {
            TargetRow(
                environment: evaluation.environment, target: evaluation.target.statement,
                measured: StatusFormat.measure(evaluation.measured.value, evaluation.measured.unit)
                    + (evaluation.measured.stat.map { " (\($0))" } ?? ""),
                outcome: StatusWords.outcome(evaluation),
                outcomeClass: "target-" + evaluation.outcome.rawValue,
                window: "window to \(evaluation.windowEnd.day)",
                href: root
                    + StatusPages.href(
                        .metrics, index: metricsIndex[evaluation.entryID] ?? 0,
                        id: evaluation.entryID))
        }
        targets = evaluations.filter { !$0.target.isRollbackTrigger }.map(row)
        hasTargets = !targets.isEmpty
        let triggers = evaluations.filter(\.target.isRollbackTrigger)
        hasTriggers = !triggers.isEmpty
        firedTriggers = triggers.filter { $0.outcome == .fired }.map(row)
        hasFiredTriggers = !firedTriggers.isEmpty
    }

    static func checkRow(_ check: DeployRecord.HealthCheck) -> CheckRow {
        CheckRow(
            name: check.name, outcome: check.status.rawValue,
            outcomeClass: "outcome-" + (check.status == .pass ? "success" : "failure"),
            detail: [check.latencyMs.map { "\(StatusFormat.decimal($0)) ms" }, check.observed]
                .compactMap { $0 }
                .joined(separator: " · ").nilIfEmpty)
    }
}

/// Words and CSS classes for record states.
enum StatusWords {
    /// `rolled_back` → `rolled back`.
    static func label(_ raw: String) -> String {
        raw.contains("_") ? String(raw.map { $0 == "_" ? " " : $0 }) : raw
    }

    static func outcomeClass(_ status: DeployRecord.Status) -> String {
        switch status {
        case .success: "success"
        case .failure, .error: "failure"
        case .rolledBack: "rollback"
        case .queued, .inProgress, .cancelled: "other"
        }
    }

    /// `met by 0.05 %`, `missed by 12 ms`, `fired: 6 % > 5 %`.
    static func outcome(_ evaluation: TargetEvaluation) -> String {
        let margin =
            evaluation.margin.map { StatusFormat.measure($0, evaluation.target.unit) } ?? ""
        switch evaluation.outcome {
        case .met: return "met, by \(margin)"
        case .missed: return "missed, by \(margin)"
        case .fired: return "fired"
        case .quiet: return "not fired"
        case .unitMismatch:
            return
                "cannot compare: measured in \(evaluation.measured.unit), target in \(evaluation.target.unit.isEmpty ? "no unit" : evaluation.target.unit)"
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension StatusPanelsView: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "hasRecords": .of(hasRecords)
        case "deploys": .of(deploys)
        case "hasDeploys": .of(!deploys.isEmpty)
        case "backups": .of(backups)
        case "hasBackups": .of(!backups.isEmpty)
        case "targets": .of(targets)
        case "hasTargets": .of(hasTargets)
        case "firedTriggers": .of(firedTriggers)
        case "hasFiredTriggers": .of(hasFiredTriggers)
        case "hasTriggers": .of(hasTriggers)
        case "deploysHref": .of(deploysHref)
        case "backupsHref": .of(backupsHref)
        case "metricsHref": .of(metricsHref)
        default: nil
        }
    }
}

extension StatusPanelsView.DeployCard: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "environment": .of(environment)
        case "status": .of(status)
        case "statusClass": .of(statusClass)
        case "version": .of(version)
        case "commit": .of(commit)
        case "when": .of(when)
        case "ago": .of(ago)
        case "duration": .of(duration)
        case "health": .of(health)
        case "healthClass": .of(healthClass)
        case "checks": .of(checks)
        case "hasChecks": .of(!checks.isEmpty)
        case "href": .of(href)
        default: nil
        }
    }
}

extension StatusPanelsView.CheckRow: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "name": .of(self.name)
        case "outcome": .of(outcome)
        case "outcomeClass": .of(outcomeClass)
        case "detail": .of(detail)
        default: nil
        }
    }
}

extension StatusPanelsView.BackupCard: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "environment": .of(environment)
        case "kind": .of(kind)
        case "taken": .of(taken)
        case "takenAgo": .of(takenAgo)
        case "size": .of(size)
        case "href": .of(href)
        case "restore": .of(restore)
        default: nil
        }
    }
}

extension StatusPanelsView.RestoreSummary: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "status": .of(status)
        case "statusClass": .of(statusClass)
        case "tested": .of(tested)
        case "ago": .of(ago)
        case "duration": .of(duration)
        case "isStale": .of(isStale)
        default: nil
        }
    }
}

extension StatusPanelsView.TargetRow: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "environment": .of(environment)
        case "target": .of(target)
        case "measured": .of(measured)
        case "outcome": .of(outcome)
        case "outcomeClass": .of(outcomeClass)
        case "window": .of(window)
        case "href": .of(href)
        default: nil
        }
    }
}
