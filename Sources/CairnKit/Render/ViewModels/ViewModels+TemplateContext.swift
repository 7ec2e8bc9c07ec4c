// The names each view model answers in templates: every key here is a name the templates may
// use (`{{title}}`, `{{#progress}}`), and what it gives them.

extension ProgressView: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "done": .of(done)
        case "total": .of(total)
        case "percent": .of(percent)
        case "hasTasks": .of(hasTasks)
        case "isComplete": .of(isComplete)
        case "figures": .of(figures)
        case "summary": .of(summary)
        default: nil
        }
    }
}

extension PageContext: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "siteTitle": .of(siteTitle)
        case "pageTitle": .of(pageTitle)
        case "root": .of(root)
        case "navigation":
            .of(
                navigation.map { item in
                    var item = item
                    item.renderer = itemRenderer
                    return item
                })
        case "dashboardHref": .of(dashboardHref)
        case "isDashboard": .of(isDashboard)
        case "hiddenDocumentCount": .of(hiddenDocumentCount)
        case "isNavigationShortened": .of(isNavigationShortened)
        default: nil
        }
    }
}

extension PageContext.NavigationItem: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "title": .of(title)
        case "href": .of(href)
        case "progress": .of(progress)
        case "isCurrent": .of(isCurrent)
        case "html": .of(html)
        default: nil
        }
    }
}

extension DashboardView: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "page": .of(page)
        case "progress": .of(progress)
        case "phases": .of(phases)
        case "hasPhases": .of(hasPhases)
        case "phaseCount": .of(phaseCount)
        case "shownPhaseCount": .of(phases.count)
        case "isPhaseListShortened": .of(isPhaseListShortened)
        case "currentPhase": .of(currentPhase)
        case "nextTasks": .of(nextTasks)
        case "hasNextTasks": .of(hasNextTasks)
        case "prerequisites": .of(prerequisites)
        case "hasPrerequisites": .of(hasPrerequisites)
        case "documents": .of(documents)
        case "status": .of(status)
        case "checks": .of(checks)
        case "runbooks": .of(runbooks)
        case "timeline": .of(timeline)
        case "hasRunbooks": .of(!runbooks.isEmpty)
        default: nil
        }
    }
}

extension DashboardView.PhaseRow: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "number": .of(number)
        case "title": .of(title)
        case "href": .of(href)
        case "progress": .of(progress)
        case "statusLabel": .of(statusLabel)
        case "statusClass": .of(statusClass)
        case "estimate": .of(estimate)
        case "isCurrent": .of(isCurrent)
        case "isMarkedComplete": .of(isMarkedComplete)
        default: nil
        }
    }
}

extension DashboardView.TaskLink: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "text": .of(text)
        case "href": .of(href)
        case "context": .of(context)
        default: nil
        }
    }
}

extension DashboardView.ChecklistRow: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "title": .of(title)
        case "href": .of(href)
        case "context": .of(context)
        case "progress": .of(progress)
        default: nil
        }
    }
}

extension DashboardView.DocumentRow: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "title": .of(title)
        case "href": .of(href)
        case "path": .of(path)
        case "progress": .of(progress)
        default: nil
        }
    }
}

extension DocumentPageView: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "page": .of(page)
        case "title": .of(title)
        case "sourcePath": .of(sourcePath)
        case "progress": .of(progress)
        case "tableOfContents": .of(tableOfContents)
        case "hasTableOfContents": .of(hasTableOfContents)
        case "body": .of(body.rendered())
        case "previous": .of(previous)
        case "next": .of(next)
        default: nil
        }
    }
}

extension DocumentPageView.ContentsEntry: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "title": .of(title)
        case "href": .of(href)
        case "level": .of(level)
        case "progress": .of(progress)
        default: nil
        }
    }
}

extension DocumentPageView.Neighbour: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "title": .of(title)
        case "href": .of(href)
        default: nil
        }
    }
}

extension DashboardView.CheckSummary: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "errors": .of(errors)
        case "warnings": .of(warnings)
        case "notes": .of(notes)
        case "errorsText": .of(errorsText)
        case "warningsText": .of(warningsText)
        case "hasErrors": .of(errors > 0)
        case "hasWarnings": .of(warnings > 0)
        case "sentence": .of(sentence)
        case "href": .of(href)
        case "isClean": .of(isClean)
        default: nil
        }
    }
}

extension DashboardView: PageView {}
extension DocumentPageView: PageView {}
extension RunbookPageView: PageView {}
extension PrintPageView: PageView {}
extension StartPageView: PageView {}
extension SearchPageView: PageView {}
extension ChecksPageView: PageView {}
extension HistoryPageView: PageView {}
