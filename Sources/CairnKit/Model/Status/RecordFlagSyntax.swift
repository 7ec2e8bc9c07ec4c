/// The short forms `cairn record` takes on its command line for the parts of a record that
/// repeat: health checks, restore checks and measured values.
/// `NAME:pass|fail[:MORE…]` split at the first `pass` or `fail` after the name (names may
/// hold colons): the name, the outcome, and the fields after it (the last one keeps its colons).
private func splitCheckFlag(_ flag: String) -> (
    name: String, status: CheckOutcome, first: String?, rest: String?
)? {
    let parts = flag.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    guard
        let statusIndex = parts.indices.dropFirst().first(where: {
            CheckOutcome(rawValue: parts[$0]) != nil
        }),
        let status = CheckOutcome(rawValue: parts[statusIndex])
    else { return nil }
    let name = parts[..<statusIndex].joined(separator: ":")
    let after = Array(parts[(statusIndex + 1)...])
    guard !name.isEmpty else { return nil }
    return (
        name, status, after.first.flatMap { $0.isEmpty ? nil : $0 },
        after.count > 1 ? after[1...].joined(separator: ":") : nil
    )
}

extension DeployRecord.HealthCheck {
    /// `NAME:pass|fail[:LATENCY_MS[:OBSERVED]]`, e.g. `/health:pass:120`.
    public init?(flag: String) {
        guard let parts = splitCheckFlag(flag) else { return nil }
        var latency: Double?
        if let first = parts.first {
            guard let value = Double(first), value >= 0 else { return nil }
            latency = value
        }
        self.init(name: parts.name, status: parts.status, latencyMs: latency, observed: parts.rest)
    }
}

extension BackupRecord.RestoreCheck {
    /// `NAME:pass|fail[:EXPECTED[:OBSERVED]]`, e.g. `row counts:fail:3518:3101`.
    public init?(flag: String) {
        guard let parts = splitCheckFlag(flag) else { return nil }
        self.init(
            name: parts.name, status: parts.status, expected: parts.first, observed: parts.rest)
    }
}

extension MetricsRecord.Value {
    /// `NAME=VALUE UNIT[@STAT]`, e.g. `Uptime=99.95%`, `Response time=512ms@p95`. The unit is
    /// required: units are never guessed.
    public init?(flag: String) {
        guard let equals = flag.lastIndex(of: "=") else { return nil }
        let name = flag[..<equals].trimmingWhitespace()
        var measure = Substring(flag[flag.index(after: equals)...])
        var stat: String?
        if let at = measure.lastIndex(of: "@") {
            stat = measure[measure.index(after: at)...].trimmingWhitespace()
            measure = measure[..<at]
        }
        var scanner = TextScanner(measure.trimmingWhitespace())
        guard let value = scanner.scanDecimal() else { return nil }
        scanner.skipSpaces()
        let unit = String(scanner.rest).trimmingWhitespace()
        guard !name.isEmpty, !unit.isEmpty, !unit.contains(" ") else { return nil }
        self.init(name: name, value: value, unit: unit, stat: stat?.isEmpty == false ? stat : nil)
    }
}

extension DeployRecord {
    /// The time a deploy's file is named by.
    public var recordedAt: Timestamp { startedAt }
}

extension BackupRecord {
    public var recordedAt: Timestamp { takenAt }
}

extension MetricsRecord {
    public var recordedAt: Timestamp { window.to }
}
