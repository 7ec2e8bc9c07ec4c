/// A part of a document opened by a heading, or by a paragraph that is only bold text
/// (`**2.1: Platform Setup**`), holding tasks and subsections.
public struct Section: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, Codable {
        case heading
        case boldParagraph = "bold"
    }

    public var kind: Kind
    public var title: String
    /// The anchor of the section in its page (GitHub's slug for headings).
    public var anchor: String
    /// The heading level; a bold-paragraph subsection is one level below the section it is in.
    public var level: Int
    public var location: Diagnostic.Location
    /// Tasks written directly in this section, not in its subsections.
    public var tasks: [PlanTask]
    public var children: [Section]
    /// Prerequisites named by a `**Requires:** Phase 2, Pre-Deployment` line.
    public var requires: [String]
    /// `**Key:** value` lines of the section's own paragraphs, keys lowercased.
    public var fields: [String: String]
    /// Whether the section's own content is something other than task lists.
    public var hasOtherContent: Bool
    /// The first plain paragraph of the section's own content, if any.
    public var summary: String? = nil

    /// Done and total of the section's own tasks and its subsections', worked out once when
    /// the section is complete.
    public var progress: Progress = .none

    /// Every task in the section and its subsections, depth first, nested tasks included.
    public var allTasks: [PlanTask] {
        tasks.flatMap(\.flattened) + children.flatMap(\.allTasks)
    }

    /// This section and all below it, depth first.
    public var flattened: [Section] {
        [self] + children.flatMap(\.flattened)
    }

    /// The title without a leading number such as `4.1:` or `2.`.
    public var unnumberedTitle: String {
        var rest = Substring(title)
        while let first = rest.first, first.isNumber || first == "." { rest = rest.dropFirst() }
        guard rest.count < title.count else { return title }
        if rest.first == ":" || rest.first == ")" { rest = rest.dropFirst() }
        return rest.trimmingWhitespace()
    }

    /// A checklist: its title ends in "Checklist", or its own content is only tasks.
    public var isChecklist: Bool {
        title.lowercased().hasSuffix("checklist") || (!tasks.isEmpty && !hasOtherContent)
    }

    /// A `Pre-…` section is a prerequisite of its siblings and of the action its parent names.
    public var isPrerequisite: Bool {
        unnumberedTitle.lowercased().hasPrefix("pre-")
    }
}
