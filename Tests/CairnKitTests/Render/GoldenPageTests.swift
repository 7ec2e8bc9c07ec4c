import CairnKit
import Foundation
import Testing

/// Whole pages of a small fixture compared with reviewed files under `Golden/small/`.
/// `RECORD_GOLDEN=1 swift test` rewrites them and fails, so every rewrite is a reviewed diff.
struct GoldenPageTests {
    static let fixture = ExampleContent.packageRoot.appendingPathComponent(
        "Tests/CairnKitTests/Fixtures/small"
    ).path
    static let golden = ExampleContent.packageRoot.appendingPathComponent(
        "Tests/CairnKitTests/Golden/small"
    ).path
    static let pages = [
        "index.html", "plans/plan.html", "plans/runbook.html", "handbook.json", "deploys.html",
        "backups.html",
        "metrics.html", "runbooks/restore.html",
    ]

    @Test(arguments: pages)
    func `the rendered page matches its golden file`(page: String) throws {
        let files = try ExampleContent.render(contentFolder: Self.fixture)
        let rendered = try #require(files.first { $0.path == page })
        let actual = String(decoding: try Self.reviewable(rendered), as: UTF8.self)
        let goldenPath = Self.golden + "/" + page
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(
                atPath: (goldenPath as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try Data(try Self.reviewable(rendered)).write(to: URL(fileURLWithPath: goldenPath))
            Issue.record("recorded \(page); review the diff and run again without RECORD_GOLDEN")
            return
        }
        let expected = try #require(
            FileManager.default.contents(atPath: goldenPath), "no golden file \(goldenPath)")
        #expect(actual == String(decoding: expected, as: UTF8.self))
    }

    /// The file's bytes; `handbook.json`, written compact, indented so a diff of it reads.
    static func reviewable(_ file: SiteFile) throws -> [UInt8] {
        guard file.path.hasSuffix(".json") else { return try file.contents }
        let value = try JSONSerialization.jsonObject(with: Data(try file.contents))
        let pretty = try JSONSerialization.data(
            withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return [UInt8](pretty) + [UInt8(ascii: "\n")]
    }
}

struct TemplateEscapingTests {
    @Test func `a less-than sign is escaped even when a combining mark follows it`() throws {
        let folder = try TemporaryFolder()
        // U+0338 over `<` reads as ≮, one character; an HTML parser still sees a `<` first.
        try folder.write("plan.md", "# Limits\n\n## Latency <\u{338}em & 'more'\n\n- [ ] Check\n")
        let files = try ExampleContent.render(contentFolder: folder.path)
        let page = try #require(files.first { $0.path == "plan.html" })
        let html = String(decoding: try page.contents, as: UTF8.self)
        #expect(html.contains("Latency &lt;\u{338}em &amp; &#39;more&#39;</a>"))
        #expect(!html.contains("<\u{338}"))
    }
}
