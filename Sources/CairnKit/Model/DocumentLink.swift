/// A link from a document, and the document and anchor it points at when it stays inside
/// the handbook.
public struct DocumentLink: Sendable, Equatable {
    public var destination: String
    /// The linked document's path relative to the content root, for a relative link to markdown.
    public var targetDocument: String?
    public var fragment: String?
    public var isImage: Bool
    public var location: Diagnostic.Location
}
