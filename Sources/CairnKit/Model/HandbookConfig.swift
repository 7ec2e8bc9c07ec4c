/// The optional `content/handbook.yml`: every key may be left out.
public struct HandbookConfig: Sendable, Equatable {
    public var title: String?
    /// Document paths in reading order; documents not listed follow, sorted by path.
    public var documentOrder: [String]
    /// Pass raw HTML in markdown through instead of omitting it.
    public var allowsRawHTML: Bool
    public var location: Diagnostic.Location?

    public init(
        title: String? = nil, documentOrder: [String] = [], allowsRawHTML: Bool = false,
        location: Diagnostic.Location? = nil
    ) {
        self.title = title
        self.documentOrder = documentOrder
        self.allowsRawHTML = allowsRawHTML
        self.location = location
    }

    public static let keys: Set<String> = ["title", "documents", "unsafe_html"]
}
