// The names each view model answers in templates: every key here is a name the templates may
// use (`{{title}}`, `{{#progress}}`), and what it gives them.

extension ProgressView: TemplateContext {
    func child(named name: String) -> Any? {
        switch name {
        case "done": done
        case "total": total
        case "percent": percent
        case "hasTasks": hasTasks
        case "isComplete": isComplete
        case "figures": figures
        case "summary": summary
        default: nil
        }
    }
}

extension PageContext: TemplateContext {
    func child(named name: String) -> Any? {
        switch name {
        case "siteTitle": siteTitle
        case "pageTitle": pageTitle
        case "root": root
        case "navigation":
            navigation.map { item in
                var item = item
                item.renderer = itemRenderer
                return item
            }
        case "dashboardHref": dashboardHref
        case "isDashboard": isDashboard
        case "hiddenDocumentCount": hiddenDocumentCount
        case "isNavigationShortened": isNavigationShortened
        default: nil
        }
    }
}

extension PageContext.NavigationItem: TemplateContext {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        case "progress": progress
        case "isCurrent": isCurrent
        case "html": html
        default: nil
        }
    }
}

extension DashboardView: TemplateContext {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "progress": progress
        case "phases": phases
        case "hasPhases": hasPhases
        case "phaseCount": phaseCount
        case "shownPhaseCount": phases.count
        case "isPhaseListShortened": isPhaseListShortened
        case "currentPhase": currentPhase as Any?
        case "nextTasks": nextTasks
        case "hasNextTasks": hasNextTasks
        case "prerequisites": prerequisites
        case "hasPrerequisites": hasPrerequisites
        case "documents": documents
        case "status": status
        case "checks": checks
        case "runbooks": runbooks
        case "timeline": timeline as Any?
        case "hasRunbooks": !runbooks.isEmpty
        default: nil
        }
    }
}

extension DashboardView.PhaseRow: TemplateContext {
    func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "title": title
        case "href": href
        case "progress": progress
        case "statusLabel": statusLabel
        case "statusClass": statusClass
        case "estimate": estimate as Any?
        case "isCurrent": isCurrent
        case "isMarkedComplete": isMarkedComplete
        default: nil
        }
    }
}

extension DashboardView.TaskLink: TemplateContext {
    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "href": href
        case "context": context
        default: nil
        }
    }
}

extension DashboardView.ChecklistRow: TemplateContext {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        case "context": context
        case "progress": progress
        default: nil
        }
    }
}

extension DashboardView.DocumentRow: TemplateContext {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        case "path": path
        case "progress": progress
        default: nil
        }
    }
}

extension DocumentPageView: TemplateContext {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "title": title
        case "sourcePath": sourcePath
        case "progress": progress
        case "tableOfContents": tableOfContents
        case "hasTableOfContents": hasTableOfContents
        case "body": body.rendered()
        case "previous": previous as Any?
        case "next": next as Any?
        default: nil
        }
    }
}

extension DocumentPageView.ContentsEntry: TemplateContext {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        case "level": level
        case "progress": progress
        default: nil
        }
    }
}

extension DocumentPageView.Neighbour: TemplateContext {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        default: nil
        }
    }
}

extension DashboardView.CheckSummary: TemplateContext {
    func child(named name: String) -> Any? {
        switch name {
        case "errors": errors
        case "warnings": warnings
        case "notes": notes
        case "hasErrors": errors > 0
        case "hasWarnings": warnings > 0
        case "sentence": sentence
        case "href": href
        case "isClean": isClean
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
