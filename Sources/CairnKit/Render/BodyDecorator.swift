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

    /// Decorations keyed by `line:column` of the element's start.
    var decorations: [SourcePosition: Decoration]
    /// Put before every id and same-page link, so that several documents can share one page.
    var idPrefix = ""
    /// Put before every relative link, for a page that is not in the document's folder.
    var linkFolder = ""

    struct SourcePosition: Hashable {
        var line: Int
        var column: Int
    }

    private static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
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

    func decorate(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        var pendingClose: (tags: [[UInt8]], html: [UInt8])?
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                if let pending = pendingClose,
                    pending.tags.contains(where: { bytes.hasPrefix($0, at: index) })
                {
                    output += pending.html
                    pendingClose = nil
                }
                if bytes.hasPrefix(Self.tableOpen, at: index) {
                    output += Array("<div class=\"table-wrap\">".utf8)
                } else if bytes.hasPrefix(Self.tableClose, at: index) {
                    output += Self.tableClose + Array("</div>".utf8)
                    index += Self.tableClose.count
                    continue
                } else if bytes.hasPrefix(Self.uncheckedBox, at: index) {
                    output += Array(
                        "<input type=\"checkbox\" disabled=\"\" aria-label=\"Open task\" />".utf8)
                    index += Self.uncheckedBox.count
                    continue
                } else if bytes.hasPrefix(Self.checkedBox, at: index) {
                    output += Array(
                        "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"Done task\" />"
                            .utf8)
                    index += Self.checkedBox.count
                    continue
                }
            } else if byte == UInt8(ascii: " "), !(idPrefix.isEmpty && linkFolder.isEmpty),
                let name = [Self.hrefAttribute, Self.srcAttribute].first(where: {
                    bytes.hasPrefix($0, at: index)
                })
            {
                let valueStart = index + name.count
                guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else {
                    break
                }
                let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
                output += name + Array(relocated(value).utf8) + [UInt8(ascii: "\"")]
                index = valueEnd + 1
                continue
            } else if byte == UInt8(ascii: " "), bytes.hasPrefix(Self.attribute, at: index) {
                let valueStart = index + Self.attribute.count
                guard let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else {
                    break
                }
                let tag = Self.openTagName(in: output)
                if let position = Self.position(bytes[valueStart..<valueEnd]),
                    let decoration = decorations[position],
                    let tag,
                    tag == decoration.tag
                        || (decoration.tag == "h" && Self.headingTags.contains(tag))
                {
                    if let preceding = decoration.precedingHTML,
                        let open = output.lastIndex(of: UInt8(ascii: "<"))
                    {
                        output.insert(contentsOf: Array(preceding.utf8), at: open)
                    }
                    output += Array(
                        " id=\"\(HTMLEscaping.attribute(idPrefix + decoration.id))\"".utf8)
                    if let className = decoration.className {
                        output += Array(" class=\"\(className)\"".utf8)
                    }
                    if let trailing = decoration.trailingHTML {
                        pendingClose = (Self.endsOfFirstLine(of: tag), Array(trailing.utf8))
                    }
                }
                index = valueEnd + 1
                continue
            }
            output.append(byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Where the text that opens an element ends: its closing tag, or, for a list item, the
    /// list nested in it (trailing HTML then follows the item's own text, not its children's).
    private static func endsOfFirstLine(of tag: String) -> [[UInt8]] {
        tag == "li"
            ? ["</li>", "<ul", "<ol", "</p>"].map { Array($0.utf8) } : [Array("</\(tag)>".utf8)]
    }

    /// `17:1` from `17:1-17:40`.
    private static func position(_ value: ArraySlice<UInt8>) -> SourcePosition? {
        var numbers: [Int] = [0, 0]
        var part = 0
        for byte in value {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                numbers[part] = numbers[part] * 10 + Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: ":"): part = 1
            default: return SourcePosition(line: numbers[0], column: numbers[1])
            }
        }
        return SourcePosition(line: numbers[0], column: numbers[1])
    }

    /// The name of the tag whose `<` is the last one written (`h2`, `li`, `p`).
    private static func openTagName(in output: [UInt8]) -> String? {
        guard let open = output.lastIndex(of: UInt8(ascii: "<")) else { return nil }
        let name = output[(open + 1)...].prefix {
            $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: ">")
        }
        return String(decoding: name, as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    func hasPrefix(_ prefix: [UInt8], at index: Int) -> Bool {
        guard index + prefix.count <= count else { return false }
        for offset in 0..<prefix.count where self[index + offset] != prefix[offset] { return false }
        return true
    }
}
