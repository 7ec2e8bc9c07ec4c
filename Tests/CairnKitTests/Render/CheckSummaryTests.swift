import CairnKit
import Foundation
import Testing

/// The dashboard's line of findings counts them in words, one or many.
struct CheckSummaryTests {
    private func dashboard(_ plan: String) throws -> String {
        let content = try TemporaryFolder()
        try content.write("plans/p.md", plan)
        let files = try ExampleContent.render(contentFolder: content.path, checks: true)
        return String(
            decoding: try #require(files.first { $0.path == "index.html" }).contents, as: UTF8.self)
    }

    @Test func `one error and one warning are counted in the singular`() throws {
        let page = try dashboard(
            "# P\n\n### Phase 1: Alpha\n**Status:** Complete\n\n- [ ] Write it\n\n"
                + "### Phase 2: Beta\n**Status:** Paused\n\n- [ ] Ship it\n")
        #expect(page.contains(#"<span class="status severity-error">1 error</span>"#))
        #expect(page.contains(#"<span class="status severity-warning">1 warning</span>"#))
        #expect(!page.contains("(s)"))
    }

    @Test func `errors are counted in the plural, and no warning is shown`() throws {
        // Two phases declared Complete with open tasks, and the second started before the first.
        let page = try dashboard(
            "# P\n\n### Phase 1: Alpha\n**Status:** Complete\n\n- [ ] Write it\n\n"
                + "### Phase 2: Beta\n**Status:** Complete\n\n- [ ] Ship it\n")
        #expect(page.contains(#"<span class="status severity-error">3 errors</span>"#))
        #expect(!page.contains("severity-warning"))
    }
}
