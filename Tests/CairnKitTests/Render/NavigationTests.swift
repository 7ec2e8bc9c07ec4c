import CairnKit
import Foundation
import Testing

/// Navigation items are rendered once per site through `partials/navigation-item`; a theme's
/// own version of that partial is used, and each page still gets links from its own folder.
struct NavigationTests {
    @Test func `a theme's navigation item is used, with links right for each page's folder`()
        throws
    {
        let content = try TemporaryFolder()
        try content.write("plans/a.md", "# A\n- [x] One\n")
        try content.write("plans/b.md", "# B\n- [ ] Two\n")
        let overrides = try TemporaryFolder()
        try overrides.write(
            "partials/navigation-item.mustache",
            "<li class=\"mine\"><a href=\"{{href}}\"{{#isCurrent}} aria-current=\"page\"{{/isCurrent}}>{{title}}</a></li>\n"
        )
        let tree = try ContentLoader().load(root: content.path)
        let handbook = HandbookBuilder().build(tree).handbook
        let theme = try ThemeLoader().load(
            candidates: [ExampleContent.themeFolder], overrides: overrides.path)
        let renderer = try #require(SiteRenderer.make(theme: theme).renderer)
        let files = Array(renderer.render(handbook, now: ExampleContent.fixedNow))
        func page(_ path: String) throws -> String {
            String(decoding: try #require(files.first { $0.path == path }).contents, as: UTF8.self)
        }
        let dashboard = try page("index.html")
        #expect(dashboard.contains(#"<li class="mine"><a href="plans/a.html">A</a></li>"#))
        let first = try page("plans/a.html")
        #expect(
            first.contains(
                #"<li class="mine"><a href="../plans/a.html" aria-current="page">A</a></li>"#))
        #expect(first.contains(#"<li class="mine"><a href="../plans/b.html">B</a></li>"#))
        let second = try page("plans/b.html")
        #expect(second.contains(#"<li class="mine"><a href="../plans/a.html">A</a></li>"#))
        #expect(
            second.contains(
                #"<li class="mine"><a href="../plans/b.html" aria-current="page">B</a></li>"#))
    }

    @Test func `a long navigation shows each page's own document and its neighbours`() throws {
        let content = try TemporaryFolder()
        for number in 0..<80 {
            let name = String(format: "doc-%02d", number)
            try content.write(
                "plans/\(name).md",
                "# Doc \(number)\n## Rollback Procedure\n1. Undo \(number)\n- [ ] Task\n")
        }
        let tree = try ContentLoader().load(root: content.path)
        let handbook = HandbookBuilder().build(tree).handbook
        let theme = try ThemeLoader().load(candidates: [ExampleContent.themeFolder], overrides: nil)
        let renderer = try #require(SiteRenderer.make(theme: theme).renderer)
        let files = Array(renderer.render(handbook, now: ExampleContent.fixedNow))
        func page(_ path: String) throws -> String {
            String(decoding: try #require(files.first { $0.path == path }).contents, as: UTF8.self)
        }
        func listed(_ html: String) -> [String] {
            html.components(separatedBy: "href=\"../plans/doc-").dropFirst().map {
                String($0.prefix(2))
            }
        }
        let document = try page("plans/doc-50.html")
        #expect(listed(document).first == "35")
        #expect(listed(document).contains("65"))
        #expect(!listed(document).contains("66"))
        #expect(document.contains("(49 more)"))
        // A runbook's page is not its document's page, but shows the same part of the list.
        let runbooks = try files.filter { $0.path.hasPrefix("runbooks/") }.map {
            String(decoding: try $0.contents, as: UTF8.self)
        }
        #expect(runbooks.count == 80)
        let runbookHTML = try #require(runbooks.first { $0.contains("plans/doc-70.html#") })
        #expect(listed(runbookHTML).contains("70"))
        #expect(!listed(runbookHTML).contains("00"))
        #expect(!runbookHTML.contains("aria-current=\"page\">Doc 70"))
    }
}

/// A handbook of many plans keeps its dashboard readable: the phases table and time line show
/// the first hundred phases, and say how many there are.
struct LargeDashboardTests {
    func dashboard(documents: Int, phasesEach: Int, inProgress: (Int, Int)? = nil) throws
        -> String
    {
        let content = try TemporaryFolder()
        for number in 1...documents {
            var plan = "# Plan \(number)\n"
            for phase in 1...phasesEach {
                let status =
                    inProgress.map { $0 == (number, phase) } == true ? "In Progress" : "Not Started"
                plan +=
                    "## Phase \(phase): Step \(number).\(phase)\n**Status:** \(status)\n**Estimated Time:** 1 week\n- [ ] Work \(phase)\n"
            }
            try content.write(String(format: "plans/p%03d.md", number), plan)
        }
        let files = try ExampleContent.render(contentFolder: content.path)
        let page = try #require(files.first { $0.path == "index.html" })
        return String(decoding: try page.contents, as: UTF8.self)
    }

    @Test func `the dashboard lists the first 100 of 120 phases and says so`() throws {
        let html = try dashboard(documents: 3, phasesEach: 40, inProgress: (3, 30))
        let table = try #require(
            html.components(separatedBy: #"<table class="phases">"#).last?
                .components(separatedBy: "</table>").first)
        #expect(table.components(separatedBy: "<tr").count - 1 == 101)  // the header and 100 rows
        #expect(table.contains("Step 3.20"))
        #expect(!table.contains("Step 3.21<"))
        #expect(
            html.contains(
                "The first 100 of 120 phases, in document order; each document's page lists its own"
            ))
        // The current phase is the one in progress, though the table does not reach it.
        #expect(html.contains("Step 3.30"))
        let timeline = try #require(html.components(separatedBy: "timeline-figure").last)
        #expect(timeline.components(separatedBy: "<g><title>").count - 1 == 100)
    }

    @Test func `a dashboard of 100 phases lists them all and says nothing more`() throws {
        let html = try dashboard(documents: 2, phasesEach: 50)
        #expect(!html.contains("The first 100"))
        #expect(html.contains("Step 2.50"))
    }
}
