import Foundation
import Testing

/// `cairn check` keeps its result in a cache folder and gives it back while nothing it
/// depends on has changed: the content, the settings, or the time, for evidence that goes stale.
struct CheckCacheTests {
    /// 2026-11-25T00:00:00Z.
    static let day = 1_795_564_800

    /// A plan with a backup task and a restore test taken a day before `day`.
    func project() throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        try scratch.write(
            "content/plans/plan.md",
            "# Plan\n## Phase 1: Backups\n**Status:** In Progress\n- [x] Test backup restoration <!-- id: restore -->\n- [ ] Write it down\n"
        )
        try scratch.write(
            "content/status/backups/2026-11-24-staging.json",
            """
            {"schema": "cairn.backup/v1", "environment": "staging", "kind": "database",
             "taken_at": "2026-11-24T00:00:00Z",
             "restore": {"tested_at": "2026-11-24T00:00:00Z", "status": "pass"},
             "evidence_for": ["restore"]}
            """)
        return scratch
    }

    func check(_ scratch: ScratchFolder, at seconds: Int, _ extra: [String] = []) throws
        -> CairnBinary.Result
    {
        try CairnBinary.run(
            ["check", "--format", "json"] + extra, in: scratch.path,
            environment: ["SOURCE_DATE_EPOCH": "\(seconds)"])
    }

    func cacheEntries(_ scratch: ScratchFolder) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: scratch.path + "/.cairn-cache/check"))
            ?? []
    }

    @Test func `a second check of unchanged content gives the same report from the cache`() throws {
        let scratch = try project()
        let first = try check(scratch, at: Self.day)
        #expect(cacheEntries(scratch).count == 1)
        #expect(scratch.exists(".cairn-cache/CACHEDIR.TAG"))
        let second = try check(scratch, at: Self.day + 60)
        #expect(second.status == first.status)
        #expect(second.standardOutput == first.standardOutput)
        #expect(cacheEntries(scratch).count == 1)
        let verbose = try check(scratch, at: Self.day + 120, ["--verbose"])
        #expect(!verbose.standardError.contains("came from the cache"))
        let again = try check(scratch, at: Self.day + 180, ["--verbose"])
        #expect(again.standardError.contains("its report came from the cache"))
        #expect(again.standardOutput == verbose.standardOutput)
    }

    @Test func `an edited plan or a new record is checked again`() throws {
        let scratch = try project()
        let before = try check(scratch, at: Self.day)
        #expect(!before.standardOutput.contains("evidence.contradicts-tick"))
        try scratch.write(
            "content/status/backups/2026-11-24-staging-2.json",
            """
            {"schema": "cairn.backup/v1", "environment": "staging", "kind": "database",
             "taken_at": "2026-11-24T06:00:00Z",
             "restore": {"tested_at": "2026-11-24T06:00:00Z", "status": "fail"},
             "evidence_for": ["restore"]}
            """)
        let after = try check(scratch, at: Self.day)
        #expect(after.standardOutput.contains("evidence.contradicts-tick"))
        try scratch.write("content/plans/plan.md", "# Plan\n- [ ] Only this\n")
        let edited = try check(scratch, at: Self.day)
        #expect(!edited.standardOutput.contains("Test backup restoration"))
        #expect(cacheEntries(scratch).count == 3)
    }

    @Test func `a cached result expires when a restore test goes stale`() throws {
        let scratch = try project()
        let fresh = try check(scratch, at: Self.day)
        #expect(!fresh.standardOutput.contains("evidence.stale"))
        // Seven days after the test, the default max_evidence_age, and a minute more.
        let later = try check(scratch, at: Self.day - 86_400 + 7 * 86_400 + 60)
        #expect(later.standardOutput.contains("evidence.stale"))
        #expect(later.standardOutput.contains("is 7 days old"))
        let dayAfter = try check(scratch, at: Self.day - 86_400 + 8 * 86_400 + 60)
        #expect(dayAfter.standardOutput.contains("is 8 days old"))
    }

    @Test func `--no-cache writes nothing and --cache-dir chooses the folder`() throws {
        let scratch = try project()
        _ = try check(scratch, at: Self.day, ["--no-cache"])
        #expect(!scratch.exists(".cairn-cache"))
        _ = try check(scratch, at: Self.day, ["--cache-dir", "elsewhere"])
        #expect(!scratch.exists(".cairn-cache"))
        #expect(
            ((try? FileManager.default.contentsOfDirectory(
                atPath: scratch.path + "/elsewhere/check"))
                ?? []).count == 1)
    }

    @Test func `a cache entry that is not whole is ignored and replaced`() throws {
        let scratch = try project()
        let first = try check(scratch, at: Self.day)
        let entry = try #require(cacheEntries(scratch).first)
        try scratch.write(".cairn-cache/check/" + entry, "cairn-check-cache 1 0 0")
        let second = try check(scratch, at: Self.day)
        #expect(second.standardOutput == first.standardOutput)
        #expect(second.status == first.status)
        #expect(scratch.read(".cairn-cache/check/" + entry)?.count ?? 0 > 100)
    }
}

struct CheckCacheFailureTests {
    @Test func `a cache folder that cannot be written costs a warning, never the check`() throws {
        let scratch = try ScratchFolder()
        try scratch.write(
            "content/plans/plan.md", "# Plan\n## Phase 1: Go\n**Status:** Complete\n- [ ] Open\n")
        try scratch.write("blocked", "a file where the cache folder would go\n")
        let result = try CairnBinary.run(
            ["check", "--cache-dir", "blocked"], in: scratch.path)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("phase.complete-with-open-tasks"))
        #expect(result.standardError.contains("warning: the result was not kept in the cache"))
        #expect(scratch.read("blocked") == "a file where the cache folder would go\n")
    }
}
