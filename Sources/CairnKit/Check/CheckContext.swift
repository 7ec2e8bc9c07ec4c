/// The model a check runs on, with the look-ups several rules share.
public struct CheckContext: Sendable {
    public let handbook: Handbook
    public let now: Timestamp
    /// Every task by id, with the path of the document it is in (an id may stand in several
    /// documents). Paths, not documents: a large handbook has a million of these.
    let tasksByID: [String: [(documentPath: String, task: PlanTask)]]
    let evidence: [String: [Evidence]]

    /// Sections by every name they answer to (see `sections(named:)`), built once.
    private let sectionsByName: [String: [Section]]

    public init(handbook: Handbook, now: Timestamp) {
        self.handbook = handbook
        self.now = now
        var tasks: [String: [(documentPath: String, task: PlanTask)]] = [:]
        var names: [String: [Section]] = [:]
        for document in handbook.documents {
            for task in document.allTasks {
                tasks[task.id, default: []].append((document.path, task))
            }
            for section in document.allSections {
                var keys: Set<String> = [
                    StepName.normalized(section.title),
                    StepName.normalized(section.unnumberedTitle),
                ]
                if let phase = PhaseHeading(section.title) {
                    keys.insert("phase \(phase.number)")
                    keys.insert("\(phase.number)")
                }
                for key in keys { names[key, default: []].append(section) }
            }
        }
        tasksByID = tasks
        sectionsByName = names
        evidence = handbook.status.evidenceByTask
    }

    /// The sections whose title is `name`, ignoring case, numbering (`4.1:`) and emoji;
    /// `Phase 3`, `phase-3` and `3` name the third phase.
    func sections(named name: String) -> [Section] {
        sectionsByName[StepName.normalized(name)] ?? []
    }
}

/// How step names are compared: lowercase letters and digits, words separated by one space.
enum StepName {
    static func normalized(_ name: String) -> String {
        if let ascii = ASCIIWord.words(of: name, joinedBy: UInt8(ascii: " ")) {
            return String(decoding: ascii, as: UTF8.self)
        }
        return String(name.lowercased().map { $0.isWordCharacter ? $0 : " " })
            .split(separator: " ").joined(separator: " ")
    }

    /// `'Choose hosting platform', 'Document deployment process' and 3 more`.
    static func list(_ tasks: [PlanTask], limit: Int = 8) -> String {
        let names = tasks.prefix(limit).map { "'\($0.text)'" }
        let rest = tasks.count - names.count
        return names.joined(separator: ", ") + (rest > 0 ? " and \(rest) more" : "")
    }
}

extension PlanTask {
    /// Whether the task counts and is not done.
    var isOpen: Bool { !isDescoped && !isDone }
}

extension Section {
    /// The counted tasks of the section that are not done, nested ones included.
    var openTasks: [PlanTask] { allTasks.filter(\.isOpen) }
    /// Whether any task in the section is ticked.
    var hasTickedTasks: Bool { allTasks.contains { $0.isChecked && !$0.isDescoped } }
}
