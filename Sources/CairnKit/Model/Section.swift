/// A part of a document opened by a heading, or by a paragraph that is only bold text
/// (`**2.1: Platform Setup**`), holding tasks and subsections.
public struct Section: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case heading
        case boldParagraph = "bold"
    }

    public var kind: Kind {
        get { storage.kind }
        _modify {
            makeUnique()
            yield &storage.kind
        }
    }
    public var title: String {
        get { storage.title }
        _modify {
            makeUnique()
            yield &storage.title
            storage.unnumberedTitle = Self.unnumbered(storage.title)
        }
    }
    /// The anchor of the section in its page (GitHub's slug for headings).
    public var anchor: String {
        get { storage.anchor }
        _modify {
            makeUnique()
            yield &storage.anchor
        }
    }
    /// The heading level; a bold-paragraph subsection is one level below the section it is in.
    public var level: Int {
        get { storage.level }
        _modify {
            makeUnique()
            yield &storage.level
        }
    }
    public var location: Diagnostic.Location {
        get { storage.location }
        _modify {
            makeUnique()
            yield &storage.location
        }
    }
    /// Tasks written directly in this section, not in its subsections.
    public var tasks: [PlanTask] {
        get { storage.tasks }
        _modify {
            makeUnique()
            yield &storage.tasks
        }
    }
    public var children: [Section] {
        get { storage.children }
        _modify {
            makeUnique()
            yield &storage.children
        }
    }
    /// Prerequisites named by a `**Requires:** Phase 2, Pre-Deployment` line.
    public var requires: [String] {
        get { storage.requires }
        _modify {
            makeUnique()
            yield &storage.requires
        }
    }
    /// `**Key:** value` lines of the section's own paragraphs, keys lowercased.
    public var fields: [String: String] {
        get { storage.fields }
        _modify {
            makeUnique()
            yield &storage.fields
        }
    }
    /// Whether the section's own content is something other than task lists.
    public var hasOtherContent: Bool {
        get { storage.hasOtherContent }
        _modify {
            makeUnique()
            yield &storage.hasOtherContent
        }
    }
    /// The first plain paragraph of the section's own content, if any.
    public var summary: String? {
        get { storage.summary }
        _modify {
            makeUnique()
            yield &storage.summary
        }
    }
    /// Done and total of the section's own tasks and its subsections', worked out once when
    /// the section is complete.
    public var progress: Progress {
        get { storage.progress }
        _modify {
            makeUnique()
            yield &storage.progress
        }
    }

    /// The fields, shared by copies until one of them changes: a section is held in several
    /// lists at once (its parent's, its document's flattened list), and each copy is then one
    /// reference rather than a copy of every field.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var kind: Kind
        @exclusivity(unchecked) var title: String
        /// `unnumbered(title)`, kept with the title: rules ask for it of every checklist
        /// against each of its siblings.
        @exclusivity(unchecked) var unnumberedTitle: String
        @exclusivity(unchecked) var anchor: String
        @exclusivity(unchecked) var level: Int
        @exclusivity(unchecked) var location: Diagnostic.Location
        @exclusivity(unchecked) var tasks: [PlanTask]
        @exclusivity(unchecked) var children: [Section]
        @exclusivity(unchecked) var requires: [String]
        @exclusivity(unchecked) var fields: [String: String]
        @exclusivity(unchecked) var hasOtherContent: Bool
        @exclusivity(unchecked) var summary: String?
        @exclusivity(unchecked) var progress: Progress

        init(
            kind: Kind, title: String, anchor: String, level: Int, location: Diagnostic.Location,
            tasks: [PlanTask], children: [Section], requires: [String], fields: [String: String],
            hasOtherContent: Bool, summary: String?, progress: Progress
        ) {
            self.kind = kind
            self.title = title
            unnumberedTitle = Section.unnumbered(title)
            self.anchor = anchor
            self.level = level
            self.location = location
            self.tasks = tasks
            self.children = children
            self.requires = requires
            self.fields = fields
            self.hasOtherContent = hasOtherContent
            self.summary = summary
            self.progress = progress
        }

        func copy() -> Storage {
            Storage(
                kind: kind, title: title, anchor: anchor, level: level, location: location,
                tasks: tasks, children: children, requires: requires, fields: fields,
                hasOtherContent: hasOtherContent, summary: summary, progress: progress)
        }
    }

    private var storage: Storage

    public init(
        kind: Kind, title: String, anchor: String, level: Int, location: Diagnostic.Location,
        tasks: [PlanTask], children: [Section], requires: [String], fields: [String: String],
        hasOtherContent: Bool, summary: String? = nil, progress: Progress = .none
    ) {
        storage = Storage(
            kind: kind, title: title, anchor: anchor, level: level, location: location,
            tasks: tasks, children: children, requires: requires, fields: fields,
            hasOtherContent: hasOtherContent, summary: summary, progress: progress)
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    public static func == (left: Section, right: Section) -> Bool {
        left.storage === right.storage
            || (left.kind == right.kind
                && left.title == right.title
                && left.anchor == right.anchor
                && left.level == right.level
                && left.location == right.location
                && left.tasks == right.tasks
                && left.children == right.children
                && left.requires == right.requires
                && left.fields == right.fields
                && left.hasOtherContent == right.hasOtherContent
                && left.summary == right.summary
                && left.progress == right.progress)
    }

    /// Every task in the section and its subsections, depth first, nested tasks included.
    public var allTasks: [PlanTask] {
        var all: [PlanTask] = []
        appendAllTasks(to: &all)
        return all
    }

    func appendAllTasks(to all: inout [PlanTask]) {
        for task in tasks { task.appendFlattened(to: &all) }
        for child in children { child.appendAllTasks(to: &all) }
    }

    /// This section and all below it, depth first.
    public var flattened: [Section] {
        var all: [Section] = []
        appendFlattened(to: &all)
        return all
    }

    func appendFlattened(to all: inout [Section]) {
        all.append(self)
        for child in children { child.appendFlattened(to: &all) }
    }

    /// The title without a leading number such as `4.1:` or `2.`.
    public var unnumberedTitle: String { storage.unnumberedTitle }

    /// `title` without a leading number such as `4.1:` or `2.`.
    static func unnumbered(_ title: String) -> String {
        // Nearly every title starts with an ASCII letter: nothing to take off.
        if let first = title.utf8.first, first < 0x80,
            !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first), first != UInt8(ascii: ".")
        {
            return title
        }
        var rest = Substring(title)
        // ASCII digits and dots byte by byte; from the first other letter on, by character
        // (`½` and `٣` are numbers too).
        let asciiNumbering = title.utf8.prefix { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
        }
        if let next = title.utf8.dropFirst(asciiNumbering.count).first, next < 0x80 {
            rest = title[asciiNumbering.endIndex...]
        }
        while let first = rest.first, first.isNumber || first == "." { rest = rest.dropFirst() }
        guard rest.startIndex > title.startIndex else { return title }
        if rest.first == ":" || rest.first == ")" { rest = rest.dropFirst() }
        let unnumbered = rest.trimmingWhitespace()
        // A heading that is only a number (`2024`, `3.`) is its own title.
        return unnumbered.isEmpty ? title : unnumbered
    }

    /// A checklist: its title ends in "Checklist", or its own content is only tasks.
    public var isChecklist: Bool {
        title.hasSuffixIgnoringASCIICase("checklist") || (!tasks.isEmpty && !hasOtherContent)
    }

    /// A `Pre-…` section is a prerequisite of its siblings and of the action its parent names.
    public var isPrerequisite: Bool {
        var scanner = TextScanner(unnumberedTitle)
        return scanner.scan(caseInsensitive: "pre-")
    }
}
