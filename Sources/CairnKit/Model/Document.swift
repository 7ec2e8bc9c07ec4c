import Foundation

/// One markdown document of the handbook and everything the model reads from it.
///
/// Its fields are shared by its copies until one of them changes: every pass over the
/// handbook's documents copies each, and a copy is then one reference rather than a copy of
/// every field.
public struct Document: Sendable {
    /// The path relative to the content root (`plans/HOSTING_MIGRATION_PLAN.md`).
    public var path: String { storage.path }
    public var title: String {
        get { storage.title }
        _modify {
            makeUnique()
            yield &storage.title
        }
    }
    /// Scalar values of the YAML front matter.
    public var frontMatter: [String: String] {
        get { storage.frontMatter }
        _modify {
            makeUnique()
            yield &storage.frontMatter
        }
    }
    public var progress: Progress {
        get { storage.progress }
        _modify {
            makeUnique()
            yield &storage.progress
        }
    }
    public var sections: [Section] { storage.sections }
    /// Tasks before the first heading.
    public var leadingTasks: [PlanTask] { storage.leadingTasks }
    public var phases: [Phase] {
        get { storage.phases }
        _modify {
            makeUnique()
            yield &storage.phases
        }
    }
    public var checklists: [Checklist] {
        get { storage.checklists }
        _modify {
            makeUnique()
            yield &storage.checklists
        }
    }
    public var procedures: [Procedure] {
        get { storage.procedures }
        _modify {
            makeUnique()
            yield &storage.procedures
        }
    }
    public var targets: [Target] {
        get { storage.targets }
        _modify {
            makeUnique()
            yield &storage.targets
        }
    }
    public var workflows: [Workflow] {
        get { storage.workflows }
        _modify {
            makeUnique()
            yield &storage.workflows
        }
    }
    public var links: [DocumentLink] {
        get { storage.links }
        _modify {
            makeUnique()
            yield &storage.links
        }
    }
    /// Explicit task ids given twice in the document; the repeats got a `-1` suffix.
    public var duplicateTaskIDs: [DuplicateTaskID] {
        get { storage.duplicateTaskIDs }
        _modify {
            makeUnique()
            yield &storage.duplicateTaskIDs
        }
    }
    /// Every bullet under a "Rollback Triggers" heading.
    public var triggerConditions: [TriggerCondition] {
        get { storage.triggerConditions }
        _modify {
            makeUnique()
            yield &storage.triggerConditions
        }
    }
    /// The body HTML from the parser, still carrying `data-sourcepos` attributes.
    public var bodyHTML: String {
        get { storage.bodyHTML }
        _modify {
            makeUnique()
            yield &storage.bodyHTML
        }
    }

    /// The page the document renders to, relative to the site root (`plans/X.html`).
    public var pagePath: String { storage.pagePath }

