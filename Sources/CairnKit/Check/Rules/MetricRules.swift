/// The latest metrics of an environment miss one of the plan's targets.
struct MissedTargetRule: Rule {
    let id = DiagnosticID(rawValue: "metric.missed-target")
    let severity = Diagnostic.Severity.warning
    let summary = "A metric in the latest window misses its target."

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.handbook.targetEvaluations.compactMap { evaluation in
            guard evaluation.outcome == .missed || evaluation.outcome == .unitMismatch else {
                return nil
            }
            let location =
                context.handbook.status.metrics.first { $0.id == evaluation.entryID }?.location
                ?? evaluation.target.location
            let measured = StatusFormat.measure(evaluation.measured.value, evaluation.measured.unit)
            if evaluation.outcome == .unitMismatch {
                return finding(
                    "\(evaluation.measured.name) in \(evaluation.environment) is measured in \(evaluation.measured.unit), which does not convert to the unit of the target \(evaluation.target.statement)",
                    at: location,
                    hint:
                        "record the value in \(evaluation.target.unit.isEmpty ? "the target's unit" : evaluation.target.unit)"
                )
            }
            return finding(
                "\(evaluation.measured.name) in \(evaluation.environment) was \(measured) in the window to \(evaluation.windowEnd.day), missing the target \(evaluation.target.statement) (\(evaluation.target.location.path):\(evaluation.target.location.line)) by \(StatusFormat.measure(evaluation.margin ?? 0, evaluation.target.unit))",
                at: location, hint: "investigate before the next step, or revisit the target")
        }
    }
}

/// A rollback trigger's condition holds in the latest metrics of an environment.
struct FiredTriggerRule: Rule {
    let id = DiagnosticID(rawValue: "metric.trigger-fired")
    let severity = Diagnostic.Severity.error
    let summary = "A rollback trigger fired in the latest metrics."

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.handbook.targetEvaluations.compactMap { evaluation in
            guard evaluation.outcome == .fired else { return nil }
            let location =
                context.handbook.status.metrics.first { $0.id == evaluation.entryID }?.location
                ?? evaluation.target.location
            return finding(
                "rollback trigger \(evaluation.target.statement) fired in \(evaluation.environment): \(StatusFormat.measure(evaluation.measured.value, evaluation.measured.unit)) in the window to \(evaluation.windowEnd.day)",
                at: location, hint: "follow the rollback procedure")
        }
    }
}
