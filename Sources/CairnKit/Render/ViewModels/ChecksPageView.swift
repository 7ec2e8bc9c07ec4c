/// `checks.html`: what the checker and the build found, errors first, each linking to the
/// heading, task or record it is about.
struct ChecksPageView {
    let page: PageContext
    let summary: String
    let groups: [Group]
    let hasFindings: Bool

    struct Group {
        let heading: String
        let severityClass: String
        let findings: [Row]
    }

    struct Row {
        let message: String
        let hint: String?
        let rule: String
        let location: String
        let href: String?
    }

    init(handbook: Handbook, findings: [Diagnostic], locator: FindingLocator) {
        page = PageContext(
            handbook: handbook, pageTitle: "Checks", pagePath: "checks.html", currentDocument: nil)
        let counts = FindingCounts(findings)
        summary = counts.sentence
        groups = [Diagnostic.Severity.error, .warning, .note].compactMap { severity in
            let rows = findings.filter { $0.severity == severity }.map { finding in
                Row(
                    message: finding.message, hint: finding.hint, rule: finding.id.rawValue,
                    location: finding.location.description,
                    href: locator.href(for: finding.location, root: ""))
            }
            guard !rows.isEmpty else { return nil }
            let heading =
                switch severity {
                case .error: "Errors"
                case .warning: "Warnings"
                case .note: "Notes"
                }
            return Group(
                heading: heading, severityClass: "severity-" + severity.rawValue, findings: rows)
        }
        hasFindings = !findings.isEmpty
    }
}

/// How many findings of each severity there are, as the dashboard and checks page say it.
struct FindingCounts {
    let errors: Int
    let warnings: Int
    let notes: Int

    init(_ findings: [Diagnostic]) {
        errors = findings.count(of: .error)
        warnings = findings.count(of: .warning)
        notes = findings.count(of: .note)
    }

    var sentence: String {
        guard errors + warnings + notes > 0 else {
            return "Nothing found: the plan holds against itself and its records."
        }
        return [(errors, "error"), (warnings, "warning"), (notes, "note")].filter { $0.0 > 0 }
            .map(CountedNoun.phrase).joined(separator: ", ") + "."
    }
}

/// Finds the page and anchor a finding's location is about: the task or heading on its line
/// (or the heading above it) in a document, or the row of a status record.
struct FindingLocator {
    private var documents: [String: (page: String, anchors: [(line: Int, anchor: String)])] = [:]
    private var records: [String: String] = [:]

    init(handbook: Handbook) {
        for document in handbook.documents {
            // A task and the heading it follows never share a line; a task wins over a section.
            var ranked = document.allTasks.map { (line: $0.location.line, rank: 0, anchor: $0.id) }
            ranked += document.allSections.map {
                (line: $0.location.line, rank: 1, anchor: $0.anchor)
            }
            ranked.sort { ($0.line, $0.rank) < ($1.line, $1.rank) }
            documents[document.path] = (
                document.pagePath, ranked.map { (line: $0.line, anchor: $0.anchor) }
            )
        }
        let status = handbook.status
        for (index, entry) in status.deploys.enumerated() {
            records[entry.location.path] = StatusPages.href(.deploys, index: index, id: entry.id)
        }
        for (index, entry) in status.backups.enumerated() {
            records[entry.location.path] = StatusPages.href(.backups, index: index, id: entry.id)
        }
        for (index, entry) in status.metrics.enumerated() {
            records[entry.location.path] = StatusPages.href(.metrics, index: index, id: entry.id)
        }
    }

    func href(for location: Diagnostic.Location, root: String) -> String? {
        if let record = records[location.path] { return root + record }
        guard let document = documents[location.path] else { return nil }
        let exact = document.anchors.first { $0.line == location.line }
        let above = document.anchors.last { $0.line <= location.line }
        guard let anchor = (exact ?? above)?.anchor else { return root + document.page }
        return root + document.page + "#" + anchor
    }
}

extension ChecksPageView: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "page": .of(page)
        case "summary": .of(summary)
        case "groups": .of(groups)
        case "hasFindings": .of(hasFindings)
        default: nil
        }
    }
}

extension ChecksPageView.Group: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "heading": .of(heading)
        case "severityClass": .of(severityClass)
        case "findings": .of(findings)
        default: nil
        }
    }
}

extension ChecksPageView.Row: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "message": .of(message)
        case "hint": .of(hint)
        case "rule": .of(rule)
        case "location": .of(location)
        case "href": .of(href)
        default: nil
        }
    }
}
