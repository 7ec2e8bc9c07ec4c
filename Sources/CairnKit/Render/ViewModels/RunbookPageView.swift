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
    let groups: [StepGroup]

    /// Steps under one heading of the procedure (the first group may have none).
    struct StepGroup {
        let start: Int
        let steps: [Step]
        let title: String?
    }

    /// One numbered step, and the id drill mode remembers its tick by.
    struct Step {
        let id: String
        let number: Int
        let text: String
        let substeps: [String]
    }

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
            let steps = group.steps.enumerated().map { stepIndex, step in
                number += 1
                return Step(
                    id: "g\(groupIndex)-s\(stepIndex)", number: number, text: step.text,
                    substeps: step.substeps)
            }
            return StepGroup(start: start, steps: steps, title: group.title)
        }
    }
}

extension RunbookPageView: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "page": .of(page)
        case "slug": .of(slug)
        case "title": .of(title)
        case "version": .of(version)
        case "triggers": .of(triggers)
        case "hasTriggers": .of(!triggers.isEmpty)
        case "stepCount": .of(stepCount)
        case "documentTitle": .of(documentTitle)
        case "sourceHref": .of(sourceHref)
        case "groups": .of(groups)
        default: nil
        }
    }
}

extension RunbookPageView.StepGroup: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "start": .of(start)
        case "steps": .of(steps)
        case "title": .of(title)
        // Not `{{#title}}`: a group without one would find the runbook's own title.
        case "hasTitle": .of(title != nil)
        default: nil
        }
    }
}

extension RunbookPageView.Step: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "id": .of(id)
        case "number": .of(number)
        case "text": .of(text)
        case "substeps": .of(substeps)
        case "hasSubsteps": .of(!substeps.isEmpty)
        default: nil
        }
    }
}
