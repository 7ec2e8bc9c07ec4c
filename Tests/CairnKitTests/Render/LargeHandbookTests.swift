import CairnKit
import Foundation
import Testing

/// What keeps a handbook of many documents the size it should be: targets repeated across
/// documents count once, and `handbook.json` written piece by piece is still one JSON value.
struct LargeHandbookTests {
    /// Three plans that each state the same two targets; the middle one has no tasks at all.
    func site() throws -> [SiteFile] {
        let folder = try TemporaryFolder()
        let metrics = "## Success Metrics\n- Uptime > 99.9%\n- Response time < 500ms\n"
        try folder.write("plans/a.md", "# A\n## Phase 1: One\n- [x] Ship\n" + metrics)
        try folder.write("plans/b.md", "# B\nNo tasks here.\n" + metrics)
        try folder.write(
            "plans/c.md", "# C\n## Phase 1: Two\n- [ ] Ship <!-- id: ship -->\n" + metrics)
        for (day, environment) in [(3, "staging"), (4, "production"), (5, "staging")] {
            try folder.write(
                "status/metrics/2026-11-0\(day)-\(environment).json",
                """
                {"schema": "cairn.metrics/v1", "environment": "\(environment)",
                 "window": {"from": "2026-11-0\(day - 1)T00:00:00Z", "to": "2026-11-0\(day)T00:00:00Z"},
                 "values": [{"name": "Uptime", "value": 99.95, "unit": "%"},
                            {"name": "Response time", "value": 512, "unit": "ms"}]}
                """)
        }
        return try ExampleContent.render(contentFolder: folder.path)
    }

    func page(_ path: String, in files: [SiteFile]) throws -> String {
        String(decoding: try #require(files.first { $0.path == path }).contents, as: UTF8.self)
    }

    @Test func `a target stated in several documents is charted once per environment`() throws {
        let metrics = try page("metrics.html", in: try site())
        // Each chart's title element: `<title id="metric-uptime-staging-title">`.
        let chartIDs = metrics.components(separatedBy: "<title id=\"metric-").dropFirst().map {
            String($0.prefix { $0 != "\"" })
        }
        #expect(chartIDs.count == 4)
        #expect(Set(chartIDs).count == 4)
        #expect(
            Set(chartIDs) == [
                "uptime-staging-title", "uptime-production-title", "response-time-staging-title",
                "response-time-production-title",
            ])
    }

    @Test func `the dashboard and handbook.json evaluate each distinct target once`() throws {
        let files = try site()
        let json = try JSONSerialization.jsonObject(
            with: Data(try #require(files.first { $0.path == "handbook.json" }).contents))
        let handbook = try #require(json as? [String: Any])
        #expect((handbook["targets"] as? [Any])?.count == 6)
        let status = try #require(handbook["status"] as? [String: Any])
        let evaluations = try #require(status["evaluations"] as? [[String: Any]])
        // Two targets against the newest window of each of two environments.
        #expect(evaluations.count == 4)
        #expect(evaluations.filter { $0["outcome"] as? String == "missed" }.count == 2)
    }

    @Test func `handbook.json written in pieces is one value with every document's entries`() throws
    {
        let file = try #require(try site().first { $0.path == "handbook.json" })
        var pieces = 0
        var bytes: [UInt8] = []
        try file.write { piece in
            pieces += 1
            bytes += piece
        }
        #expect(pieces >= 1)
        #expect(bytes == (try file.contents))
        let handbook = try #require(
            try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect((handbook["documents"] as? [Any])?.count == 3)
        #expect(
            (handbook["phases"] as? [[String: Any]])?.map { $0["title"] as? String } == [
                "One", "Two",
            ])
        #expect(
            (handbook["tasks"] as? [[String: Any]])?.map { $0["id"] as? String } == [
                "phase-1/ship", "ship",
            ])
        #expect(handbook["schema"] as? String == "cairn.handbook/v1")
        #expect(bytes.last == UInt8(ascii: "\n"))
    }

    @Test func `print.html made body by body holds every document once and no placeholder`()
        throws
    {
        let print = try page("print.html", in: try site())
        #expect(!print.contains("\u{0}"))
        for (number, title) in [(1, "a"), (2, "b"), (3, "c")] {
            #expect(print.components(separatedBy: "id=\"d\(number)-\(title)\"").count == 2)
        }
        let contents = try #require(print.range(of: "print-contents"))
        let firstBody = try #require(print.range(of: "id=\"d1-a\""))
        #expect(contents.lowerBound < firstBody.lowerBound)
        #expect(print.hasSuffix("</html>\n"))
    }

    @Test func `a large handbook.json is handed over in pieces of about a megabyte`() throws {
        let folder = try TemporaryFolder()
        let tasks = (1...400).map { "- [ ] Task number \($0) of this phase" }.joined(
            separator: "\n")
        for number in 1...40 {
            try folder.write("plans/p\(number).md", "# Plan \(number)\n## Phase 1: Go\n\(tasks)\n")
        }
        let file = try #require(
            try ExampleContent.render(contentFolder: folder.path).first {
                $0.path == "handbook.json"
            })
        var sizes: [Int] = []
        var bytes: [UInt8] = []
        try file.write { piece in
            sizes.append(piece.count)
            bytes += piece
        }
        #expect(bytes.count > 4 << 20)
        #expect(sizes.count >= 4)
        #expect(sizes.allSatisfy { $0 <= 2 << 20 })
        let handbook = try #require(
            try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect((handbook["tasks"] as? [Any])?.count == 16_000)
    }
}
