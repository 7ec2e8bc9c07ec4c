/// A section that is a checklist, with whether it is a prerequisite and of what.
public struct Checklist: Sendable, Equatable {
    public var title: String
    public var documentPath: String
    public var anchor: String
    public var location: Diagnostic.Location
    public var progress: Progress
    public var isPrerequisite: Bool
    /// The title of the section it sits in (the action a `Pre-…` checklist guards).
    public var parentTitle: String?
    /// The sibling sections a `Pre-…` checklist must be complete before.
    public var gates: [String]
}
