import CairnKit
import Testing

struct TaskParsingTests {
    @Test func `nested task items are tasks under their parent`() throws {
        let document = ExampleContent.document(
            """
            ## Work
            - [x] Parent
              - [x] First child
              - [ ] Second child
            - [x] Alone
            """)
        let parent = try #require(document.sections.first?.tasks.first)
        #expect(parent.children.map(\.text) == ["First child", "Second child"])
        #expect(parent.isChecked && !parent.isDone)
        #expect(document.progress == Progress(done: 2, total: 4))
    }

    @Test func `a parent counts as done only when it and all its children are ticked`() throws {
        let document = ExampleContent.document(
            """
            - [ ] Parent
              - [x] Child
            - [x] Done parent
              - [x] Done child
            """)
        #expect(document.leadingTasks.map(\.isDone) == [false, true])
        #expect(document.progress == Progress(done: 3, total: 4))
    }

    @Test func `a struck-through task is descoped: shown but not counted`() throws {
        let document = ExampleContent.document(
            """
            - [ ] ~~Migrate the legacy forum~~
            - [ ] Keep this one
            """)
        #expect(document.leadingTasks.map(\.isDescoped) == [true, false])
        #expect(document.progress == Progress(done: 0, total: 1))
    }

    @Test func `boxes in code blocks and table cells are not tasks`() {
        let document = ExampleContent.document(
            """
            ```
            - [ ] not a task
            ```

            | Step | Done |
            | ---- | ---- |
            | - [ ] nope | [x] |

            - [ ] the only task
            """)
        #expect(document.allTasks.map(\.text) == ["the only task"])
    }

    @Test func `an HTML comment gives a task an explicit id`() throws {
        let document = ExampleContent.document(
            """
            ### Phase 3: Production
            - [ ] Test backup restoration <!-- id: backup-restore -->
            - [ ] Set up alerting
            """)
        let ids = document.allTasks.map(\.id)
        #expect(ids == ["backup-restore", "phase-3/set-up-alerting"])
        #expect(document.allTasks.first?.hasExplicitID == true)
        #expect(document.allTasks.first?.text == "Test backup restoration")
    }

    @Test func `repeated task texts get distinct ids`() {
        let document = ExampleContent.document(
            """
            ## Checks
            - [ ] Review logs
            - [ ] Review logs
            """)
        #expect(document.allTasks.map(\.id) == ["checks/review-logs", "checks/review-logs-1"])
    }

    @Test func `tasks under a plain bullet are lifted into the section`() {
        let document = ExampleContent.document(
            """
            ## Work
            - Backend
              - [ ] Migrate orders
            """)
        #expect(document.sections.first?.tasks.map(\.text) == ["Migrate orders"])
    }

    @Test func `each task records the line it starts on`() {
        let document = ExampleContent.document("# Title\n\n- [ ] one\n- [x] two\n")
        #expect(document.allTasks.map(\.location.line) == [3, 4])
        #expect(document.allTasks.map(\.location.column) == [1, 1])
    }
}

