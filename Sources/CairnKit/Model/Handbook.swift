/// The whole handbook: its documents in reading order and what is derived from them.
public struct Handbook: Sendable {
    public var title: String
    public var config: HandbookConfig
    public let documents: [Document]
    /// The records CI wrote: deploys, backups and restore tests, metrics windows.
    public let status: StatusHistory

    public init(
        title: String, config: HandbookConfig, documents: [Document], status: StatusHistory = .empty
    ) {
        self.title = title
        self.config = config
        self.documents = documents
        self.status = status
        progress = documents.map(\.progress).sum
    }

    public let progress: Progress
    public var phases: [Phase] { documents.flatMap(\.phases) }
    public var checklists: [Checklist] { documents.flatMap(\.checklists) }
    public var prerequisiteChecklists: [Checklist] { checklists.filter(\.isPrerequisite) }
    public var targets: [Target] { documents.flatMap(\.targets) }
    public var procedures: [Procedure] { documents.flatMap(\.procedures) }
    public var workflows: [Workflow] { documents.flatMap(\.workflows) }

    /// The plan's targets and rollback triggers against the newest metrics of each environment.
    public var targetEvaluations: [TargetEvaluation] {
        TargetEvaluation.evaluate(targets, against: status.latestMetrics)
    }

    /// The phase the team is in: the first declared In Progress; failing that, the first
    /// with open tasks.
    public var currentPhase: Phase? {
        phases.first { $0.declaredStatus == .inProgress }
            ?? phases.first { !$0.progress.isComplete && $0.progress.hasTasks }
    }

    /// The first open tasks of the current phase, in plan order.
    public func nextTasks(limit: Int = 5) -> [PlanTask] {
        guard let phase = currentPhase else { return [] }
        return Array(phase.tasks.filter { !$0.isDescoped && !$0.isChecked }.prefix(limit))
    }
}
