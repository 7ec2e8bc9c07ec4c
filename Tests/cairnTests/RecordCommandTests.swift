import Foundation
import Testing

struct RecordCommandTests {
    let deployFlags = [
        "record", "deploy", "--content", "content", "--environment", "staging", "--version",
        "1.4.2", "--commit",
        "abc1234", "--status", "success", "--started-at", "2026-11-25T09:00:00Z", "--finished-at",
        "2026-11-25T09:06:00Z",
    ]

    /// A scratch folder holding an empty `content` folder: a record goes only into a content
    /// folder that exists.
    static func scratchWithContent() throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        try FileManager.default.createDirectory(
            atPath: scratch.path + "/content", withIntermediateDirectories: false)
        return scratch
    }

    @Test func `a content folder that does not exist is refused, and nothing is made`() throws {
        let scratch = try ScratchFolder()
        let result = try CairnBinary.run(deployFlags, in: scratch.path)
        #expect(result.status == 2)
        #expect(
            result.standardError
                == "error: content folder 'content' does not exist (pass --content DIR)\n")
        #expect(result.standardOutput.isEmpty)
        #expect(!scratch.exists("content"))
        try scratch.write("content", "not a folder\n")
        let onFile = try CairnBinary.run(deployFlags, in: scratch.path)
        #expect(onFile.status == 2)
        #expect(onFile.standardError.hasPrefix("error: content folder 'content' is a file"))
        #expect(scratch.read("content") == "not a folder\n")
    }

    @Test func `recording a deploy writes it under status/deploys named by time and environment`()
        throws
    {
        let scratch = try Self.scratchWithContent()
        let result = try CairnBinary.run(deployFlags, in: scratch.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput == "content/status/deploys/2026-11-25T09-00-00Z-staging.json\n")
        let written = try #require(
            scratch.read("content/status/deploys/2026-11-25T09-00-00Z-staging.json"))
        #expect(
            written.hasPrefix(
                "{\n  \"schema\": \"cairn.deploy/v1\",\n  \"environment\": \"staging\",\n"))
        #expect(written.contains("\"finished_at\": \"2026-11-25T09:06:00Z\""))
    }

    @Test func `a second record of the same second and environment never overwrites the first`()
        throws
    {
        let scratch = try Self.scratchWithContent()
        _ = try CairnBinary.run(deployFlags, in: scratch.path)
        let second = try CairnBinary.run(
            deployFlags.map { $0 == "1.4.2" ? "1.4.3" : $0 }, in: scratch.path)
        #expect(
            second.standardOutput == "content/status/deploys/2026-11-25T09-00-00Z-staging-2.json\n")
        #expect(
            scratch.read("content/status/deploys/2026-11-25T09-00-00Z-staging.json")?.contains(
                "1.4.2") == true)
    }

    @Test func `each bad flag gets its own message and nothing is written`() throws {
        let scratch = try Self.scratchWithContent()
        let flags = deployFlags.map {
            $0 == "success" ? "sucess" : ($0 == "2026-11-25T09:06:00Z" ? "soon" : $0)
        }
        let result = try CairnBinary.run(flags, in: scratch.path)
        #expect(result.status == 2)
        #expect(
            result.standardError == """
                error: --status: 'sucess' is not one of queued, in_progress, success, failure, error, cancelled, rolled_back
                error: --finished-at: 'soon' is not an RFC 3339 time such as 2026-11-20T14:03:11Z

                """)
        #expect(!scratch.exists("content/status"))
    }

    @Test func `a deploy that ends before it starts is refused naming both fields`() throws {
        let scratch = try Self.scratchWithContent()
        let flags = deployFlags.map { $0 == "2026-11-25T09:06:00Z" ? "2026-11-25T08:00:00Z" : $0 }
        let result = try CairnBinary.run(flags, in: scratch.path)
        #expect(result.status == 2)
        #expect(
            result.standardError.contains(
                "finished_at (--finished-at): 2026-11-25T08:00:00Z is before started_at 2026-11-25T09:00:00Z"
            ))
    }

    @Test func `a record given as JSON is written as it came, unknown fields and all`() throws {
        let scratch = try Self.scratchWithContent()
        let json = """
            {"schema": "cairn.metrics/v1", "environment": "production", "custom": {"team": "ops"},
             "window": {"from": "2026-11-24T00:00:00Z", "to": "2026-11-25T00:00:00Z"},
             "values": [{"name": "Uptime", "value": 99.99, "unit": "%"}]}
            """
        try scratch.write("in.json", json)
        let result = try CairnBinary.run(
            ["record", "metrics", "--from-json", "in.json"], in: scratch.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            scratch.read("content/status/metrics/2026-11-25T00-00-00Z-production.json") == json
                + "\n")
    }

    @Test
    func `a JSON file that cannot be read is refused with the reason, and nothing is written`()
        throws
    {
        let scratch = try Self.scratchWithContent()
        let missing = try CairnBinary.run(
            ["record", "deploy", "--from-json", "in.json"], in: scratch.path)
        #expect(missing.status == 2)
        #expect(
            missing.standardError
                == "in.json: error: cannot read file: No such file or directory [content.unreadable]\n"
        )
        try scratch.write("folder/in.json", "{}")
        let folder = try CairnBinary.run(
            ["record", "deploy", "--from-json", "folder"], in: scratch.path)
        #expect(folder.status == 2)
        #expect(
            folder.standardError
                == "folder: error: cannot read file: not a regular file [content.unreadable]\n")
        #expect(!scratch.exists("content/status"))
    }

    @Test func `a record of another kind given as JSON is refused`() throws {
        let scratch = try Self.scratchWithContent()
        try scratch.write(
            "in.json",
            #"{"schema": "cairn.backup/v1", "environment": "s", "kind": "assets", "tool": "restic", "taken_at": "2026-11-25T00:00:00Z"}"#
        )
        let result = try CairnBinary.run(
            ["record", "deploy", "--from-json", "in.json"], in: scratch.path)
        #expect(result.status == 2)
        #expect(
            result.standardError.contains(
                "this is a cairn.backup/v1 record, not cairn.deploy/v1: use 'cairn record backup'"))
    }

    @Test func `the next build shows a recorded deploy as the latest of its environment`() throws {
        let scratch = try Self.scratchWithContent()
        _ = try CairnBinary.run(deployFlags, in: scratch.path)
        try scratch.write("content/plans/plan.md", "# Plan\n- [ ] a task\n")
        let build = try CairnBinary.run(["build"], in: scratch.path)
        #expect(build.status == 0, "\(build.standardError)")
        let dashboard = try #require(scratch.read("public/index.html"))
        #expect(
            dashboard.contains("<a href=\"deploys.html#2026-11-25T09-00-00Z-staging\">1.4.2</a>"))
        let history = try #require(scratch.read("public/deploys.html"))
        #expect(history.contains("<tr id=\"2026-11-25T09-00-00Z-staging\">"))
    }

    @Test func `a record with a misspelt status stops the build and keeps the previous site`()
        throws
    {
        let scratch = try Self.scratchWithContent()
        try scratch.write("content/plans/plan.md", "# Plan\n- [ ] a task\n")
        _ = try CairnBinary.run(deployFlags, in: scratch.path)
        #expect(try CairnBinary.run(["build"], in: scratch.path).status == 0)
        let before = scratch.read("public/deploys.html")
        let path = "content/status/deploys/2026-11-25T09-00-00Z-staging.json"
        try scratch.write(
            path,
            (scratch.read(path) ?? "").replacingOccurrences(of: "\"success\"", with: "\"sucess\""))
        let build = try CairnBinary.run(["build"], in: scratch.path)
        #expect(build.status == 2)
        #expect(
            build.standardError.contains(
                "content/status/deploys/2026-11-25T09-00-00Z-staging.json:6:13: error: status: 'sucess' is not one of queued, "
                    + "in_progress, success, failure, error, cancelled, rolled_back [status.bad-field]"
            ))
        #expect(scratch.read("public/deploys.html") == before)
    }

    @Test func `cairn schema prints each format's JSON Schema`() throws {
        for kind in ["deploy", "backup", "metrics"] {
            let result = try CairnBinary.run(["schema", kind], in: NSTemporaryDirectory())
            #expect(result.status == 0)
            #expect(
                result.standardOutput.contains(
                    "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""))
            #expect(result.standardOutput.contains("cairn.\(kind)/v1"))
        }
    }
}
