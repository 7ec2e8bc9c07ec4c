import CCmarkGFM
import CParseArena
import Foundation

/// Parses GitHub-flavoured markdown with libcmark-gfm: the only place that touches cmark.
///
/// Debian's libcmark-gfm keeps a global table during `cmark_parser_finish`, so two parses at
/// once corrupt each other; that step of every parse therefore runs under one process-wide
/// lock.
///
/// cmark allocates from the calling thread's parse arena (`CParseArena`): a document's
/// parse and HTML are well over a thousand allocations, and freeing its tree walks every
/// node. Nothing cmark allocated outlives `parse`, which gives the arena back when it ends.
public struct MarkdownParser: Sendable {
    /// Whether raw HTML in the markdown is passed through instead of omitted.
    public var allowsRawHTML: Bool
    /// Blocks nested deeper than this are attached to the deepest allowed ancestor.
    public var maximumDepth: Int
    /// Whether to render body HTML; a check needs only the block tree.
    public var rendersHTML: Bool = true
    /// Whether the autolink extension is left out of a parse when the text has nothing it
    /// could link (`AutolinkCandidates`); false attaches it to every parse, for tests.
    var skipsAutolinkWhenUnneeded = true

    public init(allowsRawHTML: Bool = false, maximumDepth: Int = 64) {
        self.allowsRawHTML = allowsRawHTML
        self.maximumDepth = maximumDepth
    }

    private static let extensionNames = [
        "table", "tasklist", "strikethrough", "autolink", "tagfilter",
    ]
    private static let parseLock = NSLock()
    private static let registration: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Parses `text` into a block tree and body HTML.
    /// - Parameter rewriteDestination: called for every link and image destination; what it
    ///   returns replaces the destination in the HTML (the block tree keeps the original).
    public func parse(
        _ text: String, rewriteDestination: (String) -> String = { $0 }
    ) -> ParsedMarkdown {
        let parseOptions = CMARK_OPT_FOOTNOTES
        var renderOptions = CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES
        if allowsRawHTML { renderOptions |= CMARK_OPT_UNSAFE }

        // The parser, the tree and the HTML are all in the arena: dropped here at once, with
        // no `cmark_node_free` walking the tree.
        defer { cairn_parse_arena_reset() }
        guard
            let (parser, document) = Self.parseDocument(
                text, options: parseOptions, skippingUnneededAutolink: skipsAutolinkWhenUnneeded)
        else {
            return ParsedMarkdown(root: MarkdownTree.empty.root, html: "")
        }
        let root = BlockTreeBuilder(maximumDepth: maximumDepth)
            .build(
                document, sourceLength: text.utf8.count, rewriteDestination: rewriteDestination
            ).root
        let extensions = cmark_parser_get_syntax_extensions(parser)
        var html = ""
        if rendersHTML, let rendered = cmark_render_html(document, renderOptions, extensions) {
            html = String(cString: rendered)  // copied out before the arena is reset
        }
        return ParsedMarkdown(root: root, html: html)
    }

    private static func parseDocument(
        _ text: String, options: Int32, skippingUnneededAutolink: Bool
    ) -> (OpaquePointer, OpaquePointer)? {
        _ = registration
        guard
            let parser = cmark_parser_new_with_mem(
                options, cairn_parse_arena_memory().assumingMemoryBound(to: cmark_mem.self))
        else { return nil }
        var text = text
        text.withUTF8 { buffer in
            let linksBareURLs =
                !skippingUnneededAutolink || AutolinkCandidates.mayOccur(in: buffer)
            for name in extensionNames where name != "autolink" || linksBareURLs {
                if let syntaxExtension = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, syntaxExtension)
                }
            }
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        parseLock.lock()
        let document = cmark_parser_finish(parser)
        parseLock.unlock()
        guard let document else { return nil }
        return (parser, document)
    }
}

