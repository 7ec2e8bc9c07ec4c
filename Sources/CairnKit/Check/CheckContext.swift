import Foundation

/// The model a check runs on, with the look-ups several rules share.
public struct CheckContext: Sendable {
    public let handbook: Handbook
    public let now: Timestamp
    /// Tasks by id, with the path of the document each is in (an id may stand in several
    /// documents), for every id a rule asks about: each id a status record names, and each
    /// id given explicitly (`<!-- id: … -->`) to some task. A large handbook has a million
    /// tasks, most of which no rule looks up by id; `tasks(withID:)` answers for the others.
    let tasksByID: [String: [(documentPath: String, task: PlanTask)]]
    let evidence: [String: [Evidence]]

    /// Sections by every name they answer to (see `sections(named:)`), for every name a
    /// `**Requires:**` line or a gate of `handbook.yml` gives, built once.
    private let sectionsByName: [String: [Section]]
    /// The ids and names looked for in every document while the two indexes were built.
    private let indexedIDs: Set<String>
    private let indexedNames: Set<String>

    public init(handbook: Handbook, now: Timestamp) {
        self.handbook = handbook
        self.now = now
        evidence = handbook.status.evidenceByTask
        let documents = handbook.documents
        let concurrency = ProcessInfo.processInfo.activeProcessorCount
        // What rules will ask for: ids given explicitly or named by a record, and the step
        // names of every Requires line and gate.
        let asked = ParallelMap.map(documents, concurrency: concurrency) { document in
            (
                ids: document.allTasks.filter(\.hasExplicitID).map(\.id),
                names: document.allSections.flatMap { $0.requires.map(StepName.normalized) }
            )
        }
        let askedIDs = Set(asked.flatMap(\.ids)).union(evidence.keys)
        var askedNames = Set(asked.flatMap(\.names))
        askedNames.insert(StepName.normalized(DeployGateRule.defaultRequirement))
        for gate in handbook.config.gates {
            askedNames.formUnion(gate.requirements.map(StepName.normalized))
        }
        let asksForPhases = askedNames.contains(where: Self.isPhaseName)
        // Each document on whichever core is free; only what a rule asks for is kept.
        let found = ParallelMap.map(documents, concurrency: concurrency) {
            [askedNames] document in
            (
                tasks: document.allTasks.filter { askedIDs.contains($0.id) },
                sections: Self.sections(
                    of: document, answeringTo: askedNames, includingPhases: asksForPhases)
            )
        }
        var tasks: [String: [(documentPath: String, task: PlanTask)]] = [:]
        var names: [String: [Section]] = [:]
        for (document, found) in zip(documents, found) {
            for task in found.tasks { tasks[task.id, default: []].append((document.path, task)) }
            for (name, section) in found.sections { names[name, default: []].append(section) }
        }
        tasksByID = tasks
        sectionsByName = names
        indexedIDs = askedIDs
        indexedNames = askedNames
    }

    /// The sections whose title is `name`, ignoring case, numbering (`4.1:`) and emoji;
    /// `Phase 3`, `phase-3` and `3` name the third phase.
    func sections(named name: String) -> [Section] {
        let key = StepName.normalized(name)
        if indexedNames.contains(key) { return sectionsByName[key] ?? [] }
        return sections(namedEach: [name])[key] ?? []
    }

    /// `sections(named:)` for each of `names` at once, by normalized name: the names no rule
    /// asked for in advance (`--gate NAME`, the checklists `--list-gates` shows) are looked
    /// for in one pass through every section, each document on whichever core is free.
    func sections(namedEach names: [String]) -> [String: [Section]] {
        var found: [String: [Section]] = [:]
        var unindexed: Set<String> = []
        for key in names.map(StepName.normalized) {
            if indexedNames.contains(key) {
                found[key] = sectionsByName[key] ?? []
            } else {
                unindexed.insert(key)
            }
        }
        guard !unindexed.isEmpty else { return found }
        let includingPhases = unindexed.contains(where: Self.isPhaseName)
        let perDocument = ParallelMap.map(
            handbook.documents, concurrency: ProcessInfo.processInfo.activeProcessorCount
        ) { [unindexed] document in
            Self.sections(of: document, answeringTo: unindexed, includingPhases: includingPhases)
        }
        for key in unindexed { found[key] = [] }
        for (name, section) in perDocument.joined() { found[name, default: []].append(section) }
        return found
    }

