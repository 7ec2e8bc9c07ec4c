import Foundation

/// Renders a handbook into site files through the theme's Mustache templates.
public struct SiteRenderer: Sendable {
    /// The templates a theme must provide; a user's templates folder may replace any of them.
    public static let requiredTemplates = [
        "layout", "index", "document", "deploys", "backups", "metrics", "checks",
    ]

    private let library: TemplateLibrary
    private let theme: Theme
    /// Every template's name and text: a page's fingerprint starts from it, so a changed
    /// template or partial makes every page again.
    private let templatesFingerprint: ContentHash

    /// Compiles the theme's templates; a template that does not parse is reported with its
    /// line and column, and no renderer is made.
    public static func make(theme: Theme) -> (renderer: SiteRenderer?, diagnostics: [Diagnostic]) {
        var library = TemplateLibrary()
        var diagnostics: [Diagnostic] = []
        for (name, source) in theme.templates.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(source, named: name)
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .templateInvalid, .error,
                        at: .init(
                            path: theme.templatePaths[name] ?? "templates/\(name).mustache",
                            line: error.line, column: error.column),
                        "template does not parse: \(error.message)"))
            }
        }
        for name in requiredTemplates where theme.templates[name] == nil {
            let path =
                theme.folder.isEmpty
                ? "templates/\(name).mustache" : "\(theme.folder)/\(name).mustache"
            diagnostics.append(
                Diagnostic(
                    .templateInvalid, .error, at: .init(path: path),
                    "the theme has no '\(name)' template"))
        }
        guard !diagnostics.hasErrors else { return (nil, diagnostics) }
        var templates = ContentHasher()
        templates.add("cairn \(CairnVersion.current) templates")
        for (name, source) in theme.templates.sorted(by: { $0.key < $1.key }) {
            templates.add(name)
            templates.add(source)
        }
        return (
            SiteRenderer(
                library: library, theme: theme, templatesFingerprint: templates.finish()),
            diagnostics
        )
    }

    /// Every page, `handbook.json` and the theme's assets. Each is rendered when it is asked
    /// for, so a writer holds only the pages it is writing, and can write several at once.
    public func render(
        _ handbook: Handbook, findings: [Diagnostic] = [],
        now: Timestamp = Timestamp(secondsSince1970: 0)
    ) -> RenderedSite {
        let handbookJSON = HandbookJSON(handbook, findings: findings, now: now)
        let json = SiteFile(path: "handbook.json") { try handbookJSON.write(into: $0) }
        let themeAssets = theme.assets.sorted { $0.key < $1.key }
        let assets = themeAssets.map { SiteFile(path: $0.key, contents: $0.value) }
        // A theme asset is reused while its bytes are the same.
        let assetKeys = themeAssets.map { path, contents in
            var key = ContentHasher()
            key.add("asset")
            key.add(path)
            key.add(contents)
            return key.finish()
        }
        let history = StatusHistoryPages(handbook: handbook, now: now)
        // The largest files first, so that writers on several threads finish together.
        // (The search index holds every heading and task: at 10,000 documents it took a second
        // on one thread after every other file was done.)
        var pages: [SitePage] = [
            .json, .print, .dashboard, .checks, .search, .start, .searchIndex,
        ]
        pages += handbook.documents.indices.map(SitePage.document)
        let runbooks = handbook.runbooks
        pages += runbooks.indices.map(SitePage.runbook)
        for (kind, count) in history.pageCounts {
            pages += (1...count).map { SitePage.history(kind, $0) }
        }
        pages += assets.indices.map(SitePage.asset)
        return RenderedSite(
            renderer: self,
            inputs: .init(
                handbook: handbook, findings: findings, now: now, json: json, assets: assets,
                assetKeys: assetKeys,
                history: history,
                evidence: EvidenceBadges(history: handbook.status), runbooks: runbooks,
                navigation: navigationItemRenderer()),
            pages: pages)
    }

    /// The path a page is written to, without rendering it.
    func path(of page: SitePage, _ inputs: RenderedSite.Inputs) -> String {
        switch page {
        case .dashboard: "index.html"
        case .start: "start.html"
        case .print: "print.html"
        case .search: "search.html"
        case .checks: "checks.html"
        case .document(let index): inputs.handbook.documents[index].pagePath
        case .runbook(let index): RunbookPageView.path(inputs.runbooks[index])
        case .history(let kind, let number): StatusPages.path(kind, page: number)
        case .json: inputs.json.path
        case .asset(let index): inputs.assets[index].path
        case .searchIndex: SearchIndex.path
        }
    }

    func prepare(_ page: SitePage, _ inputs: RenderedSite.Inputs) -> PreparedFile {
        let handbook = inputs.handbook
        switch page {
        case .dashboard:
            return self.page(
                "index.html", template: "index",
                DashboardView(handbook: handbook, now: inputs.now, findings: inputs.findings),
                inputs.navigation)
        case .checks:
            return self.page(
                "checks.html", template: "checks",
                ChecksPageView(
                    handbook: handbook, findings: inputs.findings,
                    locator: FindingLocator(handbook: handbook)), inputs.navigation)
        case .search:
            return self.page(
                "search.html", template: "search", SearchPageView(handbook: handbook),
                inputs.navigation)
        case .start:
            return self.page(
                "start.html", template: "start", StartPageView(handbook: handbook),
                inputs.navigation)
        case .print:
            return printPage(inputs)
        case .runbook(let index):
            let runbook = inputs.runbooks[index]
            return self.page(
                RunbookPageView.path(runbook), template: "runbook",
                RunbookPageView(runbook: runbook, handbook: handbook), inputs.navigation)
        case .document(let index):
            return documentPage(
                handbook.documents[index], at: index, in: handbook, evidence: inputs.evidence,
                navigation: inputs.navigation)
        case .history(let kind, let number):
            return self.page(
                StatusPages.path(kind, page: number), template: kind.rawValue,
                inputs.history.page(kind, number: number), inputs.navigation)
        case .json:
            return PreparedFile(path: inputs.json.path, fingerprint: nil) { inputs.json }
        case .asset(let index):
            let asset = inputs.assets[index]
            let key = inputs.assetKeys[index]
            return PreparedFile(path: asset.path, fingerprint: { key }, make: { asset })
        case .searchIndex:
            return PreparedFile(
                path: SearchIndex.path, fingerprint: { SearchIndex.fingerprint(handbook) },
                make: {
                    SiteFile(path: SearchIndex.path) { try SearchIndex.write(handbook, into: $0) }
                })
        }
    }

    /// `print.html`, every document's body in one page: the template is rendered with a
    /// placeholder for each body, and each body is made as the writer reaches it, so the page
    /// is never held whole. A placeholder is a NUL-delimited number: no document contains NUL.
    /// Its fingerprint is the page around the bodies and what each body is decorated from.
    private func printPage(_ inputs: RenderedSite.Inputs) -> PreparedFile {
        let handbook = inputs.handbook
        let placeholders = handbook.documents.indices.map { "\u{0}\($0)\u{0}" }
        var page = PrintPageView(handbook: handbook, bodies: placeholders).page
        page.itemRenderer = inputs.navigation
        let shell =
            library.render(
                LaidOutPage(
                    view: PrintPageView(handbook: handbook, bodies: placeholders), page: page),
                withTemplate: "print") ?? ""
        let templates = templatesFingerprint
        let fingerprint = {
            var key = ContentHasher()
            key.add(templates.description)
            key.add("print")
            key.add(shell)
            for (number, document) in handbook.documents.enumerated() {
                ViewFingerprint.add(
                    Self.decoratedBody(
                        of: document, evidence: inputs.evidence, root: "",
                        idPrefix: "d\(number + 1)-"),
                    to: &key)
            }
            return key.finish()
        }
        return PreparedFile(path: "print.html", fingerprint: fingerprint) {
            printFile(shell: shell, inputs)
        }
    }

    private func printFile(shell: String, _ inputs: RenderedSite.Inputs) -> SiteFile {
        let handbook = inputs.handbook
        return SiteFile(path: "print.html") { sink in
            var output = PieceBuffer()
            var shell = shell
            try shell.withUTF8 { bytes in
                var start = 0
                var index = 0
                while index < bytes.count {
                    guard bytes[index] == 0,
                        let close = bytes[(index + 1)...].firstIndex(of: 0),
                        let number = Int(
                            String(decoding: bytes[(index + 1)..<close], as: UTF8.self)),
                        handbook.documents.indices.contains(number)
                    else {
                        index += 1
                        continue
                    }
                    try output.append(bytes[start..<index], to: sink)
                    let body = Self.decoratedBody(
                        of: handbook.documents[number], evidence: inputs.evidence, root: "",
                        idPrefix: "d\(number + 1)-"
                    ).rendered()
                    try output.append(body.bytes, to: sink)
                    index = close + 1
                    start = index
                }
                try output.append(bytes[start...], to: sink)
            }
            try output.flush(to: sink)
        }
    }

    private func documentPage(
        _ document: Document, at index: Int, in handbook: Handbook, evidence: EvidenceBadges,
        navigation: NavigationItemRenderer
    ) -> PreparedFile {
        let root = String(
            repeating: "../", count: document.pagePath.split(separator: "/").count - 1)
        let body = Self.decoratedBody(of: document, evidence: evidence, root: root)
        let view = DocumentPageView(document: document, at: index, in: handbook, body: body)
        return page(document.pagePath, template: "document", view, navigation)
    }

    /// A page through its template, with the fingerprint of the templates and of everything
    /// the view holds.
    private func page(
        _ path: String, template: String, _ view: some PageView,
        _ navigation: NavigationItemRenderer
    ) -> PreparedFile {
        var page = view.page
        page.itemRenderer = navigation
        let laidOut = LaidOutPage(view: view, page: page)
        let templates = templatesFingerprint
        let fingerprint = {
            var key = ContentHasher()
            key.add(templates.description)
            key.add(template)
            key.add(path)
            // The view holds its page context; the template's `page` is that same context
            // with the navigation memo, which the templates decide alone.
            ViewFingerprint.add(view, to: &key)
            return key.finish()
        }
        let library = self.library
        return PreparedFile(path: path, fingerprint: fingerprint) {
            SiteFile(
                path: path, contents: library.renderBytes(laidOut, withTemplate: template) ?? [])
        }
    }

    /// Renders each distinct navigation item once for the whole site.
    func navigationItemRenderer() -> NavigationItemRenderer {
        let library = self.library
        return NavigationItemRenderer { item in
            library.render(item, withTemplate: "partials/navigation-item") ?? ""
        }
    }

    /// The document's body with anchors, progress, evidence and drawn workflows, not yet
    /// decorated.
    /// - Parameters:
    ///   - root: the way from the page to the site root.
    ///   - idPrefix: put before every id, when several documents share a page.
    static func decoratedBody(
        of document: Document, evidence: EvidenceBadges, root: String, idPrefix: String = ""
    ) -> DecoratedBody {
        DecoratedBody(
            html: document.bodyHTML,
            decorations: decorations(
                for: document, evidence: evidence, root: root, idPrefix: idPrefix),
            idPrefix: idPrefix,
            linkFolder: idPrefix.isEmpty
                ? ""
                : document.pagePath.split(separator: "/").dropLast().map { $0 + "/" }.joined())
    }

    private static let sectionProgress = " <span class=\"section-progress\" title=\""
    private static let sectionProgressComplete =
        " <span class=\"section-progress complete\" title=\""

    private static func decorations(
        for document: Document, evidence: EvidenceBadges, root: String, idPrefix: String
    ) -> [BodyDecorator.SourcePosition: BodyDecorator.Decoration] {
        var decorations: [BodyDecorator.SourcePosition: BodyDecorator.Decoration] = [:]
        decorations.reserveCapacity(
            document.allSections.count + document.allTasks.count + document.workflows.count)
        for section in document.allSections {
            let progress = section.progress
            var trailing = " <a class=\"anchor\" href=\"#"
            trailing += HTMLEscaping.attribute(idPrefix + section.anchor)
            trailing += "\" aria-label=\"Link to this section\">#</a>"
            if progress.hasTasks {
                let view = ProgressView(progress)
                let summary = view.summary
                trailing += view.isComplete ? sectionProgressComplete : sectionProgress
                trailing += summary
                trailing += "\"><span class=\"visually-hidden\">"
                trailing += summary
                trailing += "</span><span aria-hidden=\"true\">"
                trailing += view.figures
                trailing += "</span></span>"
            }
            decorations[.init(line: section.location.line, column: section.location.column)] =
                BodyDecorator.Decoration(
                    tag: section.kind == .boldParagraph ? "p" : "h", id: section.anchor,
                    className: section.kind == .boldParagraph ? "subsection" : nil,
                    trailingHTML: trailing)
        }
        for task in document.allTasks {
            let className =
                switch (task.isDone, task.isDescoped) {
                case (false, false): "task"
                case (true, false): "task done"
                case (false, true): "task descoped"
                case (true, true): "task done descoped"
                }
            decorations[.init(line: task.location.line, column: task.location.column)] =
                BodyDecorator.Decoration(
                    tag: "li", id: task.id, className: className,
                    trailingHTML: evidence.html(for: task.id, root: root))
        }
        for (index, workflow) in document.workflows.enumerated() {
            decorations[.init(line: workflow.location.line, column: workflow.location.column)] =
                BodyDecorator.Decoration(
                    tag: "pre", id: "workflow-\(index + 1)", className: "workflow-source",
                    trailingHTML: nil,
                    precedingHTML: FlowDiagram.html(workflow))
        }
        return decorations
    }
}