/// What libcmark-gfm's autolink extension (0.29) can turn into a link: `www.` where its
/// trigger character `w` starts a match, a scheme before `://` where `:` does, and an email
/// address around an `@`, found in the text nodes after the inline pass. Text with none of
/// these parses to the same tree with or without the extension, which otherwise costs about
/// a third of a parse (`w` and `:` stop every run of plain text to ask it).
enum AutolinkCandidates {
    static func mayOccur(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
        if memchr(base, Int32(UInt8(ascii: "@")), bytes.count) != nil { return true }
        // `://`: each colon followed by two slashes.
        if anyOccurrence(
            of: UInt8(ascii: ":"), in: bytes,
            where: { index in
                index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "/")
                    && bytes[index + 2] == UInt8(ascii: "/")
            })
        {
            return true
        }
        // `www.`, in any case: each full stop after three `w`s.
        return anyOccurrence(of: UInt8(ascii: "."), in: bytes) { index in
            index >= 3 && bytes[(index - 3)..<index].allSatisfy { $0 | 0x20 == UInt8(ascii: "w") }
        }
    }

    /// Whether `test` holds at some position of `byte`, found with `memchr`.
    private static func anyOccurrence(
        of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, where test: (Int) -> Bool
    ) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var start = 0
        while start < bytes.count,
            let found = memchr(base + start, Int32(byte), bytes.count - start)
        {
            let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if test(index) { return true }
            start = index + 1
        }
        return false
    }
}

/// Walks cmark's tree with its iterator (no recursion, so deep nesting cannot exhaust the
/// stack) and lays its blocks out in a `MarkdownTree`.
private struct BlockTreeBuilder {
    let maximumDepth: Int

    /// Inline content being gathered for the innermost paragraph, heading or table: its text,
    /// with where each line starts in it and which part of a line is a `**Key:**`.
    private struct InlineContent {
        /// Where a line starts in `text` (a UTF-8 offset), its source line, and the UTF-8
        /// range of its key, the text inside a `**strong**` run that opens the line.
        struct Line {
            var start: Int
            var line: Int
            var keyStart: Int?
            var keyEnd: Int?
        }

        /// The text's UTF-8 bytes, copied from cmark's literals as they come: a string made of
        /// each literal and appended cost more than the rest of turning a block into a node.
        var text: [UInt8] = []
        /// How many top-level inline runs there are (ignoring blank text, breaks and
        /// comments), and the kind of the first: all a block needs to know of them.
        var topLevelRunCount = 0
        var firstTopLevelRun: TopLevelRun?
        var depth = 0
        var links: [MarkdownLink] = []
        var comments: [String] = []
        var lines: [Line] = []
        var capturingKey = false
        /// Whether any line has a key: only then are there fields to read.
        var hasKeys = false

        /// Empties the content for a block starting at `line`, keeping the room the text and
        /// lines took: one block's content is gathered at a time.
        mutating func reset(line: Int) {
            text.removeAll(keepingCapacity: true)
            lines.removeAll(keepingCapacity: true)
            lines.append(Line(start: 0, line: line))
            topLevelRunCount = 0
            firstTopLevelRun = nil
            depth = 0
            links = []
            comments = []
            capturingKey = false
            hasKeys = false
        }

        /// Appends a cmark literal; returns whether it is all whitespace.
        mutating func append(_ literal: UnsafePointer<CChar>) -> Bool {
            let fragment = UnsafeBufferPointer(
                start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self),
                count: strlen(literal))
            text.append(contentsOf: fragment)
            return fragment.isAllWhitespace
        }

        /// The whole text without leading and trailing whitespace, as `trimmingWhitespace`
        /// gives it.
        var trimmedText: String {
            text.withUnsafeBufferPointer { bytes in
                bytes.trimmedAtASCIIEnds()
                    ?? String(decoding: bytes, as: UTF8.self).trimmingWhitespace()
            }
        }

        /// A line break: cmark gives break nodes no position, so the next line is counted on.
        mutating func breakLine(hard: Bool) {
            // A key broken over lines is a key on each.
            if capturingKey { lines[lines.count - 1].keyEnd = text.count }
            text.append(hard ? UInt8(ascii: "\n") : UInt8(ascii: " "))
            lines.append(
                Line(
                    start: text.count, line: lines[lines.count - 1].line + 1,
                    keyStart: capturingKey ? text.count : nil))
        }

        mutating func startKey() {
            capturingKey = true
            hasKeys = true
            lines[lines.count - 1].keyStart = text.count
        }

        mutating func endKey() {
            capturingKey = false
            lines[lines.count - 1].keyEnd = text.count
        }

        /// Whether the current line has no key and nothing but blanks so far.
        var isLineEmpty: Bool {
            let current = lines[lines.count - 1]
            return !hasKey(current)
                && text.withUnsafeBufferPointer {
                    UnsafeBufferPointer(rebasing: $0[current.start...]).isAllWhitespace
                }
        }

