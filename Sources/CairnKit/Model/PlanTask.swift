/// A GitHub task-list item (`- [ ] …` or `- [x] …`) and the tasks nested under it.
public struct PlanTask: Sendable, Equatable {
    /// Stable within its document: `phase-3/test-backup-restoration`, or the id given with
    /// a trailing `<!-- id: … -->` comment.
    public var id: String
    public var text: String
    public var isChecked: Bool
    /// Struck through as a whole (`~~…~~`): shown, but not counted.
    public var isDescoped: Bool
    public var hasExplicitID: Bool
    public var location: Diagnostic.Location
    public var children: [PlanTask]

    /// Done only when it and every counted task under it are ticked.
    public var isDone: Bool {
        isChecked && children.allSatisfy { $0.isDescoped || $0.isDone }
    }

    /// Each counted task in this tree is one; descoped tasks and their children are not counted.
    public var progress: Progress {
        guard !isDescoped else { return .none }
        return Progress(done: isDone ? 1 : 0, total: 1) + children.map(\.progress).sum
    }

    /// This task and all tasks under it, depth first.
    public var flattened: [PlanTask] {
        [self] + children.flatMap(\.flattened)
    }
}
