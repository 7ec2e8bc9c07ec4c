import CairnKit
import Foundation
import Testing

struct StatusPagesTests {
    /// A handbook of one plan and `count` staging deploys, one a minute, the newest last.
    func site(deploys count: Int) throws -> [SiteFile] {
        let folder = try TemporaryFolder()
        try folder.write(
            "plans/plan.md", "# Plan\n## Phase 1: Go\n- [ ] Deploy <!-- id: deploy -->\n")
        for index in 0..<count {
            let minute = String(format: "%02d", index % 60)
            let hour = String(format: "%02d", index / 60)
            try folder.write(
                "status/deploys/d\(index).json",
                """
                {"schema": "cairn.deploy/v1", "environment": "staging", "version": "v\(index)", "commit": "c\(index)",
                 "status": "\(index % 10 == 0 ? "failure" : "success")", "started_at": "2026-11-20T\(hour):\(minute):00Z",
                 "evidence_for": ["deploy"]}
                """)
        }
        return try ExampleContent.render(contentFolder: folder.path)
    }

    @Test func `histories past 100 rows are split into pages, newest first`() throws {
        let files = try site(deploys: 250)
        let paths = files.map(\.path).filter { $0.hasPrefix("deploys") }
        #expect(paths == ["deploys.html", "deploys-2.html", "deploys-3.html"])
        let first = String(
            decoding: try #require(files.first { $0.path == "deploys.html" }).contents,
            as: UTF8.self)
        #expect(first.components(separatedBy: "<tr id=").count - 1 == 100)
        #expect(first.contains("<tr id=\"d249\">"))
        #expect(first.contains("<a href=\"deploys-3.html\">3</a>"))
        let last = String(
            decoding: try #require(files.first { $0.path == "deploys-3.html" }).contents,
            as: UTF8.self)
        #expect(last.components(separatedBy: "<tr id=").count - 1 == 50)
        #expect(last.contains("<tr id=\"d0\">"))
        #expect(!last.contains("<svg class=\"chart\""))
    }

    @Test func `an evidence badge links to the page that holds its record`() throws {
        let files = try site(deploys: 250)
        let plan = String(
            decoding: try #require(files.first { $0.path == "plans/plan.html" }).contents,
            as: UTF8.self)
        #expect(plan.contains("href=\"../deploys.html#d249\""))
        #expect(plan.contains("+247 more"))
    }

    @Test func `a handbook without records still has empty history pages that say so`() throws {
        let files = try site(deploys: 0)
        let page = String(
            decoding: try #require(files.first { $0.path == "deploys.html" }).contents,
            as: UTF8.self)
        #expect(page.contains("No deploys recorded yet"))
    }
}

struct PhaseTimelineTests {
    @Test
    func
        `the timeline draws each phase from its estimates and marks today when the plan has a start date`()
        throws
    {
        let folder = try TemporaryFolder()
        try folder.write(
            "plan.md",
            "---\nstart: 2026-11-10\n---\n## Phase 1: A\n**Estimated Time:** 1 week\n- [ ] a\n"
                + "## Phase 2: B\n**Estimated Time:** 1-2 weeks\n- [ ] b\n## Phase 3: C\n**Estimated Time:** Ongoing\n"
        )
        let files = try ExampleContent.render(contentFolder: folder.path)
        let dashboard = String(
            decoding: try #require(files.first { $0.path == "index.html" }).contents, as: UTF8.self)
        #expect(
            dashboard.contains(
                "<desc id=\"timeline-desc\">Phase 1: 1 week; Phase 2: 1-2 weeks; Phase 3: Ongoing</desc>"
            ))
        #expect(dashboard.components(separatedBy: "class=\"timeline-bar\"").count - 1 == 2)
        #expect(dashboard.contains("class=\"timeline-open\""))
        #expect(dashboard.contains(">Today</text>"))
    }

    @Test func `without a start date there is no today mark`() throws {
        let folder = try TemporaryFolder()
        try folder.write("plan.md", "## Phase 1: A\n**Estimated Time:** 1 week\n- [ ] a\n")
        let files = try ExampleContent.render(contentFolder: folder.path)
        let dashboard = String(
            decoding: try #require(files.first { $0.path == "index.html" }).contents, as: UTF8.self)
        #expect(dashboard.contains("svg class=\"chart timeline\""))
        #expect(!dashboard.contains(">Today</text>"))
    }
}