        /// Whether the line has a key, and one that is not empty.
        private func hasKey(_ line: Line) -> Bool {
            guard let start = line.keyStart else { return false }
            return (line.keyEnd ?? text.count) > start
        }

        /// The text between two offsets, which fall between literals and breaks, so never
        /// inside a character's bytes.
        private func slice(_ from: Int, _ to: Int) -> String {
            String(decoding: text[from..<to], as: UTF8.self)
        }

        var fields: [MarkdownField] {
            guard hasKeys else { return [] }
            return lines.indices.compactMap { index in
                let line = lines[index]
                guard hasKey(line), let keyStart = line.keyStart else { return nil }
                let keyEnd = line.keyEnd ?? text.count
                // A line ends where the break (one byte) before the next begins.
                let end = index + 1 < lines.count ? lines[index + 1].start - 1 : text.count
                guard
                    mayHaveColon(
                        keyStart: keyStart, keyEnd: keyEnd, lineStart: line.start, end: end)
                else { return nil }
                var key = slice(keyStart, keyEnd).trimmingWhitespace()
                var value = (slice(line.start, keyStart) + slice(keyEnd, end))
                    .trimmingWhitespace()
                if key.hasSuffix(":") {
                    key.removeLast()
                } else if value.hasPrefix(":") {
                    value = String(value.dropFirst()).trimmingWhitespace()
                } else {
                    return nil
                }
                return MarkdownField(
                    key: key.trimmingWhitespace(), value: value, line: line.line)
            }
        }

        /// Whether the key may end with `:` or the value start with one, as a field needs;
        /// false only when the bytes say neither can (a bold title, `**1.1: Setup**`, is no
        /// field), before any string is made. The byte next to a colon must be ASCII to tell:
        /// a colon with a mark joined to it is another character.
        private func mayHaveColon(keyStart: Int, keyEnd: Int, lineStart: Int, end: Int) -> Bool {
            let colon = UInt8(ascii: ":")
            let keyLast = text[keyStart..<keyEnd].last { !$0.isASCIIBlank }
            if let keyLast, keyLast == colon || keyLast >= 0x80 { return true }
            let valueFirst =
                text[lineStart..<keyStart].first { !$0.isASCIIBlank }
                ?? text[keyEnd..<end].first { !$0.isASCIIBlank }
            guard let valueFirst else { return false }
            return valueFirst == colon || valueFirst >= 0x80
        }

        mutating func noteTopLevelRun(_ run: TopLevelRun) {
            if topLevelRunCount == 0 { firstTopLevelRun = run }
            topLevelRunCount += 1
        }

