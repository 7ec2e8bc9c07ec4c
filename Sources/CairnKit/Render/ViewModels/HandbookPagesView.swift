/// `print.html`: every document on one page, in reading order, for trainers to print.
struct PrintPageView {
    let page: PageContext
    let documents: [[String: Any]]
    let runbooks: [[String: Any]]

    init(handbook: Handbook, bodies: [String]) {
        page = PageContext(
            handbook: handbook, pageTitle: "The whole handbook", pagePath: "print.html",
            currentDocument: nil)
        documents = zip(handbook.documents, bodies).enumerated().map { index, pair in
            [
                "anchor": "document-\(index + 1)", "title": pair.0.title, "path": pair.0.path,
                "body": pair.1,
            ]
        }
        runbooks = handbook.runbooks.map { ["title": $0.title, "href": RunbookPageView.path($0)] }
    }
}

/// `start.html`: where a new joiner begins: what to read in which order, what each phase is
/// for, which runbooks to practise first.
struct StartPageView {
    let page: PageContext
    let documents: [[String: Any]]
    let phases: [[String: Any]]
    let runbooks: [[String: Any]]

    init(handbook: Handbook) {
        page = PageContext(
            handbook: handbook, pageTitle: "Start here", pagePath: "start.html",
            currentDocument: nil)
        documents = handbook.documents.enumerated().map { index, document in
            var values: [String: Any] = [
                "number": index + 1, "title": document.title, "href": document.pagePath,
                "tasks": ProgressView(document.progress),
            ]
            values["summary"] = document.allSections.lazy.compactMap(\.summary).first
            return values
        }
        phases = handbook.documents.flatMap { document in
            document.phases.map { phase -> [String: Any] in
                let section = document.allSections.first { $0.anchor == phase.anchor }
                let goal =
                    section?.children.first { StepName.normalized($0.title) == "goal" }?.summary
                    ?? section?.summary
                var values: [String: Any] = [
                    "number": phase.number, "title": phase.title,
                    "href": document.pagePath + "#" + phase.anchor,
                    "status": phase.declaredStatus?.label ?? phase.declaredStatusText
                        ?? "No status",
                ]
                values["goal"] = goal
                values["estimate"] = phase.estimate?.text
                return values
            }
        }
        // Runbooks that answer an incident (they have triggers) come first: practise those.
        let ordered = handbook.runbooks.enumerated().sorted { lhs, rhs in
            (lhs.element.triggers.isEmpty ? 1 : 0, lhs.offset) < (
                rhs.element.triggers.isEmpty ? 1 : 0, rhs.offset
            )
        }.map(\.element)
        runbooks = ordered.map { runbook in
            [
                "title": runbook.title, "href": RunbookPageView.path(runbook),
                "steps": runbook.stepCount,
                "isIncident": !runbook.triggers.isEmpty,
            ]
        }
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
    let documents: [[String: Any]]
    let runbooks: [[String: Any]]

    init(handbook: Handbook) {
        page = PageContext(
            handbook: handbook, pageTitle: "Search", pagePath: "search.html", currentDocument: nil)
        documents = handbook.documents.map { document in
            [
                "title": document.title, "href": document.pagePath,
                "headings": document.allSections.filter { $0.kind == .heading && $0.level > 1 }.map
                { section in
                    ["title": section.title, "href": document.pagePath + "#" + section.anchor]
                },
            ]
        }
        runbooks = handbook.runbooks.map { ["title": $0.title, "href": RunbookPageView.path($0)] }
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
