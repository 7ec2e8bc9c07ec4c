import CCmarkGFM
import Foundation

/// Parses GitHub-flavoured markdown with libcmark-gfm: the only place that touches cmark.
///
/// Debian's libcmark-gfm keeps a global table during `cmark_parser_finish`, so two parses at
/// once corrupt each other; every parse therefore runs under one process-wide lock.
public struct MarkdownParser: Sendable {
    /// Whether raw HTML in the markdown is passed through instead of omitted.
    public var allowsRawHTML: Bool
    /// Blocks nested deeper than this are attached to the deepest allowed ancestor.
    public var maximumDepth: Int
    /// Whether to render body HTML; a check needs only the block tree.
    public var rendersHTML: Bool = true

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

        guard let (parser, document) = Self.parseDocument(text, options: parseOptions) else {
            return ParsedMarkdown(
                root: MarkdownBlock(kind: .document, line: 1, column: 1), html: "")
        }
        defer {
            cmark_node_free(document)
            cmark_parser_free(parser)
        }
        let root = BlockTreeBuilder(maximumDepth: maximumDepth)
            .build(document, rewriteDestination: rewriteDestination)
        let extensions = cmark_parser_get_syntax_extensions(parser)
        var html = ""
        if rendersHTML, let rendered = cmark_render_html(document, renderOptions, extensions) {
            html = String(cString: rendered)
            free(rendered)
        }
        return ParsedMarkdown(root: root, html: html)
    }

    private static func parseDocument(
        _ text: String, options: Int32
    ) -> (OpaquePointer, OpaquePointer)? {
        _ = registration
        guard let parser = cmark_parser_new(options) else { return nil }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        parseLock.lock()
        let document = cmark_parser_finish(parser)
        parseLock.unlock()
        guard let document else {
            cmark_parser_free(parser)
            return nil
        }
        return (parser, document)
    }
}

/// Walks cmark's tree with its iterator (no recursion, so deep nesting cannot exhaust the
/// stack) and builds the `MarkdownBlock` tree.
private struct BlockTreeBuilder {
    let maximumDepth: Int

    /// Inline content being gathered for the innermost paragraph, heading or table.
    private struct InlineContent {
        var text = ""
        /// How many top-level inline runs there are (ignoring blank text, breaks and
        /// comments), and the kind of the first: all a block needs to know of them.
        var topLevelRunCount = 0
        var firstTopLevelRun: TopLevelRun?
        var depth = 0
        var links: [MarkdownLink] = []
        var comments: [String] = []
        var lines: [(key: String?, value: String, line: Int)] = []
        var capturingKey = false
        var line = 0

        mutating func append(_ fragment: String) {
            text += fragment
            if lines.isEmpty { lines.append((nil, "", line)) }
            if capturingKey {
                lines[lines.count - 1].key = (lines[lines.count - 1].key ?? "") + fragment
            } else {
                lines[lines.count - 1].value += fragment
            }
        }

        mutating func breakLine(hard: Bool, at nextLine: Int) {
            text += hard ? "\n" : " "
            lines.append((nil, "", nextLine))
        }

        var isLineEmpty: Bool {
            guard let last = lines.last else { return true }
            return last.key == nil && last.value.isAllWhitespace
        }

        var fields: [MarkdownField] {
            lines.compactMap { line in
                guard let rawKey = line.key else { return nil }
                var key = rawKey.trimmingWhitespace()
                var value = line.value.trimmingWhitespace()
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

    private struct OpenBlock {
        var block: MarkdownBlock
        var isAttached: Bool
    }

    func build(
        _ document: OpaquePointer, rewriteDestination: (String) -> String
    ) -> MarkdownBlock {
        var stack: [OpenBlock] = []
        var inline: InlineContent?
        var inlineOwnerDepth = -1
        guard let iterator = cmark_iter_new(document) else {
            return MarkdownBlock(kind: .document, line: 1, column: 1)
        }
        defer { cmark_iter_free(iterator) }

        var result = MarkdownBlock(kind: .document, line: 1, column: 1)
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
                    let block = makeBlock(node)
                    let isLeaf = isLeafBlock(node)
                    if stack.count >= maximumDepth {
                        // Too deep: keep the content, flattened into the deepest allowed block.
                        stack.append(OpenBlock(block: block, isAttached: false))
                    } else {
                        stack.append(OpenBlock(block: block, isAttached: true))
                    }
                    if collectsInlines(node) {
                        inline = InlineContent(line: block.line)
                        inlineOwnerDepth = stack.count
                    }
                    if isLeaf {
                        close(&stack, into: &result)
                    }
                } else {
                    if inlineOwnerDepth == stack.count, let content = inline {
                        apply(content, to: &stack[stack.count - 1].block)
                        inline = nil
                        inlineOwnerDepth = -1
                    }
                    close(&stack, into: &result)
                }
                continue
            }
            // Not `inline != nil`, which copies the whole gathered content to compare it.
            guard inlineOwnerDepth >= 0 else { continue }
            handleInline(
                node, type: type, isEntering: isEntering, into: &inline!,
                rewrite: rewriteDestination)
        }
        return result
    }

    /// `javascript:`, `vbscript:`, `data:` and `file:` destinations, however written
    /// (`JaVaScRiPt:`, with tabs or spaces inside, as browsers forgive).
    static func isScriptable(_ destination: String) -> Bool {
        let squeezed = String(
            destination.lowercased().unicodeScalars.filter { $0.value > 0x20 }.map(Character.init))
        return ["javascript:", "vbscript:", "data:", "file:"].contains { squeezed.hasPrefix($0) }
    }

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

    private func makeBlock(_ node: OpaquePointer) -> MarkdownBlock {
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
        return MarkdownBlock(kind: kind, line: line, column: column)
    }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private func apply(_ content: InlineContent, to block: inout MarkdownBlock) {
        block.text = content.text.trimmingWhitespace()
        block.links = content.links
        block.comments = content.comments
        block.isBoldOnly = content.isOnly(.strong)
        block.isStruckThrough = content.isOnly(.strikethrough)
        block.fields = content.fields
    }

    private func close(_ stack: inout [OpenBlock], into result: inout MarkdownBlock) {
        guard var closing = stack.popLast() else { return }
        if case .item = closing.block.kind,
            let first = closing.block.children.first, first.kind == .paragraph
        {
            closing.block.text = first.text
            closing.block.isStruckThrough = first.isStruckThrough
            closing.block.comments = first.comments
        }
        guard let parentIndex = stack.indices.last else {
            result = closing.block
            return
        }
        if closing.isAttached {
            stack[parentIndex].block.children.append(closing.block)
        } else {
            // Flattened: its children join the parent, so no content is lost.
            if closing.block.kind == .paragraph || closing.block.children.isEmpty {
                stack[parentIndex].block.children.append(closing.block)
            } else {
                stack[parentIndex].block.children.append(contentsOf: closing.block.children)
            }
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
            let literal = string(cmark_node_get_literal(node))
            let isTopLevel = content.depth == 0
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                content.append(literal)
                if isTopLevel && !literal.isAllWhitespace {
                    content.noteTopLevelRun(.text)
                }
            case CMARK_NODE_SOFTBREAK:
                content.breakLine(hard: false, at: line + 1)
            case CMARK_NODE_LINEBREAK:
                content.breakLine(hard: true, at: line + 1)
            case CMARK_NODE_HTML_INLINE:
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
                        content.capturingKey = true
                    }
                }
                content.depth += 1
            }
        } else if hasChildren {
            content.depth -= 1
            if content.depth == 0 { content.capturingKey = false }
        }
    }
}
