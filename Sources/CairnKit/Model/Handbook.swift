/// The whole handbook: its documents in reading order and what is derived from them.
public struct Handbook: Sendable {
    public var title: String
    public var config: HandbookConfig
    public let documents: [Document]
    /// The records CI wrote: deploys, backups and restore tests, metrics windows.
    public let status: StatusHistory

    /// - Parameter derivesRunbooks: false for a handbook that is only checked: no rule reads
    ///   runbooks, and on a large handbook they are the costliest step between the parse and
    ///   the checker. Its `runbooks` are then empty.
    public init(
        title: String, config: HandbookConfig, documents: [Document],
        status: StatusHistory = .empty,
        derivesRunbooks: Bool = true
    ) {
        self.title = title
        self.config = config
        self.documents = documents
        self.status = status
        progress = documents.progressSum(\.progress)
        phases = documents.flatMap(\.phases)
        var seen: Set<Target.Definition> = []
        distinctTargets = documents.flatMap { document in
            document.targets.filter { seen.insert($0.definition).inserted }
        }
        targetEvaluations = TargetEvaluation.evaluate(
            distinctTargets, against: status.latestMetrics)
        runbooks = derivesRunbooks ? Self.runbooks(in: documents) : []
        documentIndexByPath = Dictionary(
            documents.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every runbook, in reading order (none when the handbook was built without them).
    public let runbooks: [Runbook]
    private let documentIndexByPath: [String: Int]

    /// The document at `path` (relative to the content root), if there is one.
    public func document(at path: String) -> Document? {
        documentIndexByPath[path].map { documents[$0] }
    }

    /// The position in `documents` of the document at `path`.
    public func documentIndex(at path: String) -> Int? {
        documentIndexByPath[path]
    }

    public let progress: Progress
    /// Worked out once: a large handbook's pages ask for these many times.
    public let phases: [Phase]
    /// Gathered when asked for, as `procedures` are: one page asks, and copying a large
    /// handbook's checklists and targets was a tenth of a second before any check could start.
    public var checklists: [Checklist] { documents.flatMap(\.checklists) }
    public var prerequisiteChecklists: [Checklist] {
        documents.flatMap { $0.checklists.filter(\.isPrerequisite) }
    }
    /// Every target and rollback trigger, where each is written.
    public var targets: [Target] { documents.flatMap(\.targets) }
    /// The targets once each: documents that repeat `Uptime > 99.9%` state one target, which is
    /// evaluated, charted and listed once, at its first place in reading order.
    public let distinctTargets: [Target]
    public var procedures: [Procedure] { documents.flatMap(\.procedures) }
    public var workflows: [Workflow] { documents.flatMap(\.workflows) }

    /// The plan's distinct targets and rollback triggers against the newest metrics of each
    /// environment.
    public let targetEvaluations: [TargetEvaluation]

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
