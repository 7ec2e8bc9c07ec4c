/// A value templates look names up in. View models answer each name their templates may use
/// (`{{title}}`, `{{#progress}}`) with a `TemplateValue`, or nil when they have nothing by that
/// name.
protocol TemplateContext: TemplateValueConvertible {
    func child(named name: String) -> TemplateValue?
}

extension TemplateContext {
    var templateValue: TemplateValue { .context(self) }
}

/// What a name in a template stands for. Typed rather than `Any`: finding out what an `Any`
/// held took a dynamic cast of every value, and a protocol's cast a conformance look-up, about
/// a tenth of a build's instructions with the copies through `Any` that went with them.
enum TemplateValue {
    case text(String)
    case number(Int)
    case flag(Bool)
    /// Written as it is by `{{{name}}}`, escaped by `{{name}}`.
    case html(RenderedHTML)
    case context(any TemplateContext)
    /// A section repeats its content for each element.
    case list([TemplateValue])

    /// `value`'s template value; nil for nil, so that the name is looked for further out.
    static func of(_ value: (some TemplateValueConvertible)?) -> TemplateValue? {
        value?.templateValue
    }
}

/// A value a view model can answer a name with.
protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
}

extension String: TemplateValueConvertible {
    var templateValue: TemplateValue { .text(self) }
}

extension Int: TemplateValueConvertible {
    var templateValue: TemplateValue { .number(self) }
}

extension Bool: TemplateValueConvertible {
    var templateValue: TemplateValue { .flag(self) }
}

extension RenderedHTML: TemplateValueConvertible {
    var templateValue: TemplateValue { .html(self) }
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

/// A dictionary answers with its values, each looked at when it is asked for: the rows of
/// status history are built this way, their fields varying from record to record.
extension Dictionary: TemplateContext, TemplateValueConvertible where Key == String {
    func child(named name: String) -> TemplateValue? {
        self[name].map(TemplateValue.init(any:))
    }
}

extension TemplateValue {
    /// What a value built as `Any` is to a template; anything that is not text, a number, a
    /// flag, HTML, a list or a context reads as its description.
    init(any value: Any) {
        // Text first: it is most of what dictionaries hold, and each failed cast costs too.
        switch value {
        case let text as String: self = .text(text)
        case let number as Int: self = .number(number)
        case let flag as Bool: self = .flag(flag)
        case let html as RenderedHTML: self = .html(html)
        case let elements as [Any]: self = .list(elements.map(TemplateValue.init(any:)))
        case let context as any TemplateContext: self = .context(context)
        default: self = .text(String(describing: value))
        }
    }
}

/// The theme's compiled templates, by name (`layout`, `partials/progress`), and the renderer
/// that fills them in: partials and inherited layouts are found here by name.
struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    /// Compiles `source` and keeps it under `name`, replacing a template of that name.
    /// - Throws: `TemplateSyntaxError` where the source does not compile.
    mutating func register(_ source: String, named name: String) throws(TemplateSyntaxError) {
        var parser = TemplateParser(source)
        templates[name] = try parser.parse()
    }

    /// The template `name` filled in from `value`, as UTF-8; nil when there is no such template.
    func renderBytes(_ value: some TemplateContext, withTemplate name: String) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var rendering = Rendering(library: self)
        rendering.stack.append(Frame(.context(value)))
        rendering.render(template.nodes, Surroundings())
        return rendering.output
    }

    /// The template `name` filled in from `value`; nil when there is no such template.
    func render(_ value: some TemplateContext, withTemplate name: String) -> String? {
        renderBytes(value, withTemplate: name).map { String(decoding: $0, as: UTF8.self) }
    }

    fileprivate func template(named name: String) -> Template? { templates[name] }
}

/// A value on the stack that names are looked up in.
///
/// Answers are not kept: a view's answers are cheap to make again, and keeping the last one
/// cost a copy of every answer.
private struct Frame {
    let value: TemplateValue

    init(_ value: TemplateValue) {
        self.value = value
    }

    /// Mutating only so that `stack[index].child(named:)` asks the frame where it lies in
    /// the stack, instead of copying it out first.
    mutating func child(named name: String) -> TemplateValue? {
        guard case .context(let context) = value else { return nil }
        return context.child(named: name)
    }
}

/// What a part of a template renders within: the partials and blocks around it.
private struct Surroundings {
    /// Put before every line a standalone partial renders, nested partials adding theirs.
    var indentation = ""
    /// The blocks overridden by the templates that include this one; the outermost wins.
    var overrides: [String: [TemplateNode]] = [:]
    /// Whether `{{name}}` escapes HTML (a `CONTENT_TYPE: TEXT` pragma turns it off).
    var escapes = true
}

