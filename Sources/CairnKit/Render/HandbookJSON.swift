import Foundation

/// `handbook.json`: the whole model in the stable `cairn.handbook/v1` shape that tools and
/// tests read. Fields may be added; none may change meaning within v1.
///
/// Written compact, with keys in sorted order, and piece by piece: on a large handbook the
/// file is hundreds of megabytes. Of the model's entries only one document's are held at once;
/// the status records and the findings are encoded whole.
struct HandbookJSON {
    static let schema = "cairn.handbook/v1"

    let handbook: Handbook
    /// The problems found in the content; notes are left out.
    let findings: [Diagnostic]
    let now: Timestamp

    init(_ handbook: Handbook, findings: [Diagnostic], now: Timestamp) {
        self.handbook = handbook
        self.findings = findings.filter { $0.severity != .note }
        self.now = now
    }

    /// Hands the file to `sink` in pieces, in order.
    func write(into sink: SiteFile.Sink) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let documents = handbook.documents
        var output = PieceBuffer()
        func add(_ key: String, _ value: some Encodable) throws {
            try output.append(",\"\(key)\":".utf8, to: sink)
            try output.append(encoder.encode(value), to: sink)
        }
        try output.append("{".utf8, to: sink)
        try array("checklists", documents.lazy.map { Self.checklists(of: $0) }, &output, sink)
        try output.append(",".utf8, to: sink)
        try array("documents", documents.lazy.map { [Self.entry(for: $0)] }, &output, sink)
        try output.append(",".utf8, to: sink)
        try array("findings", [findings.map(FindingEntry.init)], &output, sink)
        try output.append(",".utf8, to: sink)
        try array("phases", documents.lazy.map { $0.phases.map(PhaseEntry.init) }, &output, sink)
        try output.append(",".utf8, to: sink)
        try array(
            "procedures", documents.lazy.map { $0.procedures.map(ProcedureEntry.init) }, &output,
            sink)
        try add("progress", handbook.progress)
        try add("schema", Self.schema)
        try add("status", StatusJSON(handbook, now: now))
        try output.append(",".utf8, to: sink)
        try array("targets", documents.lazy.map { $0.targets.map(TargetEntry.init) }, &output, sink)
        try output.append(",".utf8, to: sink)
        try array(
            "tasks",
            documents.lazy.map { document in document.allTasks.map { TaskEntry($0, in: document) }
            },
            &output, sink)
        try add("title", handbook.title)
        try output.append(",".utf8, to: sink)
        try array(
            "workflows", documents.lazy.map { $0.workflows.map(WorkflowEntry.init) }, &output,
            sink)
        try output.append("}\n".utf8, to: sink)
        try output.flush(to: sink)
    }

    /// `"key":[…]`: the elements of each chunk in turn, handed on about a megabyte at a time.
    private func array<Chunks: Sequence, Element: JSONBytesWritable>(
        _ key: String, _ chunks: Chunks, _ output: inout PieceBuffer, _ sink: SiteFile.Sink
    ) throws where Chunks.Element == [Element] {
        try output.append("\"\(key)\":[".utf8, to: sink)
        var isFirst = true
        for chunk in chunks {
            for element in chunk {
                if !isFirst { output.bytes.append(UInt8(ascii: ",")) }
                isFirst = false
                element.writeJSON(to: &output.bytes)
                try output.flushIfFull(to: sink)
            }
        }
        try output.append("]".utf8, to: sink)
    }

    static func entry(for document: Document) -> DocumentEntry {
        DocumentEntry(
            path: document.path, title: document.title, page: document.pagePath,
            progress: document.progress,
            sections: document.sections)
    }

    static func checklists(of document: Document) -> [ChecklistEntry] {
        document.checklists.map { checklist in
            ChecklistEntry(
                title: checklist.title, progress: checklist.progress,
                prerequisite: checklist.isPrerequisite,
                parent: checklist.parentTitle, gates: checklist.gates,
                document: checklist.documentPath,
                anchor: checklist.anchor, line: checklist.location.line)
        }
    }

    struct DocumentEntry {
        let path: String
        let title: String
        let page: String
        let progress: Progress
        /// Written as they are: a section and its tasks write themselves (`Section`,
        /// `PlanTask`), without a copy of the tree made first.
        let sections: [Section]
    }

    /// A task in the list of every task: the task and the document it is in.
    struct TaskEntry {
        let task: PlanTask
        let document: String

        init(_ task: PlanTask, in document: Document) {
            self.task = task
            self.document = document.path
        }
    }

    struct PhaseEntry {
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

        init(_ phase: Phase) {
            number = phase.number
            title = phase.title
            declaredStatus = phase.declaredStatus?.rawValue
            declaredStatusText = phase.declaredStatusText
            markedComplete = phase.isMarkedComplete
            estimate = phase.estimate.map {
                EstimateEntry(text: $0.text, minDays: $0.minimumDays, maxDays: $0.maximumDays)
            }
            progress = phase.progress
            requires = phase.requires
            document = phase.documentPath
            anchor = phase.anchor
            line = phase.location.line
        }
    }

    struct EstimateEntry {
        let text: String
        let minDays: Double?
        let maxDays: Double?
    }

    struct ChecklistEntry {
        let title: String
        let progress: Progress
        let prerequisite: Bool
        let parent: String?
        let gates: [String]
        let document: String
        let anchor: String
        let line: Int
    }

    struct TargetEntry {
        let name: String
        let `operator`: String
        let value: Double
        let unit: String
        let aggregation: String?
        let rollbackTrigger: Bool
        let text: String
        let document: String
        let line: Int

        init(_ target: Target) {
            name = target.name
            `operator` = target.comparison.rawValue
            value = target.value
            unit = target.unit
            aggregation = target.aggregation
            rollbackTrigger = target.isRollbackTrigger
            text = target.text
            document = target.documentPath
            line = target.location.line
        }
    }

    struct ProcedureEntry {
        let title: String
        let steps: [StepEntry]
        let document: String
        let anchor: String
        let line: Int

        init(_ procedure: Procedure) {
            title = procedure.title
            steps = procedure.steps.map {
                StepEntry(text: $0.text, substeps: $0.substeps, line: $0.location.line)
            }
            document = procedure.documentPath
            anchor = procedure.anchor
            line = procedure.location.line
        }
    }

    struct StepEntry {
        let text: String
        let substeps: [String]
        let line: Int
    }

    struct WorkflowEntry {
        let title: String
        let steps: [String]
        let direction: Workflow.Direction
        let document: String
        let line: Int

        init(_ workflow: Workflow) {
            title = workflow.title
            steps = workflow.steps
            direction = workflow.direction
            document = workflow.documentPath
            line = workflow.location.line
        }
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

        init(_ handbook: Handbook, now: Timestamp) {
            let history = handbook.status
            deploys = history.deploys.map(RecordJSON.init)
            backups = history.backups.map(RecordJSON.init)
            metrics = history.metrics.map(RecordJSON.init)
            evaluations = handbook.targetEvaluations.map { evaluation in
                EvaluationJSON(
                    target: evaluation.target.statement,
                    rollbackTrigger: evaluation.target.isRollbackTrigger,
                    environment: evaluation.environment, record: evaluation.entryID,
                    measured: evaluation.measured,
                    value: evaluation.value, unit: evaluation.target.unit,
                    outcome: evaluation.outcome, margin: evaluation.margin)
            }
            evidence = history.evidenceByTask.mapValues { items in
                items.map {
                    EvidenceJSON(
                        kind: $0.kind, record: $0.entryID, summary: $0.summary, verdict: $0.verdict,
                        at: $0.timestamp)
                }
            }
            asOf = now
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

    struct FindingEntry {
        let rule: String
        let severity: String
        let file: String
        let line: Int
        let column: Int
        let message: String

        init(_ finding: Diagnostic) {
            rule = finding.id.rawValue
            severity = finding.severity.rawValue
            file = finding.location.path
            line = finding.location.line
            column = finding.location.column
            message = finding.message
        }
    }
}
