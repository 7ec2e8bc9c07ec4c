/// Turns the `data-sourcepos` attributes cmark writes into what a handbook page needs: ids
/// and anchor links on headings and bold subsections, progress beside them, ids on tasks,
/// scrollable wrappers around tables. Every other `data-sourcepos` is dropped.
///
/// cmark escapes `"` in text, so `data-sourcepos="` can only come from its own tags.
struct BodyDecorator {
    /// What to do with the element that starts at a source position.
    struct Decoration {
        /// The tag the element is written with (`li`, `p`, or any heading for `h`): a list
        /// and its first item start at the same position.
        var tag: String
        var id: String
        var className: String?
        /// HTML inserted just before the element's closing tag (anchor link, progress).
        var trailingHTML: String?
        /// HTML inserted just before the element itself (a drawn workflow before its text).
        var precedingHTML: String? = nil
    }

    /// Where each decoration's element starts, in source order (line, then column), and the
    /// decorations in the same order: looked up by binary search, with no table to build for
    /// each page and no hashing per element.
    var positions: [SourcePosition]
    var decorations: [Decoration]
    /// Put before every id and same-page link, so that several documents can share one page.
    var idPrefix = ""
    /// Put before every relative link, for a page that is not in the document's folder.
    var linkFolder = ""

    struct SourcePosition: Hashable {
        var line: Int
        var column: Int
    }

    /// The decoration of the element starting at `position`, if any.
    private func decoration(at position: SourcePosition) -> Decoration? {
        var low = 0
        var high = positions.count
        while low < high {
            let middle = (low + high) / 2
            let candidate = positions[middle]
            if candidate.line < position.line
                || (candidate.line == position.line && candidate.column < position.column)
            {
                low = middle + 1
            } else {
                high = middle
            }
        }
        guard low < positions.count, positions[low] == position else { return nil }
        return decorations[low]
    }

    private static let hrefAttribute = Array(" href=\"".utf8)
    private static let srcAttribute = Array(" src=\"".utf8)

    /// A link as it must read on a page elsewhere: same-page anchors get the id prefix,
    /// relative paths the document's folder; absolute URLs stay as they are.
    private func relocated(_ value: String) -> String {
        if value.hasPrefix("#") { return "#" + idPrefix + value.dropFirst() }
        let scheme = value.prefix { $0 != "/" && $0 != ":" && $0 != "#" && $0 != "?" }
        if value.hasPrefix("/") || value.dropFirst(scheme.count).hasPrefix(":") { return value }
        return linkFolder + value
    }
    private static let attribute = Array(" data-sourcepos=\"".utf8)
    private static let tableOpen = Array("<table".utf8)
    private static let tableClose = Array("</table>".utf8)
    private static let uncheckedBox = Array("<input type=\"checkbox\" disabled=\"\" />".utf8)
    private static let checkedBox = Array(
        "<input type=\"checkbox\" checked=\"\" disabled=\"\" />".utf8)

    private static let tableWrapOpen = Array("<div class=\"table-wrap\">".utf8)
    private static let tableWrapClose = Array("</table></div>".utf8)
    private static let labelledUncheckedBox = Array(
        "<input type=\"checkbox\" disabled=\"\" aria-label=\"Open task\" />".utf8)
    private static let labelledCheckedBox = Array(
        "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done task\" />".utf8)

    /// The decorated HTML as bytes, for a page that writes it as it is.
    func decoratedBytes(_ html: String) -> [UInt8] {
        var html = html
        return html.withUTF8 { decorate($0) }
    }

