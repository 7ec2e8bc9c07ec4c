/// A phase declared Complete, or marked ✅ in its heading, that still has open tasks.
struct CompletePhaseRule: DocumentRule {
    let id = DiagnosticID(rawValue: "phase.complete-with-open-tasks")
    let severity = Diagnostic.Severity.error
    let summary = "A phase is declared Complete, or marked ✅, while tasks in it are unticked."

    func check(_ document: Document, _ context: CheckContext) -> [Diagnostic] {
        document.phases.compactMap { phase in
            // The claim first: most phases make none, and need no list of open tasks.
            guard phase.declaredStatus == .complete || phase.isMarkedComplete else { return nil }
            let open = phase.tasks.filter(\.isOpen)
            guard !open.isEmpty else { return nil }
            var claims: [String] = []
            if phase.isMarkedComplete { claims.append("marked ✅ in its heading") }
            if phase.declaredStatus == .complete {
                claims.append("declared Complete")
            } else if let status = phase.declaredStatusText {
                claims.append("while declared \(status)")
            }
            return finding(
                "\(phase.numberedTitle) is \(claims.joined(separator: " ")) but \(open.count) of \(CountedNoun.phrase(phase.progress.total, "task")) \(open.count == 1 ? "is" : "are") unticked: \(StepName.list(open))",
                at: phase.location,
                hint: phase.isMarkedComplete && phase.declaredStatus != .complete
                    ? "remove the ✅ from the heading until every task is ticked"
                    : "tick the remaining tasks or set **Status:** back to In Progress")
        }
    }
}

/// A phase declared Not Started that already has ticked tasks.
struct NotStartedPhaseRule: DocumentRule {
    let id = DiagnosticID(rawValue: "phase.not-started-with-ticks")
    let severity = Diagnostic.Severity.warning
    let summary = "A phase is declared Not Started while some of its tasks are ticked."

    func check(_ document: Document, _ context: CheckContext) -> [Diagnostic] {
        document.phases.compactMap { phase in
            guard phase.declaredStatus == .notStarted else { return nil }
            let ticked = phase.tasks.filter { $0.isChecked && !$0.isDescoped }
            guard !ticked.isEmpty else { return nil }
            return finding(
                "\(phase.numberedTitle) is declared Not Started but \(ticked.count) of its tasks \(ticked.count == 1 ? "is" : "are") ticked: \(StepName.list(ticked))",
                at: phase.location, hint: "set **Status:** to In Progress")
        }
    }
}

/// A declared status that is not one of Not Started, In Progress, Complete, Blocked.
struct UnknownStatusRule: DocumentRule {
    let id = DiagnosticID(rawValue: "phase.unknown-status")
    let severity = Diagnostic.Severity.warning
    let summary = "A phase declares a status that is not one of the known ones."

    func check(_ document: Document, _ context: CheckContext) -> [Diagnostic] {
        document.phases.compactMap { phase in
            guard let text = phase.declaredStatusText, phase.declaredStatus == nil else {
                return nil
            }
            return finding(
                "\(phase.numberedTitle) declares the status '\(text)', which is not one of \(PhaseStatus.allCases.map(\.label).joined(separator: ", "))",
                at: phase.location, hint: "write one of the known statuses after **Status:**")
        }
    }
}