/// A page view: every page has the layout's context.
protocol PageView: TemplateContext {
    var page: PageContext { get }
}

/// A page as its template sees it: the view, with the page context the renderer completed.
private struct LaidOutPage: TemplateContext {
    let view: any PageView
    let page: PageContext

    func child(named name: String) -> TemplateValue? {
        name == "page" ? page.templateValue : view.child(named: name)
    }
}

/// The pages of a site, in the order they are written.
public enum SitePage: Sendable {
    case dashboard
    case checks
    case start
    case print
    case search
    case document(Int)
    case runbook(Int)
    case history(StatusPages.Kind, Int)
    case json
    case asset(Int)
    case searchIndex
}

/// The files of a rendered site, each rendered when it is read.
public struct RenderedSite: RandomAccessCollection, Sendable {
    /// What every page is rendered from.
    struct Inputs: Sendable {
        let handbook: Handbook
        let findings: [Diagnostic]
        let now: Timestamp
        let json: SiteFile
        let assets: [SiteFile]
        /// The fingerprint of each theme asset's path and bytes.
        let assetKeys: [ContentHash]
        let history: StatusHistoryPages
        let evidence: EvidenceBadges
        let runbooks: [Runbook]
        let navigation: NavigationItemRenderer
    }

    let renderer: SiteRenderer
    let inputs: Inputs
    let pages: [SitePage]

    public var startIndex: Int { 0 }
    public var endIndex: Int { pages.count }

    public subscript(position: Int) -> SiteFile {
        renderer.prepare(pages[position], inputs).file()
    }

    public func prepare(at position: Int) -> PreparedFile {
        renderer.prepare(pages[position], inputs)
    }

    /// Where the file at `position` goes, relative to the output folder.
    public func path(at position: Int) -> String {
        renderer.path(of: pages[position], inputs)
    }
}