    /// `phase 3` and `3` are names only phases answer to; when no name looked for is such a
    /// name, no heading needs reading as a phase.
    private static func isPhaseName(_ name: String) -> Bool {
        name.split(onASCII: " ").last.map { $0.allSatisfy(\.isNumber) } == true
    }

    /// The sections of `document` answering to one of `names`, each with the name, in order.
    private static func sections(
        of document: Document, answeringTo names: Set<String>, includingPhases: Bool
    ) -> [(String, Section)] {
        var sections: [(String, Section)] = []
        for section in document.allSections {
            forEachName(of: section, includingPhase: includingPhases) { name in
                if names.contains(name) { sections.append((name, section)) }
            }
        }
        return sections
    }

    /// The tasks whose id is `id`, in document order, each with its document's path.
    func tasks(withID id: String) -> [(documentPath: String, task: PlanTask)] {
        if indexedIDs.contains(id) { return tasksByID[id] ?? [] }
        return handbook.documents.flatMap { document in
            document.allTasks.filter { $0.id == id }.map { (document.path, $0) }
        }
    }

    /// Calls `body` with each name the section answers to, once each: its title, its title
    /// without numbering, and (only when `includingPhase`) `phase N` and `N` for a phase, each
    /// normalized; with no array of them, as the index asks this of every section.
    private static func forEachName(
        of section: Section, includingPhase: Bool, _ body: (String) -> Void
    ) {
        let title = StepName.normalized(section.title)
        body(title)
        var unnumbered: String?
        // `unnumberedTitle` is the title itself unless it starts with a number (kept with the
        // title, so comparing them costs nothing when it does not).
        if section.unnumberedTitle != section.title {
            let name = StepName.normalized(section.unnumberedTitle)
            if name != title {
                unnumbered = name
                body(name)
            }
        }
        guard includingPhase, let phase = PhaseHeading(section.title) else { return }
        for name in ["phase \(phase.number)", "\(phase.number)"]
        where name != title && name != unnumbered {
            body(name)
        }
    }
}

/// How step names are compared: lowercase letters and digits, words separated by one space.
enum StepName {
    static func normalized(_ name: String) -> String {
        ASCIIWord.words(of: name, joinedBy: UInt8(ascii: " "))
            ?? ASCIIWord.wordRuns(ofNonASCII: name, joinedBy: UInt8(ascii: " "))
    }

    /// `'Choose hosting platform', 'Document deployment process' and 3 more`.
    /// Written as bytes into one buffer made large enough at once, then made a string: a
    /// string per name, joined, cost more than the rest of a large check's messages, and even
    /// appending to one string costs a few hundred instructions a piece.
    static func list(_ tasks: [PlanTask], limit: Int = 8) -> String {
        let shown = tasks.prefix(limit)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(shown.reduce(24) { $0 + $1.text.utf8.count + 4 })
        for task in shown {
            if !bytes.isEmpty { ReportBytes.append(", ", to: &bytes) }
            bytes.append(UInt8(ascii: "'"))
            bytes += task.text.utf8
            bytes.append(UInt8(ascii: "'"))
        }
        let rest = tasks.count - shown.count
        if rest > 0 { bytes += " and \(rest) more".utf8 }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension PlanTask {
    /// Whether the task counts and is not done.
    var isOpen: Bool { !isDescoped && !isDone }
}

extension Section {
    /// The counted tasks of the section that are not done, nested ones included.
    var openTasks: [PlanTask] { allTasks.filter(\.isOpen) }
    /// Whether any task in the section is ticked (and not struck through), nested ones
    /// included; asked without gathering the section's tasks into an array.
    var hasTickedTasks: Bool {
        tasks.contains(where: \.holdsTickedTask) || children.contains(where: \.hasTickedTasks)
    }
}

extension PlanTask {
    /// Whether this task or one under it is ticked and not struck through.
    fileprivate var holdsTickedTask: Bool {
        (isChecked && !isDescoped) || children.contains(where: \.holdsTickedTask)
    }
}
