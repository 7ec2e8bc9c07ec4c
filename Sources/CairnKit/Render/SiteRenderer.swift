import Mustache

/// Renders a handbook into site files through the theme's Mustache templates.
public struct SiteRenderer: Sendable {
    /// The templates a theme must provide; a user's templates folder may replace any of them.
    public static let requiredTemplates = ["layout", "index", "document"]

    private let library: MustacheLibrary
    private let theme: Theme

    /// Compiles the theme's templates; a template that does not parse is reported with its
    /// line and column, and no renderer is made.
    public static func make(theme: Theme) -> (renderer: SiteRenderer?, diagnostics: [Diagnostic]) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        for (name, source) in theme.templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(source, named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(
                    Diagnostic(
                        .templateInvalid, .error,
                        at: .init(
                            path: "templates/\(name).mustache", line: error.context.lineNumber,
                            column: error.context.columnNumber),
                        "template does not parse: \(error.error)"))
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .templateInvalid, .error, at: .init(path: "templates/\(name).mustache"),
                        "template does not parse: \(error)"))
            }
        }
        for name in requiredTemplates where theme.templates[name] == nil {
            diagnostics.append(
                Diagnostic(
                    .templateInvalid, .error, at: .init(path: "templates/\(name).mustache"),
                    "the theme has no '\(name)' template"))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        return (SiteRenderer(library: library, theme: theme), diagnostics)
    }

    /// Every page, `handbook.json` and the theme's assets, rendered one at a time as the
    /// sequence is walked, so that only one page is held in memory while the site is written.
    /// - Throws: when `handbook.json` cannot be encoded.
    /// - Parameter findings: the build's diagnostics, listed in `handbook.json`.
    public func render(
        _ handbook: Handbook, findings: [Diagnostic] = []
    ) throws -> LazyMapSequence<Range<Int>, SiteFile> {
        let json = SiteFile(
            path: "handbook.json",
            contents: try HandbookJSON(handbook, findings: findings).encoded())
        let assets = theme.assets.sorted { $0.key < $1.key }.map {
            SiteFile(path: $0.key, contents: $0.value)
        }
        let documents = handbook.documents
        return (0..<(documents.count + 2 + assets.count)).lazy.map { index in
            switch index {
            case 0:
                return page("index.html", template: "index", DashboardView(handbook: handbook))
            case 1...documents.count:
                return documentPage(documents[index - 1], at: index - 1, in: handbook)
            case documents.count + 1:
                return json
            default:
                return assets[index - documents.count - 2]
            }
        }
    }

    private func documentPage(_ document: Document, at index: Int, in handbook: Handbook)
        -> SiteFile
    {
        let body = BodyDecorator(decorations: decorations(for: document)).decorate(
            document.bodyHTML)
        let view = DocumentPageView(document: document, at: index, in: handbook, body: body)
        return page(document.pagePath, template: "document", view)
    }

    private func page(_ path: String, template: String, _ view: Any) -> SiteFile {
        let html = library.render(view, withTemplate: template) ?? ""
        return SiteFile(path: path, contents: Array(html.utf8))
    }

    private func decorations(for document: Document) -> [BodyDecorator.SourcePosition: BodyDecorator
        .Decoration]
    {
        var decorations: [BodyDecorator.SourcePosition: BodyDecorator.Decoration] = [:]
        for section in document.allSections {
            let progress = section.progress
            var trailing =
                " <a class=\"anchor\" href=\"#\(HTMLEscaping.attribute(section.anchor))\" "
                + "aria-label=\"Link to this section\">#</a>"
            if progress.hasTasks {
                let view = ProgressView(progress)
                let state = view.isComplete ? " complete" : ""
                trailing +=
                    " <span class=\"section-progress\(state)\" title=\"\(view.summary)\">"
                    + "<span class=\"visually-hidden\">\(view.summary)</span>"
                    + "<span aria-hidden=\"true\">\(view.figures)</span></span>"
            }
            decorations[.init(line: section.location.line, column: section.location.column)] =
                BodyDecorator.Decoration(
                    tag: section.kind == .boldParagraph ? "p" : "h", id: section.anchor,
                    className: section.kind == .boldParagraph ? "subsection" : nil,
                    trailingHTML: trailing)
        }
        for task in document.allTasks {
            var classes = ["task"]
            if task.isDone { classes.append("done") }
            if task.isDescoped { classes.append("descoped") }
            decorations[.init(line: task.location.line, column: task.location.column)] =
                BodyDecorator.Decoration(
                    tag: "li", id: task.id, className: classes.joined(separator: " "),
                    trailingHTML: nil)
        }
        return decorations
    }
}
