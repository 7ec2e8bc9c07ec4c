/// Builds the rows and charts of the three history pages from the status records. Rows are
/// plain dictionaries of display strings: every value is text for the template to escape.
struct StatusHistoryPages {
    let handbook: Handbook
    let now: Timestamp
    /// Worked out once: every page of a kind shows the same summary.
    private let deploySummary: String
    private let backupSummary: String
    private let metricsSummary: String

    init(handbook: Handbook, now: Timestamp) {
        self.handbook = handbook
        self.now = now
        deploySummary = Self.deploySummary(handbook.status.deploys)
        backupSummary = Self.backupSummary(handbook.status.backups)
        metricsSummary = Self.metricsSummary(handbook.status.metrics)
    }

    var pageCounts: [(kind: StatusPages.Kind, pages: Int)] {
        [
            (.deploys, StatusPages.pageCount(rows: handbook.status.deploys.count)),
            (.backups, StatusPages.pageCount(rows: handbook.status.backups.count)),
            (.metrics, StatusPages.pageCount(rows: handbook.status.metrics.count)),
        ]
    }

    func page(_ kind: StatusPages.Kind, number: Int) -> HistoryPageView {
        let status = handbook.status
        return switch kind {
        case .deploys: page(kind, number, status.deploys, deployRow, deploySummary) { deployCharts }
        case .backups:
            page(kind, number, status.backups, backupRow, backupSummary) { restoreCharts }
        case .metrics:
            page(kind, number, status.metrics, metricsRow, metricsSummary) { metricCharts }
        }
    }

    /// One page of `entries` (newest first), with the charts on the first page only.
    private func page<Record>(
        _ kind: StatusPages.Kind, _ number: Int, _ entries: [StatusEntry<Record>],
        _ row: (StatusEntry<Record>) -> [String: Any], _ summary: String,
        charts: () -> [HistoryPageView.Chart]
    ) -> HistoryPageView {
        let start = min((number - 1) * StatusPages.rowsPerPage, entries.count)
        let slice = entries[start..<min(start + StatusPages.rowsPerPage, entries.count)]
        return HistoryPageView(
            kind: kind, pageNumber: number, handbook: handbook, rows: slice.map(row),
            totalRows: entries.count,
            summary: summary, charts: number == 1 ? charts() : [])
    }

    // MARK: Deploys

    private static func deploySummary(_ deploys: [StatusEntry<DeployRecord>]) -> String {
        guard !deploys.isEmpty else {
            return "No deploys recorded yet: CI writes them with `cairn record deploy`."
        }
        var counts: [String: Int] = [:]
        for entry in deploys {
            counts[StatusWords.label(entry.record.status.rawValue), default: 0] += 1
        }
        let parts = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map {
            "\($0.value) \($0.key)"
        }
        return "\(CountedNoun.phrase(deploys.count, "deploy")): \(parts.joined(separator: ", "))."
    }

    private var deployCharts: [HistoryPageView.Chart] {
        let deploys = handbook.status.deploys
        guard let newest = deploys.first?.record.startedAt else { return [] }
        let lastDay = Timestamp.daysSince1970(
            year: newest.components.year, month: newest.components.month, day: newest.components.day
        )
        let firstDay = max(
            lastDay - 59,
            deploys.map { Int(($0.record.startedAt.secondsSince1970 / 86_400).rounded(.down)) }
                .min() ?? lastDay)
        var buckets: [Int: [String: Int]] = [:]
        for entry in deploys {
            let day = Int((entry.record.startedAt.secondsSince1970 / 86_400).rounded(.down))
            guard day >= firstDay else { continue }
            buckets[day, default: [:]][StatusWords.outcomeClass(entry.record.status), default: 0] +=
                1
        }
        let kinds = [
            ("success", "succeeded"), ("failure", "failed"), ("rollback", "rolled back"),
            ("other", "other"),
        ]
        let bars = (firstDay...lastDay).map { day in
            Charts.DailyBar(
                day: Timestamp(secondsSince1970: Double(day) * 86_400).day,
                segments: kinds.map { ("outcome-" + $0.0, buckets[day]?[$0.0] ?? 0, $0.1) })
        }
        let svg = Charts.stackedBars(
            id: "deploy-outcomes", title: "Deploy outcomes per day", summary: deploySummary,
            bars: bars)
        return [
            HistoryPageView.Chart(
                svg: svg,
                caption:
                    "Deploy outcomes per day, \(bars.first?.day ?? "") to \(bars.last?.day ?? "")")
        ]
    }