/// One rendering of a template: the values being looked in, and the bytes so far.
private struct Rendering {
    let library: TemplateLibrary
    var stack: [Frame] = []
    var output: [UInt8] = []

    init(library: TemplateLibrary) {
        self.library = library
        output.reserveCapacity(16 * 1024)
    }

    mutating func render(_ nodes: [TemplateNode], _ surroundings: Surroundings) {
        var surroundings = surroundings
        guard !surroundings.indentation.isEmpty else {
            for node in nodes { render(node, &surroundings) }
            return
        }
        // Indented: a part that renders something right after a line this call rendered
        // starts with the indentation (lines inside one value are left as they are).
        let start = output.count
        for node in nodes {
            let isAtLineStart = output.count > start && endsWithLineFeed(after: start)
            let before = output.count
            render(node, &surroundings)
            if isAtLineStart && output.count > before {
                output.insert(contentsOf: surroundings.indentation.utf8, at: before)
            }
        }
    }

    /// Whether what was rendered since `start` ends with `\n` (not `\r\n`, one character).
    private func endsWithLineFeed(after start: Int) -> Bool {
        guard output.last == UInt8(ascii: "\n") else { return false }
        let count = output.count
        return count - start < 2 || output[count - 2] != UInt8(ascii: "\r")
    }

    private mutating func render(_ node: TemplateNode, _ surroundings: inout Surroundings) {
        switch node {
        case .text(let text):
            output.append(contentsOf: text.utf8)

        case .variable(let name, let isEscaped):
            guard let value = lookUp(name) else { return }
            appendText(of: value, escaped: isEscaped && surroundings.escapes)

        case .section(let name, let isInverted, let nodes):
            let value = lookUp(name)
            if isInverted {
                if isFalsy(value) { render(nodes, surroundings) }
                return
            }
            switch value {
            case nil: return
            case .flag(let flag)?: if flag { render(nodes, surroundings) }
            case .list(let elements)?:
                for element in elements {
                    stack.append(Frame(element))
                    render(nodes, surroundings)
                    stack.removeLast()
                }
            case let value?:
                stack.append(Frame(value))
                render(nodes, surroundings)
                stack.removeLast()
            }

        case .partial(let name, let indentation, let overrides):
            let partialName =
                switch name {
                case .fixed(let name): name
                case .named(let name):
                    if case .text(let text)? = lookUp(name) { text } else { String?.none }
                }
            guard let partialName, let template = library.template(named: partialName) else {
                return
            }
            var inner = surroundings
            inner.indentation += indentation ?? ""
            if let overrides {
                // Blocks the including templates already override keep their overrides.
                inner.overrides.merge(overrides) { outer, _ in outer }
            }
            inner.escapes = true
            render(template.nodes, inner)

        case .block(let name, let defaultNodes, let indentation):
            var inner = surroundings
            inner.indentation += indentation
            render(surroundings.overrides[name] ?? defaultNodes, inner)

        case .blockOverride:
            return

        case .escaping(let isOn):
            surroundings.escapes = isOn
        }
    }

    /// false, nil and an empty list: what an inverted section renders for.
    private func isFalsy(_ value: TemplateValue?) -> Bool {
        switch value {
        case nil: true
        case .flag(let flag)?: !flag
        case .list(let elements)?: elements.isEmpty
        default: false
        }
    }

    private mutating func appendText(of value: TemplateValue, escaped: Bool) {
        let text: String
        switch value {
        case .text(let string): text = string
        case .number(let number): text = String(number)
        case .flag(let flag): text = flag ? "true" : "false"
        case .html(let html):
            guard escaped else {
                output += html.bytes
                return
            }
            text = String(decoding: html.bytes, as: UTF8.self)
        case .context(let context): text = String(describing: context)
        case .list(let elements): text = String(describing: elements)
        }
        if escaped {
            HTMLEscaping.append(text, to: &output)
        } else {
            output.append(contentsOf: text.utf8)
        }
    }

    /// The value a name stands for: its first part is looked for from the innermost value
    /// outwards, the rest inside what that found.
    private mutating func lookUp(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last?.value }
        var found: TemplateValue?
        if name.isCurrentOnly {
            found = stack.isEmpty ? nil : stack[stack.count - 1].child(named: first)
        } else {
            var index = stack.count - 1
            while index >= 0, found == nil {
                found = stack[index].child(named: first)
                index -= 1
            }
        }
        guard var found else { return nil }
        for part in name.parts.dropFirst() {
            guard case .context(let context) = found, let child = context.child(named: part)
            else { return nil }
            found = child
        }
        return found
    }
}
