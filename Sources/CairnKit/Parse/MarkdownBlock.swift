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

    public var kind: Kind {
        get { storage.kind }
        _modify {
            makeUnique()
            yield &storage.kind
        }
    }

    /// The inline content as plain text: formatting dropped, hard breaks kept as newlines.
    public var text: String {
        get { storage.text }
        _modify {
            makeUnique()
            yield &storage.text
        }
    }

    /// Whether the block's whole inline content is one `**strong**` run.
    public var isBoldOnly: Bool {
        get { storage.isBoldOnly }
        _modify {
            makeUnique()
            yield &storage.isBoldOnly
        }
    }

    /// Whether the block's whole inline content is one `~~strikethrough~~` run.
    public var isStruckThrough: Bool {
        get { storage.isStruckThrough }
        _modify {
            makeUnique()
            yield &storage.isStruckThrough
        }
    }

    /// `**Key:** value` lines of a paragraph, in order.
    public var fields: [MarkdownField] {
        get { storage.fields }
        _modify {
            makeUnique()
            yield &storage.fields
        }
    }

    /// The bodies of HTML comments in the inline content (`<!-- id: x -->` gives ` id: x `).
    public var comments: [String] {
        get { storage.comments }
        _modify {
            makeUnique()
            yield &storage.comments
        }
    }

    public var links: [MarkdownLink] {
        get { storage.links }
        _modify {
            makeUnique()
            yield &storage.links
        }
    }

    public var line: Int {
        get { storage.line }
        _modify {
            makeUnique()
            yield &storage.line
        }
    }

    public var column: Int {
        get { storage.column }
        _modify {
            makeUnique()
            yield &storage.column
        }
    }

    public var children: [MarkdownBlock] {
        get { storage.children }
        _modify {
            makeUnique()
            yield &storage.children
        }
    }

    /// The fields, shared by copies until one of them changes: the model's builders walk
    /// the tree by value, and a copy is then one reference rather than a copy of each field.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var kind: Kind
        @exclusivity(unchecked) var text: String
        @exclusivity(unchecked) var isBoldOnly: Bool
        @exclusivity(unchecked) var isStruckThrough: Bool
        @exclusivity(unchecked) var fields: [MarkdownField]
        @exclusivity(unchecked) var comments: [String]
        @exclusivity(unchecked) var links: [MarkdownLink]
        @exclusivity(unchecked) var line: Int
        @exclusivity(unchecked) var column: Int
        @exclusivity(unchecked) var children: [MarkdownBlock]

        init(
            kind: Kind, text: String, isBoldOnly: Bool, isStruckThrough: Bool,
            fields: [MarkdownField], comments: [String], links: [MarkdownLink], line: Int,
            column: Int, children: [MarkdownBlock]
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

        func copy() -> Storage {
            Storage(
                kind: kind, text: text, isBoldOnly: isBoldOnly, isStruckThrough: isStruckThrough,
                fields: fields, comments: comments, links: links, line: line, column: column,
                children: children)
        }
    }

    private var storage: Storage

    public init(
        kind: Kind, text: String = "", isBoldOnly: Bool = false, isStruckThrough: Bool = false,
        fields: [MarkdownField] = [], comments: [String] = [], links: [MarkdownLink] = [],
        line: Int, column: Int, children: [MarkdownBlock] = []
    ) {
        storage = Storage(
            kind: kind, text: text, isBoldOnly: isBoldOnly, isStruckThrough: isStruckThrough,
            fields: fields, comments: comments, links: links, line: line, column: column,
            children: children)
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    public static func == (left: MarkdownBlock, right: MarkdownBlock) -> Bool {
        left.storage === right.storage
            || (left.kind == right.kind && left.text == right.text
                && left.isBoldOnly == right.isBoldOnly
                && left.isStruckThrough == right.isStruckThrough && left.fields == right.fields
                && left.comments == right.comments && left.links == right.links
                && left.line == right.line && left.column == right.column
                && left.children == right.children)
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
