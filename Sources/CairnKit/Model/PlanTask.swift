/// A GitHub task-list item (`- [ ] …` or `- [x] …`) and the tasks nested under it.
public struct PlanTask: Sendable, Equatable {
    /// Stable within its document: `phase-3/test-backup-restoration`, or the id given with
    /// a trailing `<!-- id: … -->` comment.
    public var id: String {
        get { storage.id }
        _modify {
            makeUnique()
            yield &storage.id
        }
    }
    public var text: String {
        get { storage.text }
        _modify {
            makeUnique()
            yield &storage.text
        }
    }
    public var isChecked: Bool {
        get { storage.isChecked }
        _modify {
            makeUnique()
            yield &storage.isChecked
        }
    }
    /// Struck through as a whole (`~~…~~`): shown, but not counted.
    public var isDescoped: Bool {
        get { storage.isDescoped }
        _modify {
            makeUnique()
            yield &storage.isDescoped
        }
    }
    public var hasExplicitID: Bool {
        get { storage.hasExplicitID }
        _modify {
            makeUnique()
            yield &storage.hasExplicitID
        }
    }
    public var location: Diagnostic.Location {
        get { storage.location }
        _modify {
            makeUnique()
            yield &storage.location
        }
    }
    public var children: [PlanTask] {
        get { storage.children }
        _modify {
            makeUnique()
            yield &storage.children
        }
    }

    /// The fields, shared by copies until one of them changes: a task is held in several
    /// lists at once (its section's, its phase's, its document's), and each copy is then one
    /// reference rather than a copy of every field.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var id: String
        @exclusivity(unchecked) var text: String
        @exclusivity(unchecked) var isChecked: Bool
        @exclusivity(unchecked) var isDescoped: Bool
        @exclusivity(unchecked) var hasExplicitID: Bool
        @exclusivity(unchecked) var location: Diagnostic.Location
        @exclusivity(unchecked) var children: [PlanTask]

        init(
            id: String, text: String, isChecked: Bool, isDescoped: Bool, hasExplicitID: Bool,
            location: Diagnostic.Location, children: [PlanTask]
        ) {
            self.id = id
            self.text = text
            self.isChecked = isChecked
            self.isDescoped = isDescoped
            self.hasExplicitID = hasExplicitID
            self.location = location
            self.children = children
        }

        func copy() -> Storage {
            Storage(
                id: id, text: text, isChecked: isChecked, isDescoped: isDescoped,
                hasExplicitID: hasExplicitID, location: location, children: children)
        }
    }

    private var storage: Storage

    public init(
        id: String, text: String, isChecked: Bool, isDescoped: Bool, hasExplicitID: Bool,
        location: Diagnostic.Location, children: [PlanTask]
    ) {
        storage = Storage(
            id: id, text: text, isChecked: isChecked, isDescoped: isDescoped,
            hasExplicitID: hasExplicitID, location: location, children: children)
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    public static func == (left: PlanTask, right: PlanTask) -> Bool {
        left.storage === right.storage
            || (left.id == right.id
                && left.text == right.text
                && left.isChecked == right.isChecked
                && left.isDescoped == right.isDescoped
                && left.hasExplicitID == right.hasExplicitID
                && left.location == right.location
                && left.children == right.children)
    }

    /// Done only when it and every counted task under it are ticked.
    public var isDone: Bool {
        isChecked && children.allSatisfy { $0.isDescoped || $0.isDone }
    }

    /// Each counted task in this tree is one; descoped tasks and their children are not counted.
    public var progress: Progress {
        guard !isDescoped else { return .none }
        return Progress(done: isDone ? 1 : 0, total: 1) + children.progressSum(\.progress)
    }

    /// This task and all tasks under it, depth first.
    public var flattened: [PlanTask] {
        var all: [PlanTask] = []
        appendFlattened(to: &all)
        return all
    }

    /// Appends this task and all under it, depth first: one array for a whole tree, where
    /// joining each level's arrays made a new one per task.
    func appendFlattened(to all: inout [PlanTask]) {
        all.append(self)
        for child in children { child.appendFlattened(to: &all) }
    }
}