struct SectionParsingTests {
    @Test func `a bold-only paragraph opens a subsection`() throws {
        let document = ExampleContent.document(
            """
            ## Tasks
            **2.1: Platform Setup**
            - [ ] Create account

            **2.2: Database**
            - [x] Create database
            """)
        let tasks = try #require(document.sections.first)
        #expect(tasks.children.map(\.title) == ["2.1: Platform Setup", "2.2: Database"])
        #expect(tasks.children.map(\.kind) == [.boldParagraph, .boldParagraph])
        #expect(
            tasks.children.map(\.progress) == [
                Progress(done: 0, total: 1), Progress(done: 1, total: 1),
            ])
    }

    @Test func `a paragraph with text besides the bold part is not a subsection`() {
        let document = ExampleContent.document("## A\n**Next Steps:** choose a platform\n")
        #expect(document.sections.first?.children.isEmpty == true)
        #expect(document.sections.first?.fields["next steps"] == "choose a platform")
    }

    @Test func `section kinds are told by their titles, whatever the case`() {
        let document = ExampleContent.document(
            """
            ## Launch CHECKLIST
            Some words.

            - [ ] Go

            ## 2. PRE-flight
            - [ ] Look

            ## Checklists explained
            Words.

            - [ ] Read

            ## Success Metrics
            - Uptime > 99.9%

            ## SUCCESS criteria for ROLLBACK TRIGGERS
            - Error rate > 5%

            ### Rollback Steps
            1. Stop
            """)
        let sections = document.allSections
        #expect(sections.map(\.isChecklist) == [true, true, false, false, false, false])
        #expect(sections.map(\.isPrerequisite) == [false, true, false, false, false, false])
        #expect(document.targets.map(\.name) == ["Uptime", "Error rate"])
        #expect(document.targets.map(\.isRollbackTrigger) == [false, true])
        #expect(document.procedures.map(\.title) == ["Rollback Steps"])
    }

    @Test func `a Requires line names prerequisites`() {
        let document = ExampleContent.document(
            "### Phase 4: Data\n**Requires:** Phase 2, Pre-Deployment\n")
        #expect(document.phases.first?.requires == ["Phase 2", "Pre-Deployment"])
    }

    @Test func `headings get GitHub's anchors, repeats numbered`() {
        let document = ExampleContent.document("## Tasks\n## Tasks\n## Phase 1: Prep & Docs ✅\n")
        #expect(document.sections.map(\.anchor) == ["tasks", "tasks-1", "phase-1-prep--docs-"])
        // A heading that reads like a numbered repeat takes its number; the next repeat skips it.
        let steps = ExampleContent.document("## A\n## A-1\n## A\n## A\n")
        #expect(steps.sections.map(\.anchor) == ["a", "a-1", "a-2", "a-3"])
    }

    @Test
    func `the title comes from front matter, then the first level-one heading, then the file name`()
    {
        #expect(
            ExampleContent.document("---\ntitle: From YAML\n---\n# Heading\n").title == "From YAML")
        #expect(ExampleContent.document("# Heading\n").title == "Heading")
        #expect(ExampleContent.document("text\n", path: "runbooks/restore.md").title == "restore")
    }

    @Test func `front matter keeps markdown line numbers those of the file`() {
        let document = ExampleContent.document(
            "---\ntitle: T\nowner: ops\n---\n- [ ] on line five\n")
        #expect(document.allTasks.first?.location.line == 5)
        #expect(document.frontMatter["owner"] == "ops")
    }
}

struct PhaseParsingTests {
    @Test func `declared statuses are read whatever their case and emoji`() {
        #expect(PhaseStatus(declared: "In Progress") == .inProgress)
        #expect(PhaseStatus(declared: "in-progress") == .inProgress)
        #expect(PhaseStatus(declared: "✅ COMPLETE") == .complete)
        #expect(PhaseStatus(declared: "Not started") == .notStarted)
        #expect(PhaseStatus(declared: "🚫 Blocked") == .blocked)
        #expect(PhaseStatus(declared: "Sort of done") == nil)
    }

    @Test func `estimates become ranges of days`() {
        #expect(Estimate(parsing: "1-2 weeks").maximumDays == 14)
        #expect(Estimate(parsing: "2–3 days").minimumDays == 2)
        #expect(Estimate(parsing: "4 hours").maximumDays == 4.0 / 24)
        #expect(Estimate(parsing: "Ongoing").isOpenEnded)
    }

    @Test func `a phase heading may end in a completion mark`() throws {
        let heading = try #require(PhaseHeading("Phase 1: Preparation & Documentation ✅"))
        #expect(heading.number == 1)
        #expect(heading.title == "Preparation & Documentation")
        #expect(heading.isMarkedComplete)
        #expect(PhaseHeading("Phases overview") == nil)
    }

    @Test func `every completion mark counts, wherever it stands, and no other symbol does`() {
        for mark in ["✅", "✔", "✔️", "☑", "✓"] {
            #expect(PhaseHeading("Phase 2: Staging \(mark)")?.isMarkedComplete == true, "\(mark)")
            #expect(PhaseHeading("Phase 2: \(mark) Staging")?.isMarkedComplete == true, "\(mark)")
        }
        // Each of these is three UTF-8 bytes starting as the marks do (0xE2).
        for other in ["—", "→", "☐", "✗", "⚠️", "€"] {
            #expect(PhaseHeading("Phase 2 \(other) Staging \(other)")?.isMarkedComplete == false)
        }
    }

    @Test func `a phase heading is found in any case, and only as a whole word`() throws {
        #expect(PhaseHeading("PHASE 2 - Staging")?.number == 2)
        #expect(PhaseHeading("  phase 3) Cutover")?.title == "Cutover")
        #expect(PhaseHeading("Phase2: no space") == nil)
        #expect(PhaseHeading("Phase: no number") == nil)
        #expect(PhaseHeading("Phas 1") == nil)
        #expect(PhaseHeading("Phasé 1: accented") == nil)
        #expect(PhaseHeading("Phase\u{301} 1: a combining accent") == nil)
        #expect(PhaseHeading("Ph") == nil)
        #expect(PhaseHeading("") == nil)
    }
}

