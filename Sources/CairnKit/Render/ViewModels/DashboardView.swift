/// The view model of `index.html`: where the migration stands and what comes next.
struct DashboardView {
    /// The phases the table and the time line show at most. A handbook of many plans has
    /// tens of thousands (60,000 at 10,000 documents: a 68 MB table and time line that no
    /// browser shows usably, and the costliest page to make after every deploy); each
    /// document's page lists its own.
    static let phaseLimit = 100

    let page: PageContext
    let progress: ProgressView
    /// The first `phaseLimit` phases, in document order.
    let phases: [PhaseRow]
    let hasPhases: Bool
    /// How many phases the handbook has, and whether the table shows only some of them.
    let phaseCount: Int
    let isPhaseListShortened: Bool
    let currentPhase: PhaseRow?
    let nextTasks: [TaskLink]
    let hasNextTasks: Bool
    let prerequisites: [ChecklistRow]
    let hasPrerequisites: Bool
    let documents: [DocumentRow]
    let status: StatusPanelsView
    let checks: CheckSummary
    /// The phases on a time line (SVG), when any phase has an estimate.
    let timeline: String?
    /// Every runbook: title, page, how many steps.
    let runbooks: [RunbookRow]

    /// The findings' count by severity, linking to `checks.html`.
    struct CheckSummary {
        let errors: Int
        let warnings: Int
        let notes: Int
        /// `1 error`, `2 errors`; `warningsText` likewise.
        let errorsText: String
        let warningsText: String
        let sentence: String
        let href: String
        let isClean: Bool
    }

    struct PhaseRow {
        let number: Int
        let title: String
        let href: String
        let progress: ProgressView
        let statusLabel: String
        /// A CSS class naming the declared status: `status-in_progress`, `status-unknown`.
        let statusClass: String
        let estimate: String?
        let isCurrent: Bool
        let isMarkedComplete: Bool
    }

    struct TaskLink {
        let text: String
        let href: String
        let context: String
    }

    struct ChecklistRow {
        let title: String
        let href: String
        let context: String
        let progress: ProgressView
    }

    struct DocumentRow {
        let title: String
        let href: String
        let path: String
        let progress: ProgressView
    }

    init(handbook: Handbook, now: Timestamp, findings: [Diagnostic]) {
        let page = PageContext(
            handbook: handbook, pageTitle: handbook.title, pagePath: "index.html",
            currentDocument: nil)
        self.page = page
        progress = ProgressView(handbook.progress)
        let current = handbook.currentPhase
        let documentsByPath = Dictionary(
            handbook.documents.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        func href(_ documentPath: String, _ anchor: String) -> String {
            page.root
                + (documentsByPath[documentPath]?.pagePath ?? PagePath.forDocument(documentPath))
                + "#" + anchor
        }
        let allPhases = handbook.phases
        phaseCount = allPhases.count
        isPhaseListShortened = allPhases.count > Self.phaseLimit
        func row(_ phase: Phase) -> PhaseRow {
            PhaseRow(
                number: phase.number, title: phase.title,
                href: href(phase.documentPath, phase.anchor),
                progress: ProgressView(phase.progress),
                statusLabel: phase.declaredStatus?.label ?? phase.declaredStatusText ?? "No status",
                statusClass: "status-" + (phase.declaredStatus?.rawValue ?? "unknown"),
                estimate: phase.estimate?.text,
                isCurrent: phase.documentPath == current?.documentPath
                    && phase.anchor == current?.anchor,
                isMarkedComplete: phase.isMarkedComplete)
        }
        phases = allPhases.prefix(Self.phaseLimit).map(row)
        hasPhases = !phases.isEmpty
        currentPhase = current.map(row)
        nextTasks = handbook.nextTasks().map { task in
            TaskLink(
                text: task.text, href: href(current?.documentPath ?? "", task.id),
                context: current.map { "Phase \($0.number)" } ?? "")
        }
        hasNextTasks = !nextTasks.isEmpty
        prerequisites = handbook.prerequisiteChecklists.map { checklist in
            ChecklistRow(
                title: checklist.title, href: href(checklist.documentPath, checklist.anchor),
                context: [checklist.parentTitle, documentsByPath[checklist.documentPath]?.title]
                    .compactMap { $0 }.joined(separator: " · "),
                progress: ProgressView(checklist.progress))
        }
        hasPrerequisites = !prerequisites.isEmpty
        runbooks = handbook.runbooks.map { RunbookRow($0, root: page.root) }
        timeline = PhaseTimeline.svg(handbook, now: now, limit: Self.phaseLimit)
        let counts = FindingCounts(findings)
        checks = CheckSummary(
            errors: counts.errors, warnings: counts.warnings, notes: counts.notes,
            errorsText: CountedNoun.phrase(counts.errors, "error"),
            warningsText: CountedNoun.phrase(counts.warnings, "warning"),
            sentence: counts.sentence,
            href: page.root + "checks.html", isClean: counts.errors + counts.warnings == 0)
        status = StatusPanelsView(handbook: handbook, root: page.root, now: now)
        documents = handbook.documents.map { document in
            DocumentRow(
                title: document.title, href: page.root + document.pagePath, path: document.path,
                progress: ProgressView(document.progress))
        }
    }
}