    /// Every task of the document in order, nested ones included.
    public var allTasks: [PlanTask] { storage.allTasks }
    /// Every section of the document, depth first.
    public var allSections: [Section] { storage.allSections }

    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) let path: String
        @exclusivity(unchecked) var title: String
        @exclusivity(unchecked) var frontMatter: [String: String]
        @exclusivity(unchecked) var progress: Progress
        @exclusivity(unchecked) let sections: [Section]
        @exclusivity(unchecked) let leadingTasks: [PlanTask]
        @exclusivity(unchecked) var phases: [Phase]
        @exclusivity(unchecked) var checklists: [Checklist]
        @exclusivity(unchecked) var procedures: [Procedure]
        @exclusivity(unchecked) var targets: [Target]
        @exclusivity(unchecked) var workflows: [Workflow]
        @exclusivity(unchecked) var links: [DocumentLink]
        @exclusivity(unchecked) var duplicateTaskIDs: [DuplicateTaskID]
        @exclusivity(unchecked) var triggerConditions: [TriggerCondition]
        @exclusivity(unchecked) var bodyHTML: String
        @exclusivity(unchecked) let pagePath: String
        @exclusivity(unchecked) let allTasks: [PlanTask]
        @exclusivity(unchecked) let allSections: [Section]

        init(
            path: String, title: String, frontMatter: [String: String], progress: Progress,
            sections: [Section], leadingTasks: [PlanTask], phases: [Phase], checklists: [Checklist],
            procedures: [Procedure], targets: [Target], workflows: [Workflow],
            links: [DocumentLink], duplicateTaskIDs: [DuplicateTaskID],
            triggerConditions: [TriggerCondition], bodyHTML: String, pagePath: String,
            allTasks: [PlanTask], allSections: [Section]
        ) {
            self.path = path
            self.title = title
            self.frontMatter = frontMatter
            self.progress = progress
            self.sections = sections
            self.leadingTasks = leadingTasks
            self.phases = phases
            self.checklists = checklists
            self.procedures = procedures
            self.targets = targets
            self.workflows = workflows
            self.links = links
            self.duplicateTaskIDs = duplicateTaskIDs
            self.triggerConditions = triggerConditions
            self.bodyHTML = bodyHTML
            self.pagePath = pagePath
            self.allTasks = allTasks
            self.allSections = allSections
        }

        func copy() -> Storage {
            Storage(
                path: path, title: title, frontMatter: frontMatter, progress: progress,
                sections: sections, leadingTasks: leadingTasks, phases: phases,
                checklists: checklists, procedures: procedures, targets: targets,
                workflows: workflows, links: links, duplicateTaskIDs: duplicateTaskIDs,
                triggerConditions: triggerConditions, bodyHTML: bodyHTML, pagePath: pagePath,
                allTasks: allTasks, allSections: allSections)
        }
    }

    private var storage: Storage

    public init(
        path: String, title: String, frontMatter: [String: String], progress: Progress,
        sections: [Section], leadingTasks: [PlanTask], phases: [Phase], checklists: [Checklist],
        procedures: [Procedure], targets: [Target], workflows: [Workflow], links: [DocumentLink],
        duplicateTaskIDs: [DuplicateTaskID], triggerConditions: [TriggerCondition],
        bodyHTML: String
    ) {
        // Each gathered into one array in one walk, with no array per section in between.
        var allTasks: [PlanTask] = []
        for task in leadingTasks { task.appendFlattened(to: &allTasks) }
        for section in sections { section.appendAllTasks(to: &allTasks) }
        var allSections: [Section] = []
        for section in sections { section.appendFlattened(to: &allSections) }
        storage = Storage(
            path: path, title: title, frontMatter: frontMatter, progress: progress,
            sections: sections, leadingTasks: leadingTasks, phases: phases, checklists: checklists,
            procedures: procedures, targets: targets, workflows: workflows, links: links,
            duplicateTaskIDs: duplicateTaskIDs, triggerConditions: triggerConditions,
            bodyHTML: bodyHTML, pagePath: PagePath.forDocument(path),
            allTasks: allTasks, allSections: allSections)
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }
}

/// Where each document's page goes, and how links between documents are rewritten.
public enum PagePath {
    /// `plans/X.md` → `plans/X.html`.
    public static func forDocument(_ path: String) -> String {
        let name = path.split(onASCII: "/").last ?? Substring(path)
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            return String(path[..<dot]) + ".html"
        }
        return path + ".html"
    }

    /// A relative link to a markdown file (`./GUIDE.md#setup`) becomes a link to its page
    /// (`./GUIDE.html#setup`); absolute URLs and other files are left as they are.
    public static func rewriteLink(_ destination: String) -> String {
        guard let split = splitMarkdownLink(destination) else { return destination }
        return PagePath.forDocument(split.path) + (split.fragment.map { "#" + $0 } ?? "")
    }

    /// The path and fragment of a relative link to a markdown file; nil for anything else.
    static func splitMarkdownLink(_ destination: String) -> (path: String, fragment: String?)? {
        guard !destination.utf8.containsSequence(Array("://".utf8)), !destination.hasPrefix("/"),
            !destination.hasPrefix("mailto:")
        else {
            return nil
        }
        let parts = destination.split(
            onASCII: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        let lowered = path.lowercased()
        guard lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") else { return nil }
        return (path, parts.count > 1 ? String(parts[1]) : nil)
    }

    /// The content path that `destination`, written in the document at `from`, points to.
    public static func resolve(_ destination: String, from documentPath: String) -> String? {
        guard let split = splitMarkdownLink(destination) else { return nil }
        var components = documentPath.split(onASCII: "/").dropLast().map(String.init)
        // Foundation's decoding is the costliest part of a link; most paths have nothing to decode.
        let decoded =
            split.path.utf8.contains(UInt8(ascii: "%"))
            ? (split.path.removingPercentEncoding ?? split.path) : split.path
        for part in decoded.split(onASCII: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return nil }
                components.removeLast()
            default: components.append(String(part))
            }
        }
        return components.joined(separator: "/")
    }
}

/// An explicit task id (`<!-- id: … -->`) that an earlier task of the document already has.
public struct DuplicateTaskID: Sendable, Equatable {
    public var id: String
    public var location: Diagnostic.Location
}

extension String.UTF8View {
    /// Whether `sequence` occurs in the bytes; for short needles in short strings, without
    /// Foundation's bridged search.
    func containsSequence(_ sequence: [UInt8]) -> Bool {
        guard let first = sequence.first else { return true }
        var index = startIndex
        while let found = self[index...].firstIndex(of: first) {
            if self[found...].starts(with: sequence) { return true }
            index = self.index(after: found)
        }
        return false
    }
}
