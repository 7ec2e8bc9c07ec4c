/// A Mustache template, compiled: text, tags and sections in the order they render.
///
/// Cairn renders its templates itself rather than through a general Mustache library: a
/// large build renders tens of thousands of pages, and a renderer that looks names up through
/// dynamic casts and reflection spent more time on them than the rest of the build together.
/// Templates have the tags of the Mustache specification and of its inheritance module, with
/// whitespace handled as swift-mustache (which Cairn used before) handled it, so that a theme
/// renders to the same bytes as it did then.
struct Template: Sendable {
    let nodes: [TemplateNode]
}

/// One part of a compiled template.
indirect enum TemplateNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as it is).
    case variable(TemplateName, isEscaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, isInverted: Bool, [TemplateNode])
    /// `{{>name}}`, `{{>*name}}` (the partial a value names) or `{{<name}}…{{/name}}` (with
    /// blocks overridden). A standalone tag indents every line of the partial as it is.
    case partial(
        PartialName, indentation: String?, overrides: [String: [TemplateNode]]?
    )
    /// `{{$name}}default{{/name}}`: what a template that includes this one overrides.
    case block(name: String, defaultNodes: [TemplateNode], indentation: String)
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`: an override, never rendered itself.
    case blockOverride(name: String, [TemplateNode])
    /// `{{% CONTENT_TYPE: TEXT}}` stops escaping; `HTML` starts it again.
    case escaping(isOn: Bool)
}

/// The partial a `{{>…}}` or `{{<…}}` tag includes.
enum PartialName: Sendable {
    /// `{{>partials/progress}}`.
    case fixed(String)
    /// `{{>*name}}`: the partial the value of `name` names.
    case named(TemplateName)

    init(_ written: Substring, isDynamic: Bool) {
        self = isDynamic ? .named(TemplateName(written)) : .fixed(String(written))
    }
}

/// A name as a template writes it: `title`, `progress.percent`, `.` (the current value), or
/// `.title` (looked up in the current value only).
struct TemplateName: Sendable {
    /// The dotted parts; none for `.`.
    let parts: [String]
    /// Whether only the current value is searched, not the values around it.
    let isCurrentOnly: Bool

    init(_ text: Substring) {
        parts = text.split(separator: ".").map(String.init)
        isCurrentOnly = text.first == "."
    }
}

/// Why a template does not compile, and where: line and column are counted from 1, in the
/// template's own text.
struct TemplateSyntaxError: Error, Sendable, CustomStringConvertible {
    let line: Int
    let column: Int
    let message: String

    var description: String { message }
}

/// Compiles Mustache source into a `Template`.
///
/// The rules for whitespace are swift-mustache's: a tag alone on its line (a section, a
/// partial, a comment, a block) takes the line with it; a partial alone on its line indents
/// what it renders by the line's leading whitespace.
struct TemplateParser {
    private let bytes: [UInt8]
    private var position = 0

    /// The state a nested part of the template is read in.
    private struct State {
        /// The section, inheriting partial or block this part closes with.
        var closingName: Substring?
        var closingTagOffset = 0
        var isAtLineStart = true
        /// Inside `{{<parent}}…{{/parent}}` and the blocks it overrides.
        var isInOverrides = false
        /// Directly inside `{{<parent}}`, where only block overrides and text may be.
        var isOverridesTopLevel = false
        /// Inside a block override: the leading whitespace of its first line, which later
        /// lines lose.
        var overrideIndentation: Int?
        var openDelimiter: [UInt8] = Array("{{".utf8)
        var closeDelimiter: [UInt8] = Array("}}".utf8)

        func entering(_ name: Substring, at offset: Int, isStandalone: Bool) -> State {
            var state = self
            state.closingName = name
            state.closingTagOffset = offset
            state.isOverridesTopLevel = false
            if !isStandalone { state.isAtLineStart = false }
            return state
        }

        func enteringOverrides(_ name: Substring, at offset: Int) -> State {
            var state = self
            state.closingName = name
            state.closingTagOffset = offset
            state.isAtLineStart = true
            state.isInOverrides = true
            state.isOverridesTopLevel = true
            return state
        }
    }

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// Compiles the whole source.
    /// - Throws: `TemplateSyntaxError` at the first place the source is not a template.
    mutating func parse() throws(TemplateSyntaxError) -> Template {
        Template(nodes: try parseNodes(State()))
    }

    // MARK: - Reading parts

    private mutating func parseNodes(_ initial: State) throws(TemplateSyntaxError) -> [TemplateNode]
    {
        var nodes: [TemplateNode] = []
        var state = initial
        var whitespaceBefore = ""
        while position < bytes.count {
            if state.isAtLineStart {
                let whitespace = readSpacesAndTabs()
                if state.isInOverrides && !state.isOverridesTopLevel {
                    if let indentation = state.overrideIndentation {
                        whitespaceBefore = String(whitespace.dropFirst(indentation))
                    } else {
                        state.overrideIndentation = whitespace.count
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            let text = readTextUntilTagOrNewline(state)
            if let newline = newlineLength(at: position) {
                let lineEnd = String(decoding: bytes[position..<position + newline], as: UTF8.self)
                nodes.append(.text(whitespaceBefore + text + lineEnd))
                position += newline
                state.isAtLineStart = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespaceBefore + text))
                whitespaceBefore = ""
                state.isAtLineStart = false
            }
            guard position < bytes.count else { break }
            // The opening delimiter has been read; `tagStart` is where it began.
            let tagStart = position - state.openDelimiter.count
            var isStandalone = false
            switch bytes[position] {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let isInverted = bytes[position] == UInt8(ascii: "^")
                position += 1
                let name = try readName(state)
                isStandalone = takeLineIfStandalone(state)
                if !isStandalone { flush(&whitespaceBefore, into: &nodes) }
                let children = try parseNodes(
                    state.entering(name, at: tagStart, isStandalone: isStandalone))
                nodes.append(.section(TemplateName(name), isInverted: isInverted, children))

            case UInt8(ascii: "/"):
                position += 1
                let nameStart = position
                let name = try readName(state)
                guard let open = state.closingName else {
                    throw error("'\(name)' is closed but was never opened", at: nameStart)
                }
                guard name == open else {
                    throw error(
                        "'\(name)' is closed where '\(open)' (opened at "
                            + "\(lineAndColumn(of: state.closingTagOffset).line)) should be",
                        at: nameStart)
                }
                if !takeLineIfStandalone(state) { flush(&whitespaceBefore, into: &nodes) }
                return nodes

            case UInt8(ascii: "!"):
                position += 1
                try skipComment(state, from: tagStart)
                isStandalone = takeLineIfStandalone(state)

            case UInt8(ascii: "{"):
                flush(&whitespaceBefore, into: &nodes)
                position += 1
                let name = try readName(state)
                guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else {
                    throw error("'{{{' is not closed with '}}}'", at: tagStart)
                }
                position += 1
                nodes.append(.variable(TemplateName(name), isEscaped: false))

            case UInt8(ascii: "&"):
                flush(&whitespaceBefore, into: &nodes)
                position += 1
                nodes.append(.variable(TemplateName(try readName(state)), isEscaped: false))

            case UInt8(ascii: ">"):
                position += 1
                skipWhitespace()
                let isDynamic = skip(UInt8(ascii: "*"))
                let name = try readPartialName(state)
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                isStandalone = takeLineIfStandalone(state)
                nodes.append(
                    .partial(
                        PartialName(name, isDynamic: isDynamic),
                        indentation: isStandalone ? whitespaceBefore : nil, overrides: nil))
                whitespaceBefore = ""

            case UInt8(ascii: "<"):
                position += 1
                skipWhitespace()
                let written = try readPartialName(state)
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                isStandalone = takeLineIfStandalone(state)
                let children = try parseNodes(state.enteringOverrides(written, at: tagStart))
                var overrides: [String: [TemplateNode]] = [:]
                for child in children {
                    switch child {
                    case .blockOverride(let name, let nodes): overrides[name] = nodes
                    case .text: break
                    default:
                        throw error(
                            "only blocks ({{$name}}…{{/name}}) and text may be inside "
                                + "'{{<\(written)}}'", at: tagStart)
                    }
                }
                let isDynamic = written.first == "*"
                nodes.append(
                    .partial(
                        PartialName(
                            isDynamic ? written.dropFirst() : written, isDynamic: isDynamic),
                        indentation: whitespaceBefore,
                        overrides: overrides))
                whitespaceBefore = ""

            case UInt8(ascii: "$"):
                position += 1
                let name = try readName(state)
                if state.isOverridesTopLevel {
                    isStandalone = takeLineIfStandalone(state)
                    let children = try parseNodes(
                        state.entering(name, at: tagStart, isStandalone: isStandalone))
                    nodes.append(.blockOverride(name: String(name), children))
                } else {
                    if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                    isStandalone = takeLineIfStandalone(state)
                    let children = try parseNodes(
                        state.entering(name, at: tagStart, isStandalone: isStandalone))
                    nodes.append(
                        .block(
                            name: String(name), defaultNodes: children,
                            indentation: whitespaceBefore))
                    whitespaceBefore = ""
                }

            case UInt8(ascii: "="):
                position += 1
                try readDelimiters(&state, from: tagStart)
                isStandalone = takeLineIfStandalone(state)

            case UInt8(ascii: "%"):
                position += 1
                nodes.append(try readPragma(state, from: tagStart))
                isStandalone = takeLineIfStandalone(state)

            default:
                flush(&whitespaceBefore, into: &nodes)
                nodes.append(.variable(TemplateName(try readName(state)), isEscaped: true))
            }
            state.isAtLineStart = isStandalone
        }
        if let open = state.closingName {
            throw error("'\(open)' is opened here but never closed", at: state.closingTagOffset)
        }
        return nodes
    }

    private func flush(_ whitespace: inout String, into nodes: inout [TemplateNode]) {
        guard !whitespace.isEmpty else { return }
        nodes.append(.text(whitespace))
        whitespace = ""
    }

    /// Text up to a newline (not read) or a tag (whose opening delimiter is read).
    private mutating func readTextUntilTagOrNewline(_ state: State) -> String {
        let start = position
        let open = state.openDelimiter
        while position < bytes.count {
            let byte = bytes[position]
            if newlineLength(at: position) != nil { break }
            if byte == open[0] && matches(open, at: position) {
                let text = String(decoding: bytes[start..<position], as: UTF8.self)
                position += open.count
                return text
            }
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// The length of the line ending at `offset`: `\n` or `\r\n` (a lone `\r` is text).
    private func newlineLength(at offset: Int) -> Int? {
        guard offset < bytes.count else { return nil }
        switch bytes[offset] {
        case UInt8(ascii: "\n"): return 1
        case UInt8(ascii: "\r"):
            return offset + 1 < bytes.count && bytes[offset + 1] == UInt8(ascii: "\n") ? 2 : nil
        default: return nil
        }
    }

    private func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
        guard offset + delimiter.count <= bytes.count else { return false }
        for index in delimiter.indices where bytes[offset + index] != delimiter[index] {
            return false
        }
        return true
    }

    /// When the tag just read began its line and nothing but spaces follow it, reads the rest
    /// of the line, newline included: the tag renders no line of its own.
    private mutating func takeLineIfStandalone(_ state: State) -> Bool {
        guard state.isAtLineStart else { return false }
        guard position < bytes.count else { return true }
        var offset = position
        while offset < bytes.count, bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
        // Any line break ends the line here, a lone `\r` or a form feed too.
        guard let newline = newlineLength(at: offset) ?? lineBreakLength(at: offset) else {
            return false
        }
        position = offset + newline
        return true
    }

    private func lineBreakLength(at offset: Int) -> Int? {
        guard offset < bytes.count else { return nil }
        return (0x0A...0x0D).contains(bytes[offset]) ? 1 : nil
    }

    private mutating func readSpacesAndTabs() -> String {
        let start = position
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 {
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    private mutating func skip(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "."), UInt8(ascii: "-"),
            UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
            true
        default: false
        }
    }

    /// A tag's name, then its closing delimiter.
    private mutating func readName(_ state: State) throws(TemplateSyntaxError) -> Substring {
        try readName(state, allowing: Self.isNameByte)
    }

    /// A partial's name, which may name a folder: `partials/progress`.
    private mutating func readPartialName(_ state: State) throws(TemplateSyntaxError) -> Substring {
        try readName(state) { Self.isNameByte($0) || $0 == UInt8(ascii: "/") }
    }

    private mutating func readName(
        _ state: State, allowing isAllowed: (UInt8) -> Bool
    ) throws(TemplateSyntaxError) -> Substring {
        skipWhitespace()
        let start = position
        while position < bytes.count, isAllowed(bytes[position]) { position += 1 }
        let name = Substring(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "(") {
            throw error(
                "'\(name)(…)': swift-mustache's transforms are not supported; a template shows "
                    + "values the view gives it", at: start)
        }
        guard matches(state.closeDelimiter, at: position) else {
            let closing = String(decoding: state.closeDelimiter, as: UTF8.self)
            throw error(
                name.isEmpty
                    ? "a tag's name is missing or has a character names cannot have"
                    : "the tag '\(name)' is not closed with '\(closing)'", at: position)
        }
        position += state.closeDelimiter.count
        return name
    }

    private mutating func skipComment(_ state: State, from tagStart: Int)
        throws(TemplateSyntaxError)
    {
        while position < bytes.count {
            if matches(state.closeDelimiter, at: position) {
                position += state.closeDelimiter.count
                return
            }
            position += 1
        }
        throw error("this comment is never closed", at: tagStart)
    }

    /// `{{=<% %>=}}`: the delimiters from here on.
    private mutating func readDelimiters(_ state: inout State, from tagStart: Int)
        throws(TemplateSyntaxError)
    {
        skipWhitespace()
        let openStart = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]) { position += 1 }
        let open = Array(bytes[openStart..<position])
        skipWhitespace()
        let closeStart = position
        while position < bytes.count, !Self.isWhitespace(bytes[position]),
            bytes[position] != UInt8(ascii: "=")
        {
            position += 1
        }
        let close = Array(bytes[closeStart..<position])
        skipWhitespace()
        guard !open.isEmpty, !close.isEmpty, skip(UInt8(ascii: "=")),
            matches(state.closeDelimiter, at: position)
        else {
            throw error("delimiters are set as '{{=<% %>=}}'", at: tagStart)
        }
        position += state.closeDelimiter.count
        state.openDelimiter = open
        state.closeDelimiter = close
        state.isOverridesTopLevel = false
    }

    /// `{{% CONTENT_TYPE: TEXT}}` or `{{% CONTENT_TYPE: HTML}}`.
    private mutating func readPragma(_ state: State, from tagStart: Int)
        throws(TemplateSyntaxError) -> TemplateNode
    {
        skipWhitespace()
        let keyStart = position
        while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
        let key = String(decoding: bytes[keyStart..<position], as: UTF8.self)
        skipWhitespace()
        guard skip(UInt8(ascii: ":")) else {
            throw error("a pragma is written '{{% CONTENT_TYPE: TEXT}}'", at: tagStart)
        }
        skipWhitespace()
        let valueStart = position
        while position < bytes.count, Self.isNameByte(bytes[position]) { position += 1 }
        let value = String(decoding: bytes[valueStart..<position], as: UTF8.self)
        skipWhitespace()
        guard matches(state.closeDelimiter, at: position) else {
            throw error("a pragma is written '{{% CONTENT_TYPE: TEXT}}'", at: tagStart)
        }
        position += state.closeDelimiter.count
        guard key == "CONTENT_TYPE" else {
            throw error("unknown pragma '\(key)': only CONTENT_TYPE is known", at: keyStart)
        }
        switch value {
        case "HTML": return .escaping(isOn: true)
        case "TEXT": return .escaping(isOn: false)
        default:
            throw error("unknown content type '\(value)': HTML or TEXT", at: valueStart)
        }
    }

    // MARK: - Errors

    private func error(_ message: String, at offset: Int) -> TemplateSyntaxError {
        let (line, column) = lineAndColumn(of: offset)
        return TemplateSyntaxError(line: line, column: column, message: message)
    }

    /// Line and column (in characters) of a byte offset.
    private func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        let end = min(offset, bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return (line, column)
    }
}
