/// One block of a parsed markdown document, reduced to what the model needs: its kind, its
/// inline content as plain text, and where it starts in the source.
///
/// The tree mirrors cmark's block tree; inline formatting is flattened into `text` and the few
/// facts the model reads from it (`isBoldOnly`, `isStruckThrough`, `fields`, `links`).
///
/// A block is a position in its document's `MarkdownTree`, which keeps every block in one
/// array in document order: a document's few hundred blocks are one allocation to make and
/// to free, not an object and a child list each.
public struct MarkdownBlock: Sendable {
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

    let tree: MarkdownTree
    let index: Int

    // Each reads its one field in place: a whole node copied out would retain all of them.
    public var kind: Kind { tree.nodes[index].kind }
    /// The inline content as plain text: formatting dropped, hard breaks kept as newlines.
    public var text: String { tree.nodes[index].text }
    /// Whether the block's whole inline content is one `**strong**` run.
    public var isBoldOnly: Bool { tree.nodes[index].isBoldOnly }
    /// Whether the block's whole inline content is one `~~strikethrough~~` run.
    public var isStruckThrough: Bool { tree.nodes[index].isStruckThrough }
    /// `**Key:** value` lines of a paragraph, in order.
    public var fields: [MarkdownField] { tree.nodes[index].fields }
    /// The bodies of HTML comments in the inline content (`<!-- id: x -->` gives ` id: x `).
    public var comments: [String] { tree.nodes[index].comments }
    public var links: [MarkdownLink] { tree.nodes[index].links }
    /// The links of this block and of every block inside it, in document order: the blocks of
    /// a subtree are one run of the tree's array, read in place.
    public var linksWithin: [MarkdownLink] {
        var links: [MarkdownLink] = []
        // Each node's links read where they are: a node copied out is every field retained.
        for position in index..<tree.nodes[index].subtreeEnd
        where !tree.nodes[position].links.isEmpty {
            links += tree.nodes[position].links
        }
        return links
    }
    public var line: Int { tree.nodes[index].line }
    public var column: Int { tree.nodes[index].column }

    /// The blocks directly inside this one, in order.
    public var children: Children { Children(tree: tree, parent: index) }

    /// The children of a block: the blocks that follow it in the tree's array up to the end
    /// of its subtree, each found by skipping the subtree of the one before.
    public struct Children: Collection, Sendable {
        let tree: MarkdownTree
        let parent: Int

        public var startIndex: Int { parent + 1 }
        public var endIndex: Int { tree.nodes[parent].subtreeEnd }
        public func index(after position: Int) -> Int { tree.nodes[position].subtreeEnd }
        public subscript(position: Int) -> MarkdownBlock {
            MarkdownBlock(tree: tree, index: position)
        }
    }
}

/// Every block of one parsed document in one array, in document order: a block's subtree is
/// the run of blocks from it up to its `subtreeEnd`.
struct MarkdownTree: Sendable {
    struct Node: Sendable {
        var kind: MarkdownBlock.Kind
        var text = ""
        var isBoldOnly = false
        var isStruckThrough = false
        var fields: [MarkdownField] = []
        var comments: [String] = []
        var links: [MarkdownLink] = []
        var line: Int
        var column: Int
        /// One past the last block inside this one.
        var subtreeEnd: Int
    }

    var nodes: [Node]

    /// A document with nothing in it.
    static let empty = MarkdownTree(
        nodes: [Node(kind: .document, line: 1, column: 1, subtreeEnd: 1)])

    var root: MarkdownBlock { MarkdownBlock(tree: self, index: 0) }
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
