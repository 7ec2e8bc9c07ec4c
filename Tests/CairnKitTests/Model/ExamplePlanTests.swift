import CairnKit
import Testing

struct ExamplePlanTests {
    let plan: Document

    init() throws {
        let handbook = try ExampleContent.handbook().handbook
        plan = try #require(handbook.documents.first { $0.path == ExampleContent.planPath })
    }

    @Test func `the plan has 165 tasks of which 5 are done`() {
        #expect(plan.progress == Progress(done: 5, total: 165))
        #expect(plan.allTasks.count == 165)
    }

    @Test func `each phase has the done and total counts of its tasks`() {
        let figures = plan.phases.map { "\($0.number): \($0.progress.done)/\($0.progress.total)" }
        #expect(figures == ["1: 5/10", "2: 0/25", "3: 0/40", "4: 0/19", "5: 0/10", "6: 0/21"])
    }

    @Test
    func
        `phase 1 is declared in progress, estimated at one week and marked complete in its heading`()
        throws
    {
        let phase = try #require(plan.phases.first)
        #expect(phase.title == "Preparation & Documentation")
        #expect(phase.declaredStatus == .inProgress)
        #expect(phase.estimate?.minimumDays == 7)
        #expect(phase.estimate?.maximumDays == 7)
        #expect(phase.isMarkedComplete)
        #expect(phase.location.line == 17)
    }

    @Test func `estimates are read as ranges of days`() {
        let estimates = plan.phases.map { $0.estimate.map { [$0.minimumDays, $0.maximumDays] } }
        #expect(estimates == [[7, 7], [7, 14], [7, 14], [7, 7], [2, 3], [nil, nil]])
        #expect(plan.phases.last?.estimate?.text == "Ongoing")
    }

    @Test func `the prerequisite checklists are found with their progress`() {
        let prerequisites = plan.checklists.filter(\.isPrerequisite)
        let byTitle = Dictionary(
            prerequisites.map { ($0.title, $0.progress) }, uniquingKeysWith: { first, _ in first })
        #expect(byTitle["Pre-Deployment"] == Progress(done: 0, total: 7))
        #expect(byTitle["Pre-Migration"] == Progress(done: 0, total: 6))
        #expect(byTitle["Pre-Launch"] == Progress(done: 0, total: 5))
        #expect(byTitle["6.1: Pre-Launch Checklist"] == Progress(done: 0, total: 7))
        #expect(byTitle["4.1: Pre-Migration"] == Progress(done: 0, total: 5))
    }

    @Test func `a Pre- checklist gates its sibling sections`() throws {
        let preDeployment = try #require(plan.checklists.first { $0.title == "Pre-Deployment" })
        #expect(preDeployment.gates == ["During Deployment", "Post-Deployment"])
        #expect(preDeployment.parentTitle == "Deployment Checklist")
    }

    @Test
    func `the three post-migration success metrics are targets with operator, number and unit`() {
        let targets = plan.targets.filter { !$0.isRollbackTrigger }
        let described = targets.map {
            "\($0.name) \($0.comparison.rawValue) \($0.value) \($0.unit)"
        }
        #expect(described == ["Uptime > 99.9 %", "Response time < 500.0 ms", "Error rate < 0.1 %"])
    }

    @Test func `the error-rate rollback trigger is a target that must not hold`() {
        let triggers = plan.targets.filter(\.isRollbackTrigger)
        #expect(triggers.map(\.name) == ["Error rate"])
        #expect(triggers.first?.value == 5)
    }

    @Test func `task ids are scoped by phase and stable`() {
        let ids = Set(plan.allTasks.map(\.id))
        #expect(ids.contains("phase-3/test-backup-restoration"))
        #expect(ids.contains("phase-1/choose-hosting-platform"))
        #expect(ids.contains("deployment-checklist/all-tests-passing"))
        #expect(ids.count == plan.allTasks.count)
    }

    @Test func `the manual rollback steps are a procedure with five steps and their sub-steps`()
        throws
    {
        let rollback = try #require(plan.procedures.first { $0.title == "Manual Rollback Steps" })
        #expect(
            rollback.steps.map(\.text) == [
                "Identify Issue", "Stop Deployment", "Execute Rollback", "Verify System",
                "Investigate",
            ])
        #expect(
            rollback.steps[0].substeps == [
                "Check monitoring alerts", "Review error logs", "Verify issue severity",
            ])
    }

    @Test func `both arrow blocks are workflows after the arrows are repaired`() {
        #expect(plan.workflows.count == 2)
        #expect(plan.workflows.first?.steps.first == "Local Development")
        #expect(plan.workflows.first?.steps.count == 7)
        #expect(plan.workflows.last?.steps.count == 9)
        #expect(plan.workflows.first?.title == "Development → Staging")
    }

    @Test func `bold-only paragraphs open subsections with their own progress`() throws {
        let phase2 = try #require(plan.allSections.first { $0.title.hasPrefix("Phase 2") })
        let subsections = phase2.flattened.filter { $0.kind == .boldParagraph }
        #expect(
            subsections.map(\.title) == [
                "2.1: Platform Setup", "2.2: Deployment Configuration", "2.3: Database Setup",
                "2.4: Testing",
            ])
        #expect(subsections.map(\.progress.total) == [5, 5, 5, 6])
    }

    @Test func `links to the companion documents resolve to their paths`() {
        let targets = plan.links.compactMap(\.targetDocument)
        #expect(targets == ["plans/HOSTING_GUIDE.md", "plans/CI_CD_PLAN.md"])
    }

    @Test func `headings carry repaired emoji and no mojibake remains`() {
        let titles = plan.allSections.map(\.title)
        #expect(titles.contains("🎯 Overview"))
        #expect(titles.contains("📋 Migration Phases"))
        #expect(titles.contains("✅ Success Metrics"))
        #expect(!plan.bodyHTML.contains("ðŸ"))
        #expect(!plan.bodyHTML.contains("âœ"))
    }
}

struct ExampleRunbookTests {
    @Test func `the example's procedures and checklists become runbooks with short names`() throws {
        let handbook = try ExampleContent.handbook().handbook
        let plan = handbook.runbooks.filter { $0.documentPath == ExampleContent.planPath }
        #expect(plan.map(\.slug) == ["pre-launch", "deployment", "rollback", "security"])
        let rollback = try #require(plan.first { $0.slug == "rollback" })
        #expect(rollback.title == "🚨 Rollback Procedures")
        #expect(
            rollback.triggers == [
                "Health check failures", "Error rate > 5%", "Database connection failures",
                "Critical application errors",
            ])
        #expect(rollback.groups.map(\.title) == ["Manual Rollback Steps"])
        #expect(rollback.stepCount == 5)
        #expect(
            rollback.groups[0].steps[2].substeps == [
                "Revert to previous version", "Restore database backup (if needed)",
                "Verify rollback successful",
            ])
        let deployment = try #require(plan.first { $0.slug == "deployment" })
        #expect(
            deployment.groups.map(\.title) == [
                "Pre-Deployment", "During Deployment", "Post-Deployment",
            ])
        #expect(deployment.stepCount == 19)
        #expect(rollback.version.count >= 8)
    }
}
