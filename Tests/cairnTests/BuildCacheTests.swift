import Foundation
import Testing

/// `cairn build` links each page whose view and templates have not changed from the previous
/// output instead of rendering it again, and the result is byte for byte what a build without
/// the cache makes.
struct BuildCacheTests {
    /// 2026-11-25T00:00:00Z: every build of a test sees the same moment.
    static let environment = ["SOURCE_DATE_EPOCH": "1795564800"]

    /// Three plans (so that one has neighbours), a runbook, and a deploy record that is
    /// evidence for a task of the first plan.
    func project() throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        try scratch.write(
            "content/plans/a.md",
            "# Plan A\n## Phase 1: Staging\n**Status:** In Progress\n- [x] Deploy to staging <!-- id: deploy-staging -->\n- [ ] Smoke test\n"
        )
        try scratch.write(
            "content/plans/b.md", "# Plan B\n## Phase 1: Prepare\n- [ ] Order hardware\n")
        try scratch.write(
            "content/plans/c.md",
            "# Plan C\n## Rollback Procedure\n1. Stop traffic\n2. Restore the database\n")
        try scratch.write(
            "content/status/deploys/2026-11-24T09-00-00Z-staging.json",
            """
            {"schema": "cairn.deploy/v1", "environment": "staging", "version": "1.0.0",
             "commit": "abc1234", "status": "success", "started_at": "2026-11-24T09:00:00Z",
             "finished_at": "2026-11-24T09:05:00Z", "evidence_for": ["deploy-staging"]}
            """)
        return scratch
    }

    @discardableResult
    func build(_ scratch: ScratchFolder, _ extra: [String] = []) throws -> CairnBinary.Result {
        let result = try CairnBinary.run(
            ["build", "--verbose"] + extra, in: scratch.path, environment: Self.environment)
        #expect(result.status == 0, "\(result.standardError)")
        return result
    }

    /// How many files the build said it reused, and of how many.
    func reuse(_ result: CairnBinary.Result) -> (reused: Int, of: Int)? {
        guard
            let line = result.standardError.split(separator: "\n").first(where: {
                $0.hasSuffix("unchanged since the last build and reused")
            })
        else { return nil }
        let words = line.split(separator: " ")
        guard words.count > 3, let reused = Int(words[1]), let total = Int(words[3]) else {
            return nil
        }
        return (reused, total)
    }

    /// Every file under `folder`, by path, the marker aside.
    func files(in folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(
                atPath: folder + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue, path != ".cairn-output" {
                files[path] = FileManager.default.contents(atPath: folder + "/" + path)
            }
        }
        return files
    }

    /// The output of the cached build is what a build without the cache makes of the same
    /// content, file for file.
    func expectSameAsFullBuild(_ scratch: ScratchFolder, _ extra: [String] = []) throws {
        try build(scratch, ["--no-cache", "--output", "full"] + extra)
        let cached = try files(in: scratch.path + "/public")
        let full = try files(in: scratch.path + "/full")
        #expect(cached.keys.sorted() == full.keys.sorted())
        for (path, bytes) in full {
            #expect(cached[path] == bytes, "\(path) differs from a build without the cache")
        }
        #expect(cached.count > 15)
    }

    func inode(_ scratch: ScratchFolder, _ path: String) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(
            atPath: scratch.path + "/public/" + path)
        return (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
    }

    @Test func `an unchanged rebuild links every page and writes only the site-wide files`() throws
    {
        let scratch = try project()
        let first = try build(scratch)
        #expect(reuse(first)?.reused == 0)
        let page = try inode(scratch, "plans/a.html")
        let print = try inode(scratch, "print.html")
        let index = try inode(scratch, "assets/search-index.js")
        let second = try build(scratch)
        let counts = try #require(reuse(second))
        // handbook.json, which holds every record and finding, is written on every build.
        #expect(counts.reused == counts.of - 1)
        #expect(try inode(scratch, "plans/a.html") == page)
        #expect(try inode(scratch, "print.html") == print)
        #expect(try inode(scratch, "assets/search-index.js") == index)
        #expect(scratch.exists(".cairn-cache/build"))
        try expectSameAsFullBuild(scratch)
    }

    @Test func `a new deploy record remakes the pages that show it and nothing else`() throws {
        let scratch = try project()
        try build(scratch)
        let planB = try inode(scratch, "plans/b.html")
        let planA = try inode(scratch, "plans/a.html")
        let deploys = try inode(scratch, "deploys.html")
        let print = try inode(scratch, "print.html")
        let index = try inode(scratch, "assets/search-index.js")
        try scratch.write(
            "content/status/deploys/2026-11-24T10-00-00Z-staging.json",
            """
            {"schema": "cairn.deploy/v1", "environment": "staging", "version": "1.0.1",
             "commit": "def5678", "status": "failure", "started_at": "2026-11-24T10:00:00Z",
             "evidence_for": ["deploy-staging"]}
            """)
        let rebuilt = try build(scratch)
        #expect(try inode(scratch, "plans/b.html") == planB)
        // Plan A's task shows the newest deploy as its evidence.
        #expect(try inode(scratch, "plans/a.html") != planA)
        #expect(try inode(scratch, "deploys.html") != deploys)
        #expect(try inode(scratch, "print.html") != print)
        // The search index holds no records.
        #expect(try inode(scratch, "assets/search-index.js") == index)
        #expect(scratch.read("public/deploys.html")?.contains("1.0.1") == true)
        let counts = try #require(reuse(rebuilt))
        #expect(counts.reused > 0 && counts.reused < counts.of - 1)
        try expectSameAsFullBuild(scratch)
    }

    @Test func `an edited plan remakes its page and the navigation that names it`() throws {
        let scratch = try project()
        try build(scratch)
        let runbook = try inode(scratch, "runbooks/rollback.html")
        let index = try inode(scratch, "assets/search-index.js")
        try scratch.write(
            "content/plans/b.md", "# Plan B, renamed\n## Phase 1: Prepare\n- [x] Order hardware\n")
        try build(scratch)
        #expect(scratch.read("public/plans/a.html")?.contains("Plan B, renamed") == true)
        #expect(scratch.read("public/plans/b.html")?.contains("1/1") == true)
        // Every page lists every plan in its navigation, so each is made again.
        #expect(try inode(scratch, "runbooks/rollback.html") != runbook)
        #expect(try inode(scratch, "assets/search-index.js") != index)
        try expectSameAsFullBuild(scratch)
    }

    @Test func `a changed template makes every page again`() throws {
        let scratch = try project()
        try build(scratch)
        try scratch.write(
            "theme/partials/navigation-item.mustache", "<li class=\"mine\">{{title}}</li>\n")
        let rebuilt = try build(scratch, ["--templates", "theme"])
        let counts = try #require(reuse(rebuilt))
        // Only the theme's four assets and the search index, which no template makes, are
        // still the same.
        #expect(counts.reused == 5)
        #expect(
            scratch.read("public/plans/c.html")?.contains("<li class=\"mine\">Plan A</li>") == true)
        try expectSameAsFullBuild(scratch, ["--templates", "theme"])
    }

    @Test func `a page changed by hand in the output is made again, not reused`() throws {
        let scratch = try project()
        try build(scratch)
        let original = try #require(scratch.read("public/plans/b.html"))
        try scratch.write("public/plans/b.html", original + "<!-- edited by hand -->\n")
        try build(scratch)
        #expect(scratch.read("public/plans/b.html") == original)
        try expectSameAsFullBuild(scratch)
    }

    @Test func `--no-cache neither reads nor writes the cache, and --cache-dir moves it`() throws {
        let scratch = try project()
        let uncached = try build(scratch, ["--no-cache"])
        #expect(!scratch.exists(".cairn-cache"))
        #expect(reuse(uncached)?.reused == 0)
        try build(scratch, ["--cache-dir", "elsewhere"])
        #expect(scratch.exists("elsewhere/build"))
        #expect(scratch.exists("elsewhere/CACHEDIR.TAG"))
        let second = try build(scratch, ["--cache-dir", "elsewhere"])
        #expect((reuse(second)?.reused ?? 0) > 0)
        #expect(!scratch.exists(".cairn-cache"))
    }

    @Test func `a cache folder that cannot be written costs a warning, never the build`() throws {
        let scratch = try project()
        try scratch.write("blocked", "a file where the cache folder would go\n")
        let result = try build(scratch, ["--cache-dir", "blocked"])
        #expect(
            result.standardError.contains(
                "warning: what was built was not kept in the cache: blocked: Not a directory\n"))
        #expect(scratch.exists("public/plans/a.html"))
        #expect(scratch.read("blocked") == "a file where the cache folder would go\n")
    }

    @Test func `the cache keeps the manifests of the 16 most recent output folders`() throws {
        let scratch = try project()
        try scratch.write("elsewhere/build/notes.txt", "not Cairn's\n")
        for number in 1...18 {
            try build(scratch, ["--cache-dir", "elsewhere", "--output", "site-\(number)"])
        }
        let manifests = try FileManager.default.contentsOfDirectory(
            atPath: scratch.path + "/elsewhere/build")
        #expect(manifests.filter { $0 != "notes.txt" }.count == 16)
        #expect(scratch.read("elsewhere/build/notes.txt") == "not Cairn's\n")
        // The newest is kept: a build into the last folder reuses every page.
        let again = try build(scratch, ["--cache-dir", "elsewhere", "--output", "site-18"])
        #expect(reuse(again).map { $0.reused > 0 && $0.reused == $0.of - 1 } == true)
        // The oldest is gone: a build into the first folder reuses nothing.
        let first = try build(scratch, ["--cache-dir", "elsewhere", "--output", "site-1"])
        #expect(reuse(first)?.reused == 0)
    }
}
