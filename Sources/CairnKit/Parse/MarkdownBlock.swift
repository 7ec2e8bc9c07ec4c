/// One block of a parsed markdown document, reduced to what the model needs: its kind, its
/// inline content as plain text, and where it starts in the source.
///
/// The tree mirrors cmark's block tree; inline formatting is flattened into `text` and the few
/// facts the model reads from it (`isBoldOnly`, `isStruckThrough`, `fields`, `links`).
public struct MarkdownBlock: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case document
        case heading(level: Int)
        case paragraph
        case list(isOrdered: Bool)
        /// A list item; `task` is nil for a plain item, true or false for a ticked or open task.
        case item(task: Bool?)
        case codeBlock(info: String, literal: String)
        case htmlBlock
        case blockQuote
        case thematicBreak
        case table
        case other
    }

    public var kind: Kind
    /// The inline content as plain text: formatting dropped, hard breaks kept as newlines.
    public var text: String
    /// Whether the block's whole inline content is one `**strong**` run.
    public var isBoldOnly: Bool
    /// Whether the block's whole inline content is one `~~strikethrough~~` run.
    public var isStruckThrough: Bool
    /// `**Key:** value` lines of a paragraph, in order.
    public var fields: [MarkdownField]
    /// The bodies of HTML comments in the inline content (`<!-- id: x -->` gives ` id: x `).
    public var comments: [String]
    public var links: [MarkdownLink]
    public var line: Int
    public var column: Int
    public var children: [MarkdownBlock]

    public init(
        kind: Kind, text: String = "", isBoldOnly: Bool = false, isStruckThrough: Bool = false,
        fields: [MarkdownField] = [], comments: [String] = [], links: [MarkdownLink] = [],
        line: Int, column: Int, children: [MarkdownBlock] = []
    ) {
        self.kind = kind
        self.text = text
        self.isBoldOnly = isBoldOnly
        self.isStruckThrough = isStruckThrough
        self.fields = fields
        self.comments = comments
        self.links = links
        self.line = line
        self.column = column
        self.children = children
    }
}

/// A `**Key:** value` line inside a paragraph.
public struct MarkdownField: Sendable, Equatable {
    public var key: String
    public var value: String
    public var line: Int
}

/// A link or image destination and where it stands in the source.
public struct MarkdownLink: Sendable, Equatable {
    public var destination: String
    public var text: String
    public var isImage: Bool
    public var line: Int
    public var column: Int
}

/// What parsing one markdown document gives: the block tree for the model, and the body HTML
/// (rendered with `data-sourcepos` attributes, which Render turns into anchors).
public struct ParsedMarkdown: Sendable {
    public var root: MarkdownBlock
    public var html: String
}
