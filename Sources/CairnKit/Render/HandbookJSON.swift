import Foundation

/// `handbook.json`: the whole model in the stable `cairn.handbook/v1` shape that tools and
/// tests read. Fields may be added; none may change meaning within v1.
struct HandbookJSON: Encodable {
    static let schema = "cairn.handbook/v1"

    let schema = HandbookJSON.schema
    let title: String
    let progress: Progress
    let documents: [DocumentEntry]
    let phases: [PhaseEntry]
    let checklists: [ChecklistEntry]
    let targets: [TargetEntry]
    let procedures: [ProcedureEntry]
    let workflows: [WorkflowEntry]
    let tasks: [TaskEntry]
    let status: StatusJSON
    let findings: [FindingEntry]

    struct DocumentEntry: Encodable {
        let path: String
        let title: String
        let page: String
        let progress: Progress
        let sections: [SectionEntry]
    }

    struct SectionEntry: Encodable {
        let title: String
        let anchor: String
        let kind: Section.Kind
        let level: Int
        let line: Int
        let progress: Progress
        let checklist: Bool
        let prerequisite: Bool
        let requires: [String]
        let tasks: [TaskTree]
        let sections: [SectionEntry]

        init(_ section: Section) {
            title = section.title
            anchor = section.anchor
            kind = section.kind
            level = section.level
            line = section.location.line
            progress = section.progress
            checklist = section.isChecklist
            prerequisite = section.isPrerequisite
            requires = section.requires
            tasks = section.tasks.map(TaskTree.init)
            sections = section.children.map(SectionEntry.init)
        }
    }

    struct TaskTree: Encodable {
        let id: String
        let text: String
        let checked: Bool
        let done: Bool
        let descoped: Bool
        let line: Int
        let children: [TaskTree]

        init(_ task: PlanTask) {
            id = task.id
            text = task.text
            checked = task.isChecked
            done = task.isDone
            descoped = task.isDescoped
            line = task.location.line
            children = task.children.map(TaskTree.init)
        }
    }

    struct TaskEntry: Encodable {
        let id: String
        let text: String
        let checked: Bool
        let done: Bool
        let descoped: Bool
        let document: String
        let line: Int
        let column: Int
    }

    struct PhaseEntry: Encodable {
        let number: Int
        let title: String
        let declaredStatus: String?
        let declaredStatusText: String?
        let markedComplete: Bool
        let estimate: EstimateEntry?
        let progress: Progress
        let requires: [String]
        let document: String
        let anchor: String
        let line: Int

        enum CodingKeys: String, CodingKey {
            case number, title, estimate, progress, requires, document, anchor, line
            case declaredStatus = "declared_status"
            case declaredStatusText = "declared_status_text"
            case markedComplete = "marked_complete"
        }
    }

    struct EstimateEntry: Encodable {
        let text: String
        let minDays: Double?
        let maxDays: Double?

        enum CodingKeys: String, CodingKey {
            case text
            case minDays = "min_days"
            case maxDays = "max_days"
        }
    }

    struct ChecklistEntry: Encodable {
        let title: String
        let progress: Progress
        let prerequisite: Bool
        let parent: String?
        let gates: [String]
        let document: String
        let anchor: String
        let line: Int
    }

    struct TargetEntry: Encodable {
        let name: String
        let `operator`: String
        let value: Double
        let unit: String
        let aggregation: String?
        let rollbackTrigger: Bool
        let text: String
        let document: String
        let line: Int

        enum CodingKeys: String, CodingKey {
            case name, `operator`, value, unit, aggregation, text, document, line
            case rollbackTrigger = "rollback_trigger"
        }
    }

    struct ProcedureEntry: Encodable {
        let title: String
        let steps: [StepEntry]
        let document: String
        let anchor: String
        let line: Int
    }

    struct StepEntry: Encodable {
        let text: String
        let substeps: [String]
        let line: Int
    }

    struct WorkflowEntry: Encodable {
        let title: String
        let steps: [String]
        let direction: Workflow.Direction
        let document: String
        let line: Int
    }

    struct StatusJSON: Encodable {
        let deploys: [RecordJSON<DeployRecord>]
        let backups: [RecordJSON<BackupRecord>]
        let metrics: [RecordJSON<MetricsRecord>]
        let evaluations: [EvaluationJSON]
        let evidence: [String: [EvidenceJSON]]
        /// The moment ages were measured from.
        let asOf: Timestamp

        enum CodingKeys: String, CodingKey {
            case deploys, backups, metrics, evaluations, evidence
            case asOf = "as_of"
        }
    }

    /// A record's own fields, plus its id (the file name stem) and file.
    struct RecordJSON<Record: Encodable & Sendable>: Encodable {
        let entry: StatusEntry<Record>

        enum CodingKeys: String, CodingKey {
            case id, file
            case unknownFields = "unknown_fields"
        }

