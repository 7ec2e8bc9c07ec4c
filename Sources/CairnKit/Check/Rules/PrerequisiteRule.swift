import Foundation

/// A step has started while a prerequisite still has open tasks: a `Pre-…` checklist before
/// its sibling sections, the previous phase's deliverables before a phase, or what a
/// `**Requires:**` line names.
struct PrerequisiteRule: DocumentRule {
    let id = DiagnosticID(rawValue: "prerequisite.unticked")
    let severity = Diagnostic.Severity.error
    let summary = "A step has started while one of its prerequisites has unticked tasks."

    func check(_ document: Document, _ context: CheckContext) -> [Diagnostic] {
        phaseFindings(in: document, context)
            + checklistFindings(in: document.sections, document: document)
    }

    private func phaseFindings(in document: Document, _ context: CheckContext) -> [Diagnostic] {
        let phases = document.phases
        guard !phases.isEmpty else { return [] }
        // Each phase with its section: the phases are in the order their headings stand, so
        // one walk through the sections pairs them, each anchor being the document's only one.
        var phaseSections: [(phase: Phase, section: Section)] = []
        phaseSections.reserveCapacity(phases.count)
        for section in document.allSections where phaseSections.count < phases.count {
            let phase = phases[phaseSections.count]
            if section.kind == .heading, section.anchor == phase.anchor {
                phaseSections.append((phase, section))
            }
        }
        if phaseSections.count < phases.count {
            // A document made some other way, its phases in another order: by anchor.
            let phaseByAnchor = Dictionary(
                phases.map { ($0.anchor, $0) }, uniquingKeysWith: { first, _ in first })
            phaseSections = document.allSections.compactMap { section in
                guard section.kind == .heading, let phase = phaseByAnchor[section.anchor] else {
                    return nil
                }
                return (phase, section)
            }
        }
        var findings: [Diagnostic] = []
        for (index, (phase, section)) in phaseSections.enumerated() {
            guard let reason = startReason(phase, section: section, context) else { continue }
            var prerequisites: [(name: String, tasks: [PlanTask])] = []
            if !section.requires.isEmpty {
                for name in section.requires {
                    let open = context.sections(named: name).flatMap { $0.openTasks }
                    prerequisites.append((name, open))
                }
            } else if index > 0 {
                let (previousPhase, previous) = phaseSections[index - 1]
                // Only a title with the word in it can read `deliverables` once normalized.
                let deliverables = previous.children.first {
                    $0.title.containsIgnoringASCIICase("deliverables")
                        && StepName.normalized($0.title) == "deliverables"
                }
                let title = previousPhase.numberedTitle
                let name = deliverables == nil ? title : "\(title) deliverables"
                prerequisites.append((name, (deliverables ?? previous).openTasks))
            }
            for prerequisite in prerequisites where !prerequisite.tasks.isEmpty {
                findings.append(
                    finding(
                        "\(phase.numberedTitle) has started (\(reason)) but its prerequisite \(prerequisite.name) has \(prerequisite.tasks.count) unticked: \(StepName.list(prerequisite.tasks))",
                        at: section.location,
                        hint:
                            "finish \(prerequisite.name) first, or name the real prerequisites in a **Requires:** line"
                    ))
            }
        }
        return findings
    }

    /// Why a phase counts as started, or nil when it has not.
    private func startReason(_ phase: Phase, section: Section, _ context: CheckContext) -> String? {
        if phase.declaredStatus == .inProgress || phase.declaredStatus == .complete {
            return "declared \(phase.declaredStatus?.label ?? "")"
        }
        if section.hasTickedTasks { return "tasks are ticked" }
        let deployed = phase.tasks.contains { task in
            context.evidence[task.id]?.contains { $0.kind == .deploy } == true
        }
        return deployed ? "a deploy is recorded for it" : nil
    }

    private func checklistFindings(in sections: [Section], document: Document) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for checklist in sections where checklist.isPrerequisite {
            let open = checklist.openTasks
            guard !open.isEmpty else { continue }
            for sibling in sections
            where sibling.anchor != checklist.anchor && !sibling.isPrerequisite
                && sibling.hasTickedTasks
            {
                findings.append(
                    finding(
                        "\(sibling.title) has started (tasks are ticked) but its prerequisite \(checklist.title) has \(open.count) unticked: \(StepName.list(open))",
                        at: sibling.location,
                        hint: "tick \(checklist.title) before working on \(sibling.title)"))
            }
        }
        for section in sections {
            findings += checklistFindings(in: section.children, document: document)
        }
        return findings
    }
}