struct TargetParsingTests {
    func target(_ text: String) -> Target? {
        Target(
            parsing: text, isRollbackTrigger: false, documentPath: "p.md",
            location: .init(path: "p.md"))
    }

    @Test func `targets are read as name, operator, number and unit`() throws {
        let uptime = try #require(target("✅ Uptime > 99.9%"))
        #expect([uptime.name, uptime.comparison.rawValue, uptime.unit] == ["Uptime", ">", "%"])
        #expect(uptime.value == 99.9)
    }

    @Test func `real plans' spellings of targets are understood`() throws {
        let siteUptime = try #require(target("Site uptime: >99.9%"))
        #expect(siteUptime.name == "Site uptime")
        let latency = try #require(target("Response time (p95) <500ms"))
        #expect(latency.name == "Response time")
        #expect(latency.aggregation == "p95")
        #expect(latency.unit == "ms")
        let rto = try #require(target("RTO: <30min"))
        #expect(rto.value == 30)
        #expect(rto.unit == "min")
    }

    @Test func `bullets without a comparison are not targets`() {
        #expect(target("✅ Zero downtime during migration") == nil)
        #expect(target("All features working") == nil)
        // `<` under a combining long solidus is `≮`, no comparison Cairn reads.
        #expect(target("Error rate <\u{338} 5%") == nil)
        #expect(target("Error rate (p99) <\u{338} 5% or ≤ 2%")?.comparison == .lessThanOrEqual)
        // `≤` and `≥` alone, after other three-byte marks that share their first byte.
        #expect(target("✅ Latency ≤ 200ms")?.comparison == .lessThanOrEqual)
        #expect(target("✅ Uptime ≥ 99%")?.comparison == .greaterThanOrEqual)
        #expect(target("✅ Latency ≈ 200ms") == nil)
    }
}

struct WorkflowParsingTests {
    @Test func `an arrow block is a workflow and other code is not`() {
        let document = ExampleContent.document(
            """
            ## Flow
            ```
            Build
              ↓
            Test
              ↓
            Deploy
            ```

            ```swift
            let a = 1
            ```

            ```
            Lint → Build → Ship
            ```
            """)
        #expect(
            document.workflows.map(\.steps) == [
                ["Build", "Test", "Deploy"], ["Lint", "Build", "Ship"],
            ])
        #expect(document.workflows.map(\.direction) == [.vertical, .horizontal])
        #expect(document.workflows.first?.title == "Flow")
    }
}

struct LinkParsingTests {
    @Test func `relative links to markdown resolve to content paths`() {
        let document = ExampleContent.document(
            "[a](./GUIDE.md) [b](../runbooks/restore.md#steps) [c](https://example.com/x.md)",
            path: "plans/PLAN.md")
        #expect(
            document.links.map(\.targetDocument) == ["plans/GUIDE.md", "runbooks/restore.md", nil])
        #expect(document.links[1].fragment == "steps")
    }

    @Test func `links to markdown are rewritten to pages in the HTML`() {
        let document = ExampleContent.document("[a](./GUIDE.md#setup) [b](https://x.test/a.md)")
        #expect(document.bodyHTML.contains("href=\"./GUIDE.html#setup\""))
        #expect(document.bodyHTML.contains("href=\"https://x.test/a.md\""))
    }

    @Test func `raw HTML is omitted unless allowed`() {
        let document = ExampleContent.document(
            "<script>alert(1)</script>\n\ntext <b onclick=x>bold</b>\n")
        #expect(!document.bodyHTML.contains("<script>"))
        #expect(!document.bodyHTML.contains("onclick"))
    }

    @Test func `a script or data link is emptied however its scheme is written`() {
        let parser = MarkdownParser(allowsRawHTML: true)
        for destination in [
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", "<java\tscript:alert(1)>",
            "<  vbscript:alert(1)>", "data:text/html,x", "DATA:x", "file:///etc/passwd",
        ] {
            let html = parser.parse("[x](\(destination)) ![i](\(destination))").html
            #expect(html.contains("href=\"\"") && html.contains("src=\"\""), "\(destination)")
        }
        for destination in [
            "javascript-guide.md", "https://x.test/data:1", "./file.md", "datasheet.md",
        ] {
            let html = parser.parse("[x](\(destination))").html
            #expect(!html.contains("href=\"\""), "\(destination)")
        }
    }
}

