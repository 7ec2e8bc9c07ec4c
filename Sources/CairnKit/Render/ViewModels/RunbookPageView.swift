/// `runbooks/<slug>.html`: a runbook to practise (drill mode ticks steps in the browser) and to
/// print (boxes to tick on paper).
struct RunbookPageView {
    let page: PageContext
    let slug: String
    let title: String
    let version: String
    let triggers: [String]
    let stepCount: Int
    let documentTitle: String
    let sourceHref: String
    let groups: [[String: Any]]

    static func path(_ runbook: Runbook) -> String { "runbooks/\(runbook.slug).html" }

    init(runbook: Runbook, handbook: Handbook) {
        // A shortened navigation shows the runbook's own document and its neighbours.
        page = PageContext(
            handbook: handbook, pageTitle: runbook.title, pagePath: Self.path(runbook),
            currentDocument: nil, nearDocument: handbook.documentIndex(at: runbook.documentPath))
        slug = runbook.slug
        title = runbook.title
        version = runbook.version
        triggers = runbook.triggers
        stepCount = runbook.stepCount
        let document = handbook.document(at: runbook.documentPath)
        documentTitle = document?.title ?? runbook.documentPath
        sourceHref =
            page.root + (document?.pagePath ?? PagePath.forDocument(runbook.documentPath)) + "#"
            + runbook.anchor
        var number = 0
        groups = runbook.groups.enumerated().map { groupIndex, group in
            let start = number + 1
            let steps = group.steps.enumerated().map { stepIndex, step -> [String: Any] in
                number += 1
                return [
                    "id": "g\(groupIndex)-s\(stepIndex)", "number": number, "text": step.text,
                    "substeps": step.substeps,
                    "hasSubsteps": !step.substeps.isEmpty,
                ]
            }
            var values: [String: Any] = ["start": start, "steps": steps]
            values["title"] = group.title
            return values
        }
    }
}

extension RunbookPageView: TemplateContext {
    func child(named name: String) -> Any? {
        switch name {
        case "page": page
        case "slug": slug
        case "title": title
        case "version": version
        case "triggers": triggers
        case "hasTriggers": !triggers.isEmpty
        case "stepCount": stepCount
        case "documentTitle": documentTitle
        case "sourceHref": sourceHref
        case "groups": groups
        default: nil
        }
    }
}
