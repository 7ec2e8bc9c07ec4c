/// A value templates look names up in. View models answer each name their templates may use
/// (`{{title}}`, `{{#progress}}`) with a string, a number, a flag, another such value, an
/// array of them, or nil when they have nothing by that name.
protocol TemplateContext {
    func child(named name: String) -> Any?
}

extension Dictionary: TemplateContext where Key == String {
    func child(named name: String) -> Any? { self[name] }
}

/// A list a section repeats its content for, once per element.
protocol TemplateSequence {
    var isEmpty: Bool { get }
    var templateElements: [Any] { get }
}

extension Array: TemplateSequence {
    var templateElements: [Any] { map { $0 } }
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
    func renderBytes(_ value: Any, withTemplate name: String) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var rendering = Rendering(library: self)
        rendering.stack.append(Frame(value))
        rendering.render(template.nodes, Surroundings())
        return rendering.output
    }

    /// The template `name` filled in from `value`; nil when there is no such template.
    func render(_ value: Any, withTemplate name: String) -> String? {
        renderBytes(value, withTemplate: name).map { String(decoding: $0, as: UTF8.self) }
    }

    fileprivate func template(named name: String) -> Template? { templates[name] }
}

/// A value on the stack that names are looked up in, cast to a context once.
///
/// Answers are not kept: a view's answers are cheap to make again, and keeping the last one
/// copied every answer through `Any` once more (2.7% of a build's instructions).
private struct Frame {
    let value: Any
    let context: (any TemplateContext)?

    init(_ value: Any) {
        self.value = value
        context = value as? any TemplateContext
    }

    /// Mutating only so that `stack[index].child(named:)` asks the frame where it lies in
    /// the stack, instead of copying its two existentials out first.
    mutating func child(named name: String) -> Any? {
        context?.child(named: name)
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
            case let flag as Bool: if flag { render(nodes, surroundings) }
            case let sequence as any TemplateSequence:
                for element in sequence.templateElements {
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
                case .named(let name): lookUp(name) as? String
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
    private func isFalsy(_ value: Any?) -> Bool {
        switch value {
        case nil: true
        case let flag as Bool: !flag
        case let sequence as any TemplateSequence: sequence.isEmpty
        default: false
        }
    }

    private mutating func appendText(of value: Any, escaped: Bool) {
        // Text first: it is nearly every value, and each cast that fails costs as much as
        // the one that succeeds.
        let text: String
        switch value {
        case let string as String: text = string
        case let number as Int: text = String(number)
        case let flag as Bool: text = flag ? "true" : "false"
        case let html as RenderedHTML:
            guard escaped else {
                output += html.bytes
                return
            }
            text = String(decoding: html.bytes, as: UTF8.self)
        default: text = String(describing: value)
        }
        if escaped {
            HTMLEscaping.append(text, to: &output)
        } else {
            output.append(contentsOf: text.utf8)
        }
    }

    /// The value a name stands for: its first part is looked for from the innermost value
    /// outwards, the rest inside what that found.
    private mutating func lookUp(_ name: TemplateName) -> Any? {
        guard let first = name.parts.first else { return stack.last?.value }
        var found: Any?
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
            guard let context = found as? any TemplateContext,
                let child = context.child(named: part)
            else { return nil }
            found = child
        }
        return found
    }
}