    /// The decorated bytes. Text between the places that can change is copied a run at a time:
    /// a tag's `<`, and a space that may start an attribute this rewrites.
    private func decorate(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        // The fixed byte strings, read once: a `Self.` read in the loop checks a lazy global
        // and retains its array every time.
        let (tableOpen, tableClose, tableWrapOpen, tableWrapClose) = (
            Self.tableOpen, Self.tableClose, Self.tableWrapOpen, Self.tableWrapClose
        )
        let (uncheckedBox, checkedBox, labelledUncheckedBox, labelledCheckedBox) = (
            Self.uncheckedBox, Self.checkedBox, Self.labelledUncheckedBox,
            Self.labelledCheckedBox
        )
        let (hrefAttribute, srcAttribute, attribute) = (
            Self.hrefAttribute, Self.srcAttribute, Self.attribute
        )
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        let relocatesLinks = !(idPrefix.isEmpty && linkFolder.isEmpty)
        var pendingClose: (tags: [[UInt8]], html: [UInt8])?
        var index = 0
        while index < bytes.count {
            var runEnd = index
            while runEnd < bytes.count {
                let byte = bytes[runEnd]
                if byte == UInt8(ascii: "<") { break }
                if byte == UInt8(ascii: " "), runEnd + 1 < bytes.count {
                    let next = bytes[runEnd + 1]
                    if next == UInt8(ascii: "d")
                        || (relocatesLinks
                            && (next == UInt8(ascii: "h") || next == UInt8(ascii: "s")))
                    {
                        break
                    }
                }
                runEnd += 1
            }
            if runEnd > index {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<runEnd]))
                index = runEnd
                continue
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                if let pending = pendingClose,
                    pending.tags.contains(where: { bytes.hasPrefix($0, at: index) })
                {
                    output += pending.html
                    pendingClose = nil
                }
                if bytes.hasPrefix(tableOpen, at: index) {
                    output += tableWrapOpen
                } else if bytes.hasPrefix(tableClose, at: index) {
                    output += tableWrapClose
                    index += tableClose.count
                    continue
                } else if bytes.hasPrefix(uncheckedBox, at: index) {
                    output += labelledUncheckedBox
                    index += uncheckedBox.count
                    continue
                } else if bytes.hasPrefix(checkedBox, at: index) {
                    output += labelledCheckedBox
                    index += checkedBox.count
                    continue
                }
            } else if relocatesLinks,
                let name = bytes.hasPrefix(hrefAttribute, at: index)
                    ? hrefAttribute
                    : bytes.hasPrefix(srcAttribute, at: index) ? srcAttribute : nil
            {
                let valueStart = index + name.count
                guard let valueEnd = bytes.firstIndex(of: UInt8(ascii: "\""), from: valueStart)
                else { break }
                let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
                output += name
                output += relocated(value).utf8
                output.append(UInt8(ascii: "\""))
                index = valueEnd + 1
                continue
            } else if bytes.hasPrefix(attribute, at: index) {
                let valueStart = index + attribute.count
                guard let valueEnd = bytes.firstIndex(of: UInt8(ascii: "\""), from: valueStart)
                else { break }
                if let tag = Self.openTagName(in: output),
                    let decoration = decoration(
                        at: Self.position(
                            UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd]))),
                    tag.utf8.elementsEqual(decoration.tag.utf8)
                        || (decoration.tag == "h" && Self.isHeadingTag(tag))
                {
                    if let preceding = decoration.precedingHTML,
                        let open = output.lastIndex(of: UInt8(ascii: "<"))
                    {
                        output.insert(contentsOf: preceding.utf8, at: open)
                    }
                    output += " id=\"".utf8
                    // Escaped apart: escaping works a character at a time.
                    HTMLEscaping.append(idPrefix, to: &output)
                    HTMLEscaping.append(decoration.id, to: &output)
                    output.append(UInt8(ascii: "\""))
                    if let className = decoration.className {
                        output += " class=\"".utf8
                        output += className.utf8
                        output.append(UInt8(ascii: "\""))
                    }
                    if let trailing = decoration.trailingHTML {
                        pendingClose = (
                            Self.endsOfFirstLine(of: tag),
                            Array(trailing.utf8)
                        )
                    }
                }
                index = valueEnd + 1
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    /// Where the text that opens an element ends: its closing tag, or, for a list item, the
    /// list nested in it (trailing HTML then follows the item's own text, not its children's).
    private static func endsOfFirstLine(of tag: String) -> [[UInt8]] {
        tag == "li" ? itemEnds : [Array("</\(tag)>".utf8)]
    }

    private static let itemEnds = ["</li>", "<ul", "<ol", "</p>"].map { Array($0.utf8) }

    /// `17:1` from `17:1-17:40`.
    private static func position(_ value: UnsafeBufferPointer<UInt8>) -> SourcePosition {
        var line = 0
        var column = 0
        var isColumn = false
        for byte in value {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                let digit = Int(byte - UInt8(ascii: "0"))
                if isColumn { column = column * 10 + digit } else { line = line * 10 + digit }
            case UInt8(ascii: ":"): isColumn = true
            default: return SourcePosition(line: line, column: column)
            }
        }
        return SourcePosition(line: line, column: column)
    }

    /// The name of the tag whose `<` is the last one written (`h2`, `li`, `p`).
    /// A copy, not a slice: a slice would share `output`'s storage, and every append to
    /// `output` while it lived would copy the whole page so far. (A tag name fits in a small
    /// string, which needs no allocation.)
    private static func openTagName(in output: [UInt8]) -> String? {
        guard let open = output.lastIndex(of: UInt8(ascii: "<")) else { return nil }
        return String(
            decoding: output[(open + 1)...].prefix {
                $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: ">")
            }, as: UTF8.self)
    }

    /// `h1` to `h6`.
    private static func isHeadingTag(_ name: String) -> Bool {
        var bytes = name.utf8.makeIterator()
        guard bytes.next() == UInt8(ascii: "h"), let digit = bytes.next() else { return false }
        return (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(digit) && bytes.next() == nil
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    fileprivate func hasPrefix(_ prefix: [UInt8], at index: Int) -> Bool {
        guard index + prefix.count <= count else { return false }
        for offset in 0..<prefix.count where self[index + offset] != prefix[offset] { return false }
        return true
    }

    fileprivate func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        var index = start
        while index < count {
            if self[index] == byte { return index }
            index += 1
        }
        return nil
    }
}