    private func deployRow(_ entry: StatusEntry<DeployRecord>) -> [String: Any] {
        let record = entry.record
        var row: [String: Any] = [
            "id": entry.id, "file": entry.location.path, "environment": record.environment,
            "status": StatusWords.label(record.status.rawValue),
            "statusClass": "outcome-" + StatusWords.outcomeClass(record.status),
            "version": record.version, "commit": record.commit,
            "when": StatusFormat.moment(record.startedAt),
        ]
        row["ref"] = record.ref
        row["duration"] = record.duration.map(StatusFormat.duration)
        if let health = record.health {
            row["health"] = StatusWords.label(health.status.rawValue)
            row["healthClass"] = "health-" + health.status.rawValue
            let checks = health.checks ?? []
            if !checks.isEmpty {
                row["checks"] = checks.map { check -> [String: Any] in
                    var item: [String: Any] = [
                        "name": check.name, "outcome": check.status.rawValue,
                        "outcomeClass": "outcome-" + (check.status == .pass ? "success" : "failure")
                        ,
                    ]
                    item["detail"] = StatusPanelsView.checkRow(check).detail
                    return item
                }
            }
        }
        row["actor"] = record.actor
        row["notes"] = record.notes
        row["url"] = SafeLink.http(record.url ?? record.producer?.runURL)
        row["rollbackOf"] = record.rollbackOf
        if let migrations = record.migrations {
            row["migrations"] =
                "\(migrations.applied) applied" + (migrations.status.map { ", \($0)" } ?? "")
        }
        row["evidence"] = record.evidenceFor?.joined(separator: ", ")
        return row
    }

    // MARK: Backups

    private static func backupSummary(_ backups: [StatusEntry<BackupRecord>]) -> String {
        guard !backups.isEmpty else {
            return "No backups recorded yet: CI writes them with `cairn record backup`."
        }
        let tested = backups.compactMap(\.record.restore)
        let passed = tested.filter { $0.status == .pass }.count
        return
            "\(CountedNoun.phrase(backups.count, "backup")), \(tested.count) restore-tested: \(passed) passed, \(tested.count - passed) did not."
    }

    private var restoreCharts: [HistoryPageView.Chart] {
        let tests = handbook.status.backups.compactMap { entry in
            entry.record.restore.map { (entry, $0) }
        }
        .filter { $0.1.durationS != nil }.prefix(200)
        guard !tests.isEmpty else { return [] }
        let points = tests.map { _, restore in
            Charts.Point(
                time: restore.testedAt.secondsSince1970, value: (restore.durationS ?? 0) / 60,
                label: restore.testedAt.day,
                isBad: restore.status != .pass)
        }
        let rto = handbook.documents.lazy.flatMap(\.targets).first {
            !$0.isRollbackTrigger && $0.id == "rto"
        }
        let threshold = rto.flatMap { target in
            MetricUnit.convert(target.value, from: target.unit, to: "min").map {
                ($0, "RTO \(target.comparison.rawValue) \(StatusFormat.decimal($0)) min")
            }
        }
        let summary =
            "Restore durations of the last \(points.count) tests; crosses mark tests that did not pass."
        let svg = Charts.line(
            id: "restore-durations", title: "Restore test durations (minutes)", summary: summary,
            points: Array(points), unit: "min", threshold: threshold, startsAtZero: true)
        return [
            HistoryPageView.Chart(
                svg: svg,
                caption: "Restore test durations in minutes; ✕ marks a test that did not pass")
        ]
    }

    private func backupRow(_ entry: StatusEntry<BackupRecord>) -> [String: Any] {
        let record = entry.record
        var row: [String: Any] = [
            "id": entry.id, "file": entry.location.path, "environment": record.environment,
            "kind": record.kind.rawValue,
            "taken": StatusFormat.moment(record.takenAt),
        ]
        row["tool"] = record.tool?.rawValue
        row["backupID"] = record.backupID
        row["size"] = record.sizeBytes.map(StatusFormat.size)
        row["encrypted"] = record.encrypted.map { $0 ? "encrypted" : "not encrypted" }
        row["retention"] = record.retentionDays.map { CountedNoun.phrase($0, "day") }
        if let restore = record.restore {
            var view: [String: Any] = [
                "status": restore.status.rawValue,
                "statusClass": "outcome-" + (restore.status == .pass ? "success" : "failure"),
                "tested": StatusFormat.moment(restore.testedAt),
            ]
            view["duration"] = restore.durationS.map(StatusFormat.duration)
            view["rto"] = restore.rtoS.map(StatusFormat.duration)
            view["rpo"] = restore.rpoS.map(StatusFormat.duration)
            let checks = (restore.checks ?? []).map { check -> [String: Any] in
                var item: [String: Any] = [
                    "name": check.name, "outcome": check.status.rawValue,
                    "outcomeClass": "outcome-" + (check.status == .pass ? "success" : "failure"),
                ]
                item["detail"] =
                    [
                        check.expected.map { "expected \($0)" },
                        check.observed.map { "observed \($0)" },
                    ]
                    .compactMap { $0 }.joined(separator: ", ").nilIfEmpty
                return item
            }
            if !checks.isEmpty { view["checks"] = checks }
            row["restore"] = view
        }
        row["notes"] = record.notes
        row["evidence"] = record.evidenceFor?.joined(separator: ", ")
        return row
    }