        /// Whether the whole inline content is one run of `run`.
        func isOnly(_ run: TopLevelRun) -> Bool {
            topLevelRunCount == 1 && firstTopLevelRun == run
        }
    }

    /// The kinds of inline run the model tells apart at the top level of a block.
    private enum TopLevelRun {
        case text, html, strong, strikethrough, otherFormatting
    }

    /// A block entered and not yet left.
    private struct OpenBlock {
        /// Its node in the tree; nil for a container nested too deep, which is kept only if
        /// nothing turns out to be inside it (its content goes to the deepest block kept).
        /// Such a container's node waits on the pending stack, so that an open block stays a
        /// few words to push and pop.
        var nodeIndex: Int?
        var hasChildren = false
    }

    /// - Parameter sourceLength: the markdown's length in bytes, to make room for its blocks.
    func build(
        _ document: OpaquePointer, sourceLength: Int, rewriteDestination: (String) -> String
    ) -> MarkdownTree {
        var nodes: [MarkdownTree.Node] = []
        var stack: [OpenBlock] = []
        var pending: [MarkdownTree.Node] = []
        var inline = InlineContent()
        var inlineOwnerDepth = -1
        // About one block per 24 bytes of markdown in plans; the array grows past it if not.
        nodes.reserveCapacity(sourceLength / 24 + 8)
        guard let iterator = cmark_iter_new(document) else { return .empty }
        defer { cmark_iter_free(iterator) }

        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let isEntering = event == CMARK_EVENT_ENTER
            let type = cmark_node_get_type(node)
            // An extension's block nodes (a table, its rows and cells) are numbered as blocks
            // too (`cmark_syntax_extension_add_node`), and a task item is an item.
            let isBlock = (Int32(type.rawValue) & CMARK_NODE_TYPE_MASK) == CMARK_NODE_TYPE_BLOCK

            if isBlock && !isInlineContainer(node, type) {
                if isEntering {
                    let isLeaf = isLeafBlock(node)
                    let collects = collectsInlines(node)
                    if !stack.isEmpty { stack[stack.count - 1].hasChildren = true }
                    // Made where it is kept: a node copied is every one of its fields retained.
                    if stack.count < maximumDepth || isLeaf || collects {
                        // Kept where it stands; too deep, a leaf or a paragraph is kept
                        // too, inside the deepest block kept.
                        stack.append(OpenBlock(nodeIndex: nodes.count))
                        nodes.append(makeNode(node, at: nodes.count))
                    } else {
                        stack.append(OpenBlock(nodeIndex: nil))
                        pending.append(makeNode(node, at: nodes.count))
                    }
                    if collects {
                        inline.reset(line: Int(cmark_node_get_start_line(node)))
                        inlineOwnerDepth = stack.count
                    }
                    if isLeaf {
                        close(&stack, &pending, &nodes)
                    }
                } else {
                    if inlineOwnerDepth == stack.count, let index = stack.last?.nodeIndex {
                        apply(inline, to: &nodes[index])
                        inlineOwnerDepth = -1
                    }
                    close(&stack, &pending, &nodes)
                }
                continue
            }
            guard inlineOwnerDepth >= 0 else { continue }
            handleInline(
                node, type: type, isEntering: isEntering, into: &inline,
                rewrite: rewriteDestination)
        }
        return nodes.isEmpty ? .empty : MarkdownTree(nodes: nodes)
    }

    /// `javascript:`, `vbscript:`, `data:` and `file:` destinations, however written
    /// (`JaVaScRiPt:`, with tabs or spaces inside, as browsers forgive).
    static func isScriptable(_ destination: String) -> Bool {
        // The first bytes of the lowercased destination above U+0020, enough for the longest
        // scheme; a scalar beyond ASCII is bytes above 0x7F, which no scheme's letter matches.
        var squeezed: [UInt8] = []
        squeezed.reserveCapacity(scriptableSchemeLength)
        for byte in destination.lowercasedScalarwise().utf8 where byte > 0x20 {
            squeezed.append(byte)
            if squeezed.count == scriptableSchemeLength { break }
        }
        return scriptableSchemes.contains { squeezed.starts(with: $0.utf8) }
    }

    private static let scriptableSchemes = ["javascript:", "vbscript:", "data:", "file:"]
    private static let scriptableSchemeLength = "javascript:".utf8.count

    /// Whether cmark names the node's type `name` (an extension's node: `table`, `tasklist`,
    /// `strikethrough`). Compared as C strings: making a Swift string of every node's type
    /// name, several times per node, was a tenth of turning the parse into blocks.
    private func hasTypeName(_ node: OpaquePointer, _ name: StaticString) -> Bool {
        guard let typeName = cmark_node_get_type_string(node) else { return false }
        return name.withUTF8Buffer { expected in
            guard let start = expected.baseAddress, strlen(typeName) == expected.count else {
                return false
            }
            return memcmp(typeName, start, expected.count) == 0
        }
    }

    /// Table rows and cells are gathered into their table as inline content.
    private func isInlineContainer(_ node: OpaquePointer, _ type: cmark_node_type) -> Bool {
        isExtensionBlock(type)
            && (hasTypeName(node, "table_row") || hasTypeName(node, "table_header")
                || hasTypeName(node, "table_cell"))
    }

    /// A block node an extension added (a table, its rows and cells): numbered after
    /// cmark's own, the last of which is the footnote definition. Only these need their
    /// type's name read.
    private func isExtensionBlock(_ type: cmark_node_type) -> Bool {
        Int32(type.rawValue) & CMARK_NODE_TYPE_MASK == CMARK_NODE_TYPE_BLOCK
            && Int32(type.rawValue) & CMARK_NODE_VALUE_MASK
                > Int32(CMARK_NODE_FOOTNOTE_DEFINITION.rawValue) & CMARK_NODE_VALUE_MASK
    }

    private func isLeafBlock(_ node: OpaquePointer) -> Bool {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_CODE_BLOCK, CMARK_NODE_HTML_BLOCK, CMARK_NODE_THEMATIC_BREAK: true
        default: false
        }
    }

    private func collectsInlines(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING: return true
        default: return isExtensionBlock(type) && hasTypeName(node, "table")
        }
    }

    /// The node of a block starting at `index` in the tree, its subtree empty so far.
    private func makeNode(_ node: OpaquePointer, at index: Int) -> MarkdownTree.Node {
        let line = Int(cmark_node_get_start_line(node))
        let column = Int(cmark_node_get_start_column(node))
        let kind: MarkdownBlock.Kind
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: kind = .document
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_LIST:
            kind = .list(isOrdered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
        case CMARK_NODE_ITEM:
            let isTask = hasTypeName(node, "tasklist")
            kind = .item(task: isTask ? cmark_gfm_extensions_get_tasklist_item_checked(node) : nil)
        case CMARK_NODE_CODE_BLOCK:
            kind = .codeBlock(
                info: string(cmark_node_get_fence_info(node)),
                literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        default:
            kind =
                isExtensionBlock(cmark_node_get_type(node)) && hasTypeName(node, "table")
                ? .table : .other
        }
        return MarkdownTree.Node(kind: kind, line: line, column: column, subtreeEnd: index + 1)
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private func apply(_ content: InlineContent, to node: inout MarkdownTree.Node) {
        node.text = content.trimmedText
        node.links = content.links
        node.comments = content.comments
        node.isBoldOnly = content.isOnly(.strong)
        node.isStruckThrough = content.isOnly(.strikethrough)
        node.fields = content.fields
    }

    /// Leaves the innermost open block: a kept block's subtree ends here; a container too
    /// deep with nothing inside is kept now, where it stands in the document.
    private func close(
        _ stack: inout [OpenBlock], _ pending: inout [MarkdownTree.Node],
        _ nodes: inout [MarkdownTree.Node]
    ) {
        guard let closing = stack.popLast() else { return }
        guard let index = closing.nodeIndex else {
            if var node = pending.popLast(), !closing.hasChildren {
                node.subtreeEnd = nodes.count + 1
                nodes.append(node)
            }
            return
        }
        nodes[index].subtreeEnd = nodes.count
        // An item reads as its first paragraph.
        if case .item = nodes[index].kind, index + 1 < nodes.count,
            case .paragraph = nodes[index + 1].kind
        {
            nodes[index].text = nodes[index + 1].text
            nodes[index].isStruckThrough = nodes[index + 1].isStruckThrough
            nodes[index].comments = nodes[index + 1].comments
        }
    }

    private func handleInline(
        _ node: OpaquePointer, type: cmark_node_type, isEntering: Bool,
        into content: inout InlineContent, rewrite: (String) -> String
    ) {
        let isStrikethrough = hasTypeName(node, "strikethrough")
        let line = Int(cmark_node_get_start_line(node))
        let hasChildren =
            type == CMARK_NODE_EMPH || type == CMARK_NODE_STRONG || type == CMARK_NODE_LINK
            || type == CMARK_NODE_IMAGE || isStrikethrough
        if isEntering {
            let isTopLevel = content.depth == 0
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                guard let literal = cmark_node_get_literal(node) else { break }
                if !content.append(literal) && isTopLevel {
                    content.noteTopLevelRun(.text)
                }
            case CMARK_NODE_SOFTBREAK:
                content.breakLine(hard: false)
            case CMARK_NODE_LINEBREAK:
                content.breakLine(hard: true)
            case CMARK_NODE_HTML_INLINE:
                let literal = string(cmark_node_get_literal(node))
                if literal.hasPrefix("<!--") && literal.hasSuffix("-->") {
                    content.comments.append(String(literal.dropFirst(4).dropLast(3)))
                } else if isTopLevel {
                    content.noteTopLevelRun(.html)
                }
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                let destination = string(cmark_node_get_url(node))
                content.links.append(
                    MarkdownLink(
                        destination: destination, text: "", isImage: type == CMARK_NODE_IMAGE,
                        line: line,
                        column: Int(cmark_node_get_start_column(node))))
                // A script or data URL is never a link, even when raw HTML is allowed.
                let rewritten = Self.isScriptable(destination) ? "" : rewrite(destination)
                if rewritten != destination { cmark_node_set_url(node, rewritten) }
            default:
                break
            }
            if hasChildren {
                if isTopLevel {
                    content.noteTopLevelRun(
                        type == CMARK_NODE_STRONG
                            ? .strong : (isStrikethrough ? .strikethrough : .otherFormatting))
                    if type == CMARK_NODE_STRONG && content.isLineEmpty {
                        content.startKey()
                    }
                }
                content.depth += 1
            }
        } else if hasChildren {
            content.depth -= 1
            if content.depth == 0 && content.capturingKey { content.endKey() }
        }
    }
}
