/// `print.html`: every document on one page, in reading order, for trainers to print.
struct PrintPageView {
    let page: PageContext
    let documents: [PrintedDocument]
    let runbooks: [LinkRow]

    /// One document of the printed handbook; its body is a placeholder the writer replaces.
    struct PrintedDocument {
        let anchor: String
        let title: String
        let path: String
        let body: String
    }

    init(handbook: Handbook, bodies: [String]) {
        page = PageContext(
            handbook: handbook, pageTitle: "The whole handbook", pagePath: "print.html",
            currentDocument: nil)
        documents = zip(handbook.documents, bodies).enumerated().map { index, pair in
            PrintedDocument(
                anchor: "document-\(index + 1)", title: pair.0.title, path: pair.0.path,
                body: pair.1)
        }
        runbooks = handbook.runbooks.map {
            LinkRow(title: $0.title, href: RunbookPageView.path($0))
        }
    }
}

/// A titled link in a site-wide list: a runbook, a heading.
struct LinkRow {
    let title: String
    let href: String
}

/// A runbook in the start page's and the dashboard's lists.
struct RunbookRow {
    let title: String
    let href: String
    let steps: Int
    /// It has triggers: practise it first.
    let isIncident: Bool

    init(_ runbook: Runbook, root: String) {
        title = runbook.title
        href = root + RunbookPageView.path(runbook)
        steps = runbook.stepCount
        isIncident = !runbook.triggers.isEmpty
    }
}

/// `start.html`: where a new joiner begins: what to read in which order, what each phase is
/// for, which runbooks to practise first.
struct StartPageView {
    let page: PageContext
    let documents: [DocumentRow]
    let phases: [PhaseRow]
    let runbooks: [RunbookRow]

    struct DocumentRow {
        let number: Int
        let title: String
        let href: String
        let tasks: ProgressView
        let summary: String?
    }

    struct PhaseRow {
        let number: Int
        let title: String
        let href: String
        let status: String
        let goal: String?
        let estimate: String?
    }

    init(handbook: Handbook) {
        page = PageContext(
            handbook: handbook, pageTitle: "Start here", pagePath: "start.html",
            currentDocument: nil)
        documents = handbook.documents.enumerated().map { index, document in
            DocumentRow(
                number: index + 1, title: document.title, href: document.pagePath,
                tasks: ProgressView(document.progress),
                summary: document.allSections.lazy.compactMap(\.summary).first)
        }
        phases = handbook.documents.flatMap { document in
            document.phases.map { phase in
                let section = document.allSections.first { $0.anchor == phase.anchor }
                let goal =
                    section?.children.first { StepName.normalized($0.title) == "goal" }?.summary
                    ?? section?.summary
                return PhaseRow(
                    number: phase.number, title: phase.title,
                    href: document.pagePath + "#" + phase.anchor,
                    status: phase.declaredStatus?.label ?? phase.declaredStatusText ?? "No status",
                    goal: goal, estimate: phase.estimate?.text)
            }
        }
        // Runbooks that answer an incident (they have triggers) come first: practise those.
        let ordered = handbook.runbooks.enumerated().sorted { lhs, rhs in
            (lhs.element.triggers.isEmpty ? 1 : 0, lhs.offset) < (
                rhs.element.triggers.isEmpty ? 1 : 0, rhs.offset
            )
        }.map(\.element)
        runbooks = ordered.map { RunbookRow($0, root: "") }
    }
}

extension PrintPageView: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "page": .of(page)
        case "documents": .of(documents)
        case "runbooks": .of(runbooks)
        default: nil
        }
    }
}

extension StartPageView: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "page": .of(page)
        case "documents": .of(documents)
        case "phases": .of(phases)
        case "hasPhases": .of(!phases.isEmpty)
        case "runbooks": .of(runbooks)
        case "hasRunbooks": .of(!runbooks.isEmpty)
        default: nil
        }
    }
}

/// `search.html`: the search page, which without JavaScript lists every document, runbook and
/// heading as plain links.
struct SearchPageView {
    let page: PageContext
    let documents: [DocumentEntry]
    let runbooks: [LinkRow]

    /// A document and the headings below its title.
    struct DocumentEntry {
        let title: String
        let href: String
        let headings: [LinkRow]
    }

    init(handbook: Handbook) {
        page = PageContext(
            handbook: handbook, pageTitle: "Search", pagePath: "search.html", currentDocument: nil)
        documents = handbook.documents.map { document in
            DocumentEntry(
                title: document.title, href: document.pagePath,
                headings: document.allSections.filter { $0.kind == .heading && $0.level > 1 }.map {
                    LinkRow(title: $0.title, href: document.pagePath + "#" + $0.anchor)
                })
        }
        runbooks = handbook.runbooks.map {
            LinkRow(title: $0.title, href: RunbookPageView.path($0))
        }
    }
}

extension SearchPageView: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "page": .of(page)
        case "documents": .of(documents)
        case "runbooks": .of(runbooks)
        default: nil
        }
    }
}

extension PrintPageView.PrintedDocument: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "anchor": .of(anchor)
        case "title": .of(title)
        case "path": .of(path)
        case "body": .of(body)
        default: nil
        }
    }
}

extension LinkRow: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "title": .of(title)
        case "href": .of(href)
        default: nil
        }
    }
}

extension StartPageView.DocumentRow: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "number": .of(number)
        case "title": .of(title)
        case "href": .of(href)
        case "tasks": .of(tasks)
        case "summary": .of(summary)
        default: nil
        }
    }
}

extension StartPageView.PhaseRow: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "number": .of(number)
        case "title": .of(title)
        case "href": .of(href)
        case "status": .of(status)
        case "goal": .of(goal)
        case "estimate": .of(estimate)
        default: nil
        }
    }
}

extension RunbookRow: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "title": .of(title)
        case "href": .of(href)
        case "steps": .of(steps)
        case "isIncident": .of(isIncident)
        default: nil
        }
    }
}

extension SearchPageView.DocumentEntry: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "title": .of(title)
        case "href": .of(href)
        case "headings": .of(headings)
        default: nil
        }
    }
}
