/// A plan target checked against the newest metrics window of an environment: met or missed
/// and by how much, or, for a rollback trigger, fired or not.
public struct TargetEvaluation: Sendable, Equatable {
    public enum Outcome: String, Sendable, Equatable, Codable {
        case met
        case missed
        /// A rollback trigger whose condition holds.
        case fired
        /// A rollback trigger whose condition does not hold.
        case quiet
        /// The measured unit cannot be converted to the target's (units are never guessed).
        case unitMismatch = "unit_mismatch"
    }

    public var target: Target
    public var environment: String
    /// The metrics record the value came from.
    public var entryID: String
    public var windowEnd: Timestamp
    public var measured: MetricsRecord.Value
    /// The measured value in the target's unit, when the units convert.
    public var value: Double?
    public var outcome: Outcome
    /// How far the value is from the threshold, in the target's unit.
    public var margin: Double?

    /// Evaluates each target against the newest window of each environment that measures it.
    public static func evaluate(
        _ targets: [Target], against latestWindows: [StatusEntry<MetricsRecord>]
    ) -> [TargetEvaluation] {
        var evaluations: [TargetEvaluation] = []
        for target in targets {
            for window in latestWindows {
                guard let measured = match(target, in: window.record.values) else { continue }
                let value = MetricUnit.convert(measured.value, from: measured.unit, to: target.unit)
                let outcome: Outcome
                if let value {
                    let holds = target.comparison.holds(value, against: target.value)
                    outcome =
                        target.isRollbackTrigger
                        ? (holds ? .fired : .quiet) : (holds ? .met : .missed)
                } else {
                    outcome = .unitMismatch
                }
                evaluations.append(
                    TargetEvaluation(
                        target: target, environment: window.record.environment, entryID: window.id,
                        windowEnd: window.record.window.to, measured: measured, value: value,
                        outcome: outcome,
                        margin: value.map { abs($0 - target.value) }))
            }
        }
        return evaluations
    }

    /// The value that measures `target`: named by the target's id, or by its name (ignoring
    /// case), preferring the target's statistic when several match.
    static func match(_ target: Target, in values: [MetricsRecord.Value]) -> MetricsRecord.Value? {
        let candidates = values.filter { value in
            value.target.map { $0 == target.id }
                ?? (value.name.lowercased() == target.name.lowercased())
        }
        if let aggregation = target.aggregation,
            let exact = candidates.first(where: { $0.stat?.lowercased() == aggregation })
        {
            return exact
        }
        return candidates.first
    }
}

/// Conversions between units that measure the same thing; anything else is not converted.
public enum MetricUnit {
    private static let families: [[String: Double]] = [
        ["%": 0.01, "ratio": 1],
        ["ms": 0.001, "s": 1, "sec": 1, "min": 60, "h": 3_600],
        ["b": 1, "kb": 1_000, "mb": 1_000_000, "gb": 1_000_000_000],
    ]

    /// `value` in `from` expressed in `to`; nil when the units are not of one family.
    public static func convert(_ value: Double, from: String, to: String) -> Double? {
        let source = from.lowercased().trimmingWhitespace()
        let destination = to.lowercased().trimmingWhitespace()
        if source == destination { return value }
        for family in families {
            if let sourceScale = family[source], let destinationScale = family[destination] {
                return value * sourceScale / destinationScale
            }
        }
        return nil
    }
}