    // MARK: Metrics

    private static func metricsSummary(_ windows: [StatusEntry<MetricsRecord>]) -> String {
        guard !windows.isEmpty else {
            return "No metrics recorded yet: CI writes them with `cairn record metrics`."
        }
        return
            "\(CountedNoun.phrase(windows.count, "metrics window")), newest first; each value is checked against the plan's targets."
    }

    private var metricCharts: [HistoryPageView.Chart] {
        let windows = handbook.status.metrics.prefix(200)
        var charts: [HistoryPageView.Chart] = []
        var usedIDs: Set<String> = []
        let targets = handbook.distinctTargets.filter { !$0.isRollbackTrigger }
        let environments = Array(Set(windows.map(\.record.environment))).sorted {
            Environment.rank($0) < Environment.rank($1)
        }
        for target in targets {
            for environment in environments {
                let points: [Charts.Point] = windows.filter { $0.record.environment == environment }
                    .compactMap { entry in
                        guard
                            let measured = TargetEvaluation.match(target, in: entry.record.values),
                            let value = MetricUnit.convert(
                                measured.value, from: measured.unit, to: target.unit)
                        else { return nil }
                        return Charts.Point(
                            time: entry.record.window.to.secondsSince1970, value: value,
                            label: entry.record.window.to.day,
                            isBad: !target.comparison.holds(value, against: target.value))
                    }
                guard !points.isEmpty else { continue }
                let title = "\(target.name) in \(environment) against \(target.statement)"
                let baseID = "metric-\(target.id)-\(Slug.compact(environment))"
                var id = baseID
                var suffix = 1
                while !usedIDs.insert(id).inserted {
                    suffix += 1
                    id = "\(baseID)-\(suffix)"
                }
                let svg = Charts.line(
                    id: id, title: title,
                    summary:
                        "\(points.count) windows; crosses mark windows that missed the target.",
                    points: points,
                    unit: target.unit,
                    threshold: (
                        target.value,
                        "target \(target.comparison.rawValue) \(StatusFormat.measure(target.value, target.unit))"
                    ),
                    startsAtZero: false)
                charts.append(HistoryPageView.Chart(svg: svg, caption: title))
            }
        }
        return charts
    }

    private func metricsRow(_ entry: StatusEntry<MetricsRecord>) -> [String: Any] {
        let record = entry.record
        let targets = handbook.distinctTargets
        let values = record.values.map { value -> [String: Any] in
            var cell: [String: Any] = [
                "name": value.name, "measure": StatusFormat.measure(value.value, value.unit),
            ]
            cell["stat"] = value.stat
            let matching = targets.filter { TargetEvaluation.match($0, in: [value]) != nil }
            if let target = matching.first(where: { !$0.isRollbackTrigger }),
                let converted = MetricUnit.convert(value.value, from: value.unit, to: target.unit)
            {
                let holds = target.comparison.holds(converted, against: target.value)
                cell["outcome"] = holds ? "met" : "missed"
                cell["outcomeClass"] = "target-" + (holds ? "met" : "missed")
                cell["target"] = target.statement
            }
            let fired = matching.filter { trigger in
                trigger.isRollbackTrigger
                    && MetricUnit.convert(value.value, from: value.unit, to: trigger.unit).map {
                        trigger.comparison.holds($0, against: trigger.value)
                    } == true
            }
            if let trigger = fired.first { cell["firedTrigger"] = trigger.statement }
            return cell
        }
        var row: [String: Any] = [
            "id": entry.id, "file": entry.location.path, "environment": record.environment,
            "from": StatusFormat.moment(record.window.from),
            "to": StatusFormat.moment(record.window.to), "values": values,
        ]
        row["notes"] = record.notes
        row["evidence"] = record.evidenceFor?.joined(separator: ", ")
        return row
    }
}