        func encode(to encoder: Encoder) throws {
            try entry.record.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(entry.id, forKey: .id)
            try container.encode(entry.location.path, forKey: .file)
            if !entry.unknownFields.isEmpty {
                try container.encode(entry.unknownFields, forKey: .unknownFields)
            }
        }
    }

    struct EvaluationJSON: Encodable {
        let target: String
        let rollbackTrigger: Bool
        let environment: String
        let record: String
        let measured: MetricsRecord.Value
        let value: Double?
        let unit: String
        let outcome: TargetEvaluation.Outcome
        let margin: Double?

        enum CodingKeys: String, CodingKey {
            case target, environment, record, measured, value, unit, outcome, margin
            case rollbackTrigger = "rollback_trigger"
        }
    }

    struct EvidenceJSON: Encodable {
        let kind: Evidence.Kind
        let record: String
        let summary: String
        let verdict: Evidence.Verdict
        let at: Timestamp
    }

    struct FindingEntry: Encodable {
        let rule: String
        let severity: String
        let file: String
        let line: Int
        let column: Int
        let message: String
    }

    /// - Parameter findings: the problems found in the content; notes are left out.
    init(_ handbook: Handbook, findings: [Diagnostic], now: Timestamp) {
        let history = handbook.status
        status = StatusJSON(
            deploys: history.deploys.map(RecordJSON.init),
            backups: history.backups.map(RecordJSON.init),
            metrics: history.metrics.map(RecordJSON.init),
            evaluations: handbook.targetEvaluations.map { evaluation in
                EvaluationJSON(
                    target: evaluation.target.statement,
                    rollbackTrigger: evaluation.target.isRollbackTrigger,
                    environment: evaluation.environment, record: evaluation.entryID,
                    measured: evaluation.measured,
                    value: evaluation.value, unit: evaluation.target.unit,
                    outcome: evaluation.outcome, margin: evaluation.margin)
            },
            evidence: history.evidenceByTask.mapValues { items in
                items.map {
                    EvidenceJSON(
                        kind: $0.kind, record: $0.entryID, summary: $0.summary, verdict: $0.verdict,
                        at: $0.timestamp)
                }
            },
            asOf: now)
        title = handbook.title
        self.findings = findings.filter { $0.severity != .note }.map { finding in
            FindingEntry(
                rule: finding.id.rawValue, severity: finding.severity.rawValue,
                file: finding.location.path,
                line: finding.location.line, column: finding.location.column,
                message: finding.message)
        }
        progress = handbook.progress
        documents = handbook.documents.map { document in
            DocumentEntry(
                path: document.path, title: document.title, page: document.pagePath,
                progress: document.progress,
                sections: document.sections.map(SectionEntry.init))
        }
        phases = handbook.phases.map { phase in
            PhaseEntry(
                number: phase.number, title: phase.title,
                declaredStatus: phase.declaredStatus?.rawValue,
                declaredStatusText: phase.declaredStatusText,
                markedComplete: phase.isMarkedComplete,
                estimate: phase.estimate.map {
                    EstimateEntry(text: $0.text, minDays: $0.minimumDays, maxDays: $0.maximumDays)
                },
                progress: phase.progress, requires: phase.requires, document: phase.documentPath,
                anchor: phase.anchor,
                line: phase.location.line)
        }
        checklists = handbook.checklists.map { checklist in
            ChecklistEntry(
                title: checklist.title, progress: checklist.progress,
                prerequisite: checklist.isPrerequisite,
                parent: checklist.parentTitle, gates: checklist.gates,
                document: checklist.documentPath,
                anchor: checklist.anchor, line: checklist.location.line)
        }
        targets = handbook.targets.map { target in
            TargetEntry(
                name: target.name, operator: target.comparison.rawValue, value: target.value,
                unit: target.unit,
                aggregation: target.aggregation, rollbackTrigger: target.isRollbackTrigger,
                text: target.text,
                document: target.documentPath, line: target.location.line)
        }
        procedures = handbook.procedures.map { procedure in
            ProcedureEntry(
                title: procedure.title,
                steps: procedure.steps.map {
                    StepEntry(text: $0.text, substeps: $0.substeps, line: $0.location.line)
                },
                document: procedure.documentPath, anchor: procedure.anchor,
                line: procedure.location.line)
        }
        workflows = handbook.workflows.map { workflow in
            WorkflowEntry(
                title: workflow.title, steps: workflow.steps, direction: workflow.direction,
                document: workflow.documentPath, line: workflow.location.line)
        }
        tasks = handbook.documents.flatMap { document in
            document.allTasks.map { task in
                TaskEntry(
                    id: task.id, text: task.text, checked: task.isChecked, done: task.isDone,
                    descoped: task.isDescoped,
                    document: document.path, line: task.location.line, column: task.location.column)
            }
        }
    }

    /// Pretty-printed with sorted keys, so the same handbook always gives the same bytes.
    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }
}
