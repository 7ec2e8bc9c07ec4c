/// A text file of the content tree, decoded and with its mis-encoding repaired.
public struct SourceFile: Sendable, Equatable {
    /// The path relative to the content root, with `/` separators (`plans/PLAN.md`).
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
