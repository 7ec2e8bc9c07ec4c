import CairnKit
import Foundation
import Testing

/// Each rule on a small fixture where it fires and one where it must not.
struct RuleTests {
    static let now = Timestamp(secondsSince1970: 1_795_564_800)  // 2026-11-25T00:00:00Z

    /// A handbook of one plan (`plan.md`) and the given status records, checked by one rule.
    static func findings(
        _ ruleID: String, plan: String, records: [String: String] = [:], config: String? = nil
    ) throws -> [Diagnostic] {
        let folder = try TemporaryFolder()
        try folder.write("plan.md", plan)
        for (path, json) in records { try folder.write("status/" + path, json) }
        if let config { try folder.write("handbook.yml", config) }
        let loaded = try HandbookLoading.load(contentFolder: folder.path)
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics)")
        let rules = allRules.filter { $0.id.rawValue == ruleID }
        #expect(rules.count == 1)
        return Checker(rules: rules).check(loaded.handbook, now: now)
    }

    static func deploy(
        environment: String = "staging", status: String = "success", evidence: [String] = [],
        day: Int = 20
    )
        -> String
    {
        let ids = evidence.map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            {"schema": "cairn.deploy/v1", "environment": "\(environment)", "version": "1.0.\(day)", "commit": "abc",
             "status": "\(status)", "started_at": "2026-11-\(day)T10:00:00Z", "evidence_for": [\(ids)]}
            """
    }

    static func restore(status: String, evidence: [String] = [], day: Int = 22) -> String {
        let ids = evidence.map { "\"\($0)\"" }.joined(separator: ", ")
        return """
            {"schema": "cairn.backup/v1", "environment": "staging", "kind": "database", "tool": "pg_dump",
             "taken_at": "2026-11-\(day)T02:00:00Z",
             "restore": {"tested_at": "2026-11-\(day)T03:00:00Z", "status": "\(status)"}, "evidence_for": [\(ids)]}
            """
    }

    static func metrics(_ values: String) -> String {
        """
        {"schema": "cairn.metrics/v1", "environment": "staging",
         "window": {"from": "2026-11-17T00:00:00Z", "to": "2026-11-24T00:00:00Z"}, "values": [\(values)]}
        """
    }

    static let twoPhases = """
        ## Phase 1: Prepare
        **Status:** In Progress

        #### Deliverables
        - [x] Plan written
        - [ ] Platform chosen

        ## Phase 2: Staging
        **Status:** STATUS

        - [ ] Create staging
        """

    @Test func `every rule has a unique, dotted id and a summary`() {
        let ids = allRules.map(\.id.rawValue)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.contains(".") && $0 == $0.lowercased() })
        #expect(allRules.allSatisfy { !$0.summary.isEmpty })
    }

    @Test
    func
        `a phase started before the previous phase's deliverables are done is reported with the open items`()
        throws
    {
        let fired = try Self.findings(
            "prerequisite.unticked",
            plan: Self.twoPhases.replacingOccurrences(of: "STATUS", with: "In Progress"))
        #expect(
            fired.map(\.formatted).first?.hasSuffix(
                "Phase 2: Staging has started (declared In Progress) but its prerequisite Phase 1: Prepare deliverables has 1 unticked: 'Platform chosen' [prerequisite.unticked]"
            ) == true)
        #expect(fired.first?.location.line == 8)
        let quiet = try Self.findings(
            "prerequisite.unticked",
            plan: Self.twoPhases.replacingOccurrences(of: "STATUS", with: "Not Started"))
        #expect(quiet.isEmpty)
    }

    @Test func `phases listed out of heading order are paired with their sections all the same`()
        throws
    {
        let folder = try TemporaryFolder()
        try folder.write(
            "plan.md",
            Self.twoPhases.replacingOccurrences(of: "STATUS", with: "In Progress")
                + "\n\n## Phase 3: Production\n**Status:** In Progress\n\n- [ ] Go live\n")
        let loaded = try HandbookLoading.load(contentFolder: folder.path)
        var document = try #require(loaded.handbook.documents.first)
        let checker = Checker(rules: allRules.filter { $0.id.rawValue == "prerequisite.unticked" })
        let inOrder = checker.check(loaded.handbook, now: Self.now)
        #expect(inOrder.count == 2)
        document.phases.reverse()
        let reversed = Handbook(
            title: loaded.handbook.title, config: loaded.handbook.config, documents: [document],
            status: loaded.handbook.status)
        #expect(checker.check(reversed, now: Self.now) == inOrder)
    }

    @Test func `a deploy recorded for a phase's task counts as starting it`() throws {
        let plan = Self.twoPhases.replacingOccurrences(of: "STATUS", with: "Not Started")
        let fired = try Self.findings(
            "prerequisite.unticked", plan: plan,
            records: ["deploys/d.json": Self.deploy(evidence: ["phase-2/create-staging"])])
        #expect(fired.first?.message.contains("has started (a deploy is recorded for it)") == true)
    }

    @Test func `a Pre- checklist must be done before its siblings start`() throws {
        let plan = """
            ## Deployment Checklist
            ### Pre-Deployment
            - [ ] Backup taken
            ### During Deployment
            - [x] Deploy application
            """
        let fired = try Self.findings("prerequisite.unticked", plan: plan)
        #expect(
            fired.map(\.message) == [
                "During Deployment has started (tasks are ticked) but its prerequisite Pre-Deployment has 1 unticked: 'Backup taken'"
            ])
        let quiet = try Self.findings(
            "prerequisite.unticked",
            plan: plan.replacingOccurrences(of: "- [ ] Backup", with: "- [x] Backup"))
        #expect(quiet.isEmpty)
    }

    @Test func `a Requires line replaces the previous phase as prerequisite`() throws {
        let plan = """
            ## Phase 1: A
            - [ ] Not needed by phase 2
            ## Checks
            - [ ] Security review
            ## Phase 2: B
            **Status:** In Progress
            **Requires:** Checks
            - [ ] Work
            """
        let fired = try Self.findings("prerequisite.unticked", plan: plan)
        #expect(
            fired.map(\.message) == [
                "Phase 2: B has started (declared In Progress) but its prerequisite Checks has 1 unticked: 'Security review'"
            ])
    }

    @Test func `a phase marked complete with open tasks is an error at its heading`() throws {
        let fired = try Self.findings(
            "phase.complete-with-open-tasks",
            plan: "# P\n\n### Phase 1: Prep ✅\n**Status:** In Progress\n- [x] a\n- [ ] b\n")
        #expect(
            fired.map(\.formatted) == [
                "plan.md:3:1: error: Phase 1: Prep is marked ✅ in its heading while declared In Progress but 1 of 2 tasks is unticked: 'b' [phase.complete-with-open-tasks]"
            ])
        let declared = try Self.findings(
            "phase.complete-with-open-tasks",
            plan: "## Phase 1: Prep\n**Status:** Complete\n- [ ] b\n")
        #expect(
            declared.map(\.message) == [
                "Phase 1: Prep is declared Complete but 1 of 1 task is unticked: 'b'"
            ])
        let several = try Self.findings(
            "phase.complete-with-open-tasks",
            plan: "## Phase 1: Prep\n**Status:** Complete\n- [ ] b\n- [ ] c\n")
        #expect(several.first?.message.contains("but 2 of 2 tasks are unticked") == true)
        let quiet = try Self.findings(
            "phase.complete-with-open-tasks",
            plan: "## Phase 1: Prep ✅\n**Status:** Complete\n- [x] a\n")
        #expect(quiet.isEmpty)
    }

    @Test func `a phase declared not started with ticks is a warning`() throws {
        let fired = try Self.findings(
            "phase.not-started-with-ticks",
            plan: "## Phase 1: A\n**Status:** Not Started\n- [x] done\n")
        #expect(fired.map(\.severity) == [.warning])
        #expect(
            fired.map(\.message) == [
                "Phase 1: A is declared Not Started but 1 of its tasks is ticked: 'done'"
            ])
        let several = try Self.findings(
            "phase.not-started-with-ticks",
            plan: "## Phase 1: A\n**Status:** Not Started\n- [x] one\n- [x] two\n")
        #expect(several.first?.message.contains("but 2 of its tasks are ticked") == true)
        let quiet = try Self.findings(
            "phase.not-started-with-ticks",
            plan: "## Phase 1: A\n**Status:** Not Started\n- [ ] open\n")
        #expect(quiet.isEmpty)
    }

    @Test func `an unknown declared status is a warning naming the known ones`() throws {
        let fired = try Self.findings(
            "phase.unknown-status", plan: "## Phase 1: A\n**Status:** Sort of\n")
        #expect(
            fired.map(\.message) == [
                "Phase 1: A declares the status 'Sort of', which is not one of Not Started, In Progress, Complete, Blocked"
            ])
        #expect(
            try Self.findings("phase.unknown-status", plan: "## Phase 1: A\n**Status:** Blocked\n")
                .isEmpty)
    }

    @Test func `a production deploy while Pre-Deployment is open is an error at the deploy record`()
        throws
    {
        let plan = "## Deployment Checklist\n### Pre-Deployment\n- [ ] Tests pass\n- [x] Reviewed\n"
        let fired = try Self.findings(
            "deploy.gate-unticked", plan: plan,
            records: ["deploys/p.json": Self.deploy(environment: "production")])
        #expect(
            fired.map(\.formatted) == [
                "status/deploys/p.json:1:1: error: a production deploy is recorded (newest 1.0.20, 2026-11-20) while Pre-Deployment has 1 unticked: 'Tests pass' [deploy.gate-unticked]"
            ])
        let staging = try Self.findings(
            "deploy.gate-unticked", plan: plan, records: ["deploys/s.json": Self.deploy()])
        #expect(staging.isEmpty)
    }

    @Test func `a configured production-deploy gate replaces Pre-Deployment`() throws {
        let plan =
            "### Pre-Deployment\n- [ ] Tests pass\n### Release Checklist\n- [x] Notes written\n"
        let quiet = try Self.findings(
            "deploy.gate-unticked", plan: plan,
            records: ["deploys/p.json": Self.deploy(environment: "production")],
            config: "gates:\n  production-deploy: [Release Checklist]\n")
        #expect(quiet.isEmpty)
    }

    @Test func `a ticked task whose latest restore test failed is contradicted`() throws {
        let plan = "## Phase 3: Prod\n- [x] Test backup restoration\n"
        let fired = try Self.findings(
            "evidence.contradicts-tick", plan: plan,
            records: [
                "backups/b.json": Self.restore(
                    status: "fail", evidence: ["phase-3/test-backup-restoration"])
            ])
        #expect(
            fired.map(\.message) == [
                "'Test backup restoration' is ticked but its latest evidence, restore test fail on 2026-11-22 (b), says otherwise"
            ])
        let passing = try Self.findings(
            "evidence.contradicts-tick", plan: plan,
            records: [
                "backups/old.json": Self.restore(
                    status: "fail", evidence: ["phase-3/test-backup-restoration"], day: 10),
                "backups/new.json": Self.restore(
                    status: "pass", evidence: ["phase-3/test-backup-restoration"], day: 22),
            ])
        #expect(passing.isEmpty)
    }

    @Test func `an open task whose latest restore test passed could be ticked`() throws {
        let plan = "## Phase 3: Prod\n- [ ] Test backup restoration\n"
        let fired = try Self.findings(
            "evidence.would-complete", plan: plan,
            records: [
                "backups/b.json": Self.restore(
                    status: "pass", evidence: ["phase-3/test-backup-restoration"])
            ])
        #expect(fired.map(\.severity) == [.warning])
        #expect(fired.first?.location.line == 2)
        let failing = try Self.findings(
            "evidence.would-complete", plan: plan,
            records: [
                "backups/b.json": Self.restore(
                    status: "fail", evidence: ["phase-3/test-backup-restoration"])
            ])
        #expect(failing.isEmpty)
    }

    @Test func `evidence for a task id that does not exist is reported at the record`() throws {
        let fired = try Self.findings(
            "evidence.unknown-task", plan: "- [ ] a\n",
            records: ["deploys/d.json": Self.deploy(evidence: ["phase-9/nothing"])])
        #expect(
            fired.map(\.formatted) == [
                "status/deploys/d.json:1:1: warning: evidence_for names 'phase-9/nothing', which is no task's id [evidence.unknown-task]"
            ])
        #expect(
            try Self.findings(
                "evidence.unknown-task", plan: "- [ ] a\n",
                records: ["deploys/d.json": Self.deploy(evidence: ["a"])]
            ).isEmpty)
    }

    @Test func `a restore test older than max_evidence_age is stale`() throws {
        let fired = try Self.findings(
            "evidence.stale", plan: "- [ ] a\n",
            records: ["backups/b.json": Self.restore(status: "pass", day: 10)])
        #expect(
            fired.map(\.message) == [
                "the latest restore test of staging is 14 days old (2026-11-10); evidence older than 7 days is stale"
            ])
        let lenient = try Self.findings(
            "evidence.stale", plan: "- [ ] a\n",
            records: ["backups/b.json": Self.restore(status: "pass", day: 10)],
            config: "max_evidence_age: 3w\n")
        #expect(lenient.isEmpty)
        let strict = try Self.findings(
            "evidence.stale", plan: "- [ ] a\n",
            records: ["backups/b.json": Self.restore(status: "pass", day: 23)],
            config: "max_evidence_age: 36h\n")
        #expect(
            strict.map(\.message) == [
                "the latest restore test of staging is 1 day old (2026-11-23); evidence older than 1.5 days is stale"
            ])
        #expect(
            try Self.findings(
                "evidence.stale", plan: "- [ ] a\n",
                records: ["backups/b.json": Self.restore(status: "pass")]
            ).isEmpty)
    }

    static let targets =
        "## Success Metrics\n- Uptime > 99.9%\n## Rollback Triggers\n- Error rate > 5%\n"

    @Test func `a metric past its target is a warning saying by how much`() throws {
        let fired = try Self.findings(
            "metric.missed-target", plan: Self.targets,
            records: [
                "metrics/m.json": Self.metrics(
                    #"{"name": "Uptime", "value": 0.998, "unit": "ratio"}"#)
            ])
        #expect(
            fired.map(\.message) == [
                "Uptime in staging was 0.998 ratio in the window to 2026-11-24, missing the target Uptime > 99.9% (plan.md:2) by 0.1 %"
            ])
        let met = try Self.findings(
            "metric.missed-target", plan: Self.targets,
            records: [
                "metrics/m.json": Self.metrics(#"{"name": "Uptime", "value": 99.95, "unit": "%"}"#)
            ])
        #expect(met.isEmpty)
    }

    @Test func `a rollback trigger that fired is an error`() throws {
        let fired = try Self.findings(
            "metric.trigger-fired", plan: Self.targets,
            records: [
                "metrics/m.json": Self.metrics(
                    #"{"name": "Error rate", "value": 6.5, "unit": "%"}"#)
            ])
        #expect(
            fired.map(\.message) == [
                "rollback trigger Error rate > 5% fired in staging: 6.5 % in the window to 2026-11-24"
            ])
        let calm = try Self.findings(
            "metric.trigger-fired", plan: Self.targets,
            records: [
                "metrics/m.json": Self.metrics(
                    #"{"name": "Error rate", "value": 0.2, "unit": "%"}"#)
            ])
        #expect(calm.isEmpty)
    }

    @Test func `links to missing documents and anchors are errors; good ones are not`() throws {
        let plan = """
            # Plan
            ## Steps
            - [ ] Task one
            [ok](#steps) [task](#phase-x) [gone](./GONE.md) [self](./plan.md#steps) [bad](./plan.md#nowhere)
            [web](https://example.com/x.md#y)
            [out](../../etc/passwd.md) [file](./notes.txt)
            """
        let fired = try Self.findings("link.broken", plan: plan)
        #expect(
            fired.map(\.message) == [
                "links to #phase-x in plan.md, which has no such heading or task",
                "links to ./GONE.md, which is not a document of the handbook (GONE.md)",
                "links to #nowhere in plan.md, which has no such heading or task",
                "links to ../../etc/passwd.md, which is outside the content folder",
            ])
        #expect(fired.map(\.location.line) == [4, 4, 4, 6])
    }

    @Test func `a repeated explicit task id is an error`() throws {
        let fired = try Self.findings(
            "task.duplicate-id", plan: "- [ ] a <!-- id: same -->\n- [ ] b <!-- id: same -->\n")
        #expect(
            fired.map(\.formatted) == [
                "plan.md:2:1: error: the task id 'same' is given to an earlier task of this document too [task.duplicate-id]"
            ])
        #expect(
            try Self.findings(
                "task.duplicate-id", plan: "- [ ] a <!-- id: one -->\n- [ ] b <!-- id: two -->\n"
            ).isEmpty)
    }
}

/// Rules and gates that look across documents: by task id, and by the name of a step.
struct CrossDocumentCheckTests {
    /// Several plans, loaded.
    static func loaded(_ plans: [String: String]) throws -> HandbookLoading.Loaded {
        let folder = try TemporaryFolder()
        for (path, plan) in plans { try folder.write(path, plan) }
        let loaded = try HandbookLoading.load(contentFolder: folder.path)
        #expect(!loaded.diagnostics.hasErrors, "\(loaded.diagnostics)")
        return loaded
    }

    /// The findings of one rule over several plans, formatted.
    static func findings(_ ruleID: String, _ plans: [String: String]) throws -> [String] {
        Checker(rules: allRules.filter { $0.id.rawValue == ruleID })
            .check(try loaded(plans).handbook, now: RuleTests.now).map(\.formatted)
    }

    @Test func `an explicit id that a task elsewhere has from its text is a duplicate`() throws {
        // b.md's task has the id `prepare/backup-taken` from its section and text.
        let plans = [
            "a.md": "## Other\n- [ ] Anything <!-- id: prepare/backup-taken -->\n",
            "b.md": "## Prepare\n- [ ] Backup taken\n",
        ]
        #expect(
            try Self.findings("task.duplicate-id", plans) == [
                "b.md:2:1: error: the task id 'prepare/backup-taken' is also used in a.md [task.duplicate-id]"
            ])
        let unrelated = plans.merging(["a.md": "## Other\n- [ ] Anything <!-- id: own -->\n"]) {
            $1
        }
        #expect(try Self.findings("task.duplicate-id", unrelated).isEmpty)
        // The same text in two documents, with no explicit id, is no finding.
        let twice = ["a.md": "## Prepare\n- [ ] Backup taken\n", "b.md": plans["b.md"] ?? ""]
        #expect(try Self.findings("task.duplicate-id", twice).isEmpty)
    }

    @Test func `a Requires line may name a step of another document`() throws {
        let plans = [
            "a.md": "## Security Review\n- [ ] Pen test\n- [x] Threat model\n",
            "b.md":
                "## Phase 1: Launch\n**Status:** In Progress\n**Requires:** security review\n- [ ] Go\n",
        ]
        #expect(
            try Self.findings("prerequisite.unticked", plans) == [
                "b.md:1:1: error: Phase 1: Launch has started (declared In Progress) but its prerequisite security review has 1 unticked: 'Pen test' [prerequisite.unticked]"
            ])
    }

    @Test func `a Requires line names a step without its numbering, or a phase by number`() throws {
        let plans = [
            "a.md": "## 4.1: Backups\n- [ ] Nightly dump\n## .5) Restore drill\n- [ ] Drill run\n",
            "b.md": "## Phase 7: Prepare ✅\n- [ ] Order hardware\n",
            "c.md":
                "## Phase 1: Launch\n**Status:** In Progress\n**Requires:** Backups, restore drill, phase-7\n- [ ] Go\n",
        ]
        #expect(
            try Self.findings("prerequisite.unticked", plans).map {
                $0.replacingOccurrences(of: " [prerequisite.unticked]", with: "")
            } == [
                "c.md:1:1: error: Phase 1: Launch has started (declared In Progress) but its prerequisite Backups has 1 unticked: 'Nightly dump'",
                "c.md:1:1: error: Phase 1: Launch has started (declared In Progress) but its prerequisite phase-7 has 1 unticked: 'Order hardware'",
                "c.md:1:1: error: Phase 1: Launch has started (declared In Progress) but its prerequisite restore drill has 1 unticked: 'Drill run'",
            ])
    }

    @Test func `a gate may name any step, even one no Requires line or gate names`() throws {
        let loaded = try Self.loaded([
            "a.md": "## 3. Go-Live Checklist 🚀\n- [ ] DNS switched\n- [x] Team told\n",
            "b.md": "## Go-Live checklist\n- [ ] Status page updated\n",
        ])
        let gates = GateCheck(handbook: loaded.handbook, now: RuleTests.now)
        let open = try #require(gates.check("go-live checklist"))
        #expect(open.map(\.location.path) == ["a.md", "b.md"])
        #expect(
            open.map(\.message) == [
                "go-live checklist: 'DNS switched' is not ticked (required before go-live checklist)",
                "go-live checklist: 'Status page updated' is not ticked (required before go-live checklist)",
            ])
        #expect(gates.check("Go-Live") == nil)
    }

    @Test func `a phase number in several documents is one gate on what comes before each`()
        throws
    {
        let plan = { (name: String) in
            "### Phase 1: \(name) setup\n**Status:** Complete\n#### Deliverables\n- [x] \(name) ready\n\n"
                + "### Phase 2: \(name) launch\n**Status:** Not Started\n#### Tasks\n- [ ] \(name) live\n"
        }
        var plans = ["a.md": plan("Alpha"), "b.md": plan("Beta")]
        plans["b.md"] = plans["b.md"]?.replacingOccurrences(
            of: "- [x] Beta ready", with: "- [ ] Beta ready")
        let loaded = try Self.loaded(plans)
        let check = GateCheck(handbook: loaded.handbook, now: RuleTests.now)
        #expect(
            check.gates.map {
                "\($0.name): \($0.requirements.joined(separator: ", ")) \($0.progress.done)/\($0.progress.total)"
            } == [
                "Phase 1:  0/0",
                "Phase 2: Phase 1: Alpha setup deliverables (a.md), Phase 1: Beta setup deliverables (b.md) 1/2",
            ])
        let open = try #require(check.check("Phase 2"))
        #expect(
            open.map(\.message) == [
                "Phase 1: Beta setup deliverables (b.md): 'Beta ready' is not ticked (required before Phase 2)"
            ])
        #expect(open.map(\.location.path) == ["b.md"])
    }
}

struct ExamplePlanCheckTests {
    @Test func `the Phase 1 contradiction in the example is found at line 17`() throws {
        let loaded = try HandbookLoading.load(contentFolder: ExampleContent.contentFolder)
        let findings = Checker().check(loaded.handbook, now: RuleTests.now)
        let contradiction = try #require(
            findings.first { $0.id.rawValue == "phase.complete-with-open-tasks" })
        #expect(
            contradiction.location
                == .init(path: "plans/HOSTING_MIGRATION_PLAN.md", line: 17, column: 1))
        #expect(contradiction.severity == .error)
        #expect(contradiction.message.contains("5 of 10 tasks are unticked"))
    }

    @Test func `the production-deploy gate lists the seven Pre-Deployment items`() throws {
        let loaded = try HandbookLoading.load(contentFolder: ExampleContent.contentFolder)
        let findings = try #require(
            GateCheck(handbook: loaded.handbook, now: RuleTests.now).check("production-deploy"))
        #expect(findings.count == 7)
        #expect(
            findings.first?.message
                == "Pre-Deployment: 'All tests passing' is not ticked (required before production-deploy)"
        )
        #expect(findings.map(\.location.line) == Array(314...320))
    }

    @Test func `the example's gates are its configured ones, then each phase, then each checklist`()
        throws
    {
        let loaded = try HandbookLoading.load(contentFolder: ExampleContent.contentFolder)
        let gates = GateCheck(handbook: loaded.handbook, now: RuleTests.now).gates
        #expect(
            gates.prefix(5).map { "\($0.name): \($0.requirements.joined(separator: ", "))" } == [
                "go-live: Pre-Launch Checklist, Phase 5",
                "production-deploy: Pre-Deployment",
                "Phase 1: ",
                "Phase 2: Phase 1: Preparation & Documentation deliverables",
                "Phase 3: Phase 2: Staging Environment Setup deliverables",
            ])
        #expect(gates.map(\.kind.rawValue).filter { $0 == "phase" }.count == 6)
        let production = try #require(gates.first { $0.name == "production-deploy" })
        #expect(production.progress == Progress(done: 0, total: 7))
        #expect(gates.last?.kind == .checklist)
    }

    @Test func `a checklist gate is listed once, with every section its name stands for`() throws {
        let loaded = try HandbookLoading.load(contentFolder: ExampleContent.contentFolder)
        let check = GateCheck(handbook: loaded.handbook, now: RuleTests.now)
        let checklists = check.gates.filter { $0.kind == .checklist }
        #expect(Set(checklists.map(\.name)).count == checklists.count)
        let deployment = try #require(checklists.first { $0.name == "Pre-Deployment" })
        #expect(deployment.requirements == ["its own tasks"])
        // `Pre-Migration` is also what `4.1: Pre-Migration` answers to, and the gate checks both.
        let migration = try #require(checklists.first { $0.name == "Pre-Migration" })
        #expect(
            migration.requirements == [
                "4.1: Pre-Migration (plans/HOSTING_MIGRATION_PLAN.md:169)",
                "Pre-Migration (plans/HOSTING_MIGRATION_PLAN.md:411)",
            ])
        #expect(migration.progress == Progress(done: 0, total: 11))
        #expect(check.check("Pre-Migration")?.count == 11)
    }

    @Test func `every link between the example documents resolves`() throws {
        let loaded = try HandbookLoading.load(contentFolder: ExampleContent.contentFolder)
        let broken = Checker(rules: allRules.filter { $0.id.rawValue == "link.broken" }).check(
            loaded.handbook, now: RuleTests.now)
        #expect(broken.isEmpty, "\(broken.map(\.formatted))")
    }
}