struct BlockTreeTests {
    /// Every block below `block` with its depth (the block's children are at depth 1).
    private func descendants(of block: MarkdownBlock, depth: Int = 1) -> [(MarkdownBlock, Int)] {
        block.children.flatMap { child in
            [(child, depth)] + descendants(of: child, depth: depth + 1)
        }
    }

    @Test func `key lines are read as fields wherever their lines break`() throws {
        let parsed = MarkdownParser().parse(
            """
            **Status:** In Progress  
            **Owner
            Team:** Ops crew
              **Requires**: Pre-Flight
            **A:** b **C:** d
            plain **Late:** not a field
            """)
        let paragraph = try #require(parsed.root.children.first)
        #expect(
            paragraph.fields.map { "\($0.key)=\($0.value)@\($0.line)" } == [
                // `**Owner` alone is not a key: it ends in no colon.
                "Status=In Progress@1", "Team=Ops crew@3", "Requires=Pre-Flight@4", "A=b C: d@5",
            ])
    }

    @Test func `a field needs its colon, whatever stands around it`() {
        let cases: [(String, [String])] = [
            ("**1.1: Payments secrets**", []),
            ("**Key** :v", ["Key=v"]),
            ("**Key**\u{A0}: value", ["Key=value"]),
            ("**Key:\u{301}** v", []),
            ("**Key**\u{301}: v", []),
            ("**Key** \t", []),
            ("**Ключ:** значение", ["Ключ=значение"]),
            ("**Key** ✅: v", []),
        ]
        for (markdown, expected) in cases {
            let fields = MarkdownParser().parse(markdown).root.children.first?.fields ?? []
            #expect(
                fields.map { "\($0.key)=\($0.value)" } == expected, "\(markdown.debugDescription)")
        }
    }

    @Test func `blocks nested past the depth limit are kept inside the deepest block allowed`() {
        let parser = MarkdownParser(maximumDepth: 4)
        let parsed = parser.parse(
            "> > > > > > deep paragraph\n\n- a\n  - b\n    - c\n      - [ ] d\n      -\n\nafter\n")
        let blocks = descendants(of: parsed.root)
        #expect(blocks.allSatisfy { $0.1 <= 4 })
        #expect(blocks.map(\.0.text).contains("deep paragraph"))
        #expect(blocks.map(\.0.text).contains("d"))
        // The empty item too deep holds nothing, so it is kept as an item of its own.
        #expect(blocks.filter { if case .item = $0.0.kind { $0.1 == 4 } else { false } }.count == 1)
        #expect(parsed.root.children.map(\.text).last == "after")
    }

    @Test func `an item reads as its first paragraph, and its children follow in order`() throws {
        let parsed = MarkdownParser().parse(
            "- [x] ~~first~~ <!-- id: x -->\n\n  second\n  - inner\n")
        let item = try #require(parsed.root.children.first?.children.first)
        #expect(item.kind == .item(task: true))
        #expect(item.text == "first")
        #expect(item.isStruckThrough)
        #expect(item.comments == [" id: x "])
        #expect(item.children.map(\.text) == ["first", "second", ""])
        #expect(Array(item.children).last?.children.map(\.text) == ["inner"])
    }
}

struct LinksWithinTests {
    /// The links of a block and its descendants as a walk through the children finds them.
    private static func walked(_ block: MarkdownBlock) -> [MarkdownLink] {
        block.links + block.children.flatMap(walked)
    }

    @Test func `a block's links within are its own and its descendants', in document order`() {
        var markdown =
            "[top](a.md) text\n\n> quote [q](b.md)\n> - item [i](c.md)\n>   - deeper [d](d.md)\n\n"
        markdown += "| A | B |\n| - | - |\n| [t](e.md) | ![img](f.png) |\n\n"
        // Deeper than the parser keeps (64): those blocks go into the deepest one kept.
        for depth in 0..<80 {
            markdown +=
                String(repeating: "  ", count: depth)
                + "- level \(depth) [l\(depth)](p\(depth).md)\n"
        }
        markdown += "\n## After [h](g.md#x)\n"
        let root = MarkdownParser().parse(markdown).root
        let expected = Self.walked(root)
        #expect(expected.count == 87)
        #expect(root.linksWithin == expected)
        for child in root.children {
            #expect(child.linksWithin == Self.walked(child))
        }
    }
}
