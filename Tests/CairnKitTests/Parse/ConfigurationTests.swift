import CairnKit
import Testing

struct HandbookConfigTests {
    func parse(_ yaml: String) -> (config: HandbookConfig, diagnostics: [Diagnostic]) {
        HandbookConfigParser.parse(SourceFile(path: "handbook.yml", text: yaml))
    }

    @Test func `no handbook.yml means defaults`() {
        let parsed = HandbookConfigParser.parse(nil)
        #expect(parsed.config == HandbookConfig())
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test func `title and document order are read`() {
        let parsed = parse("title: Ops Handbook\ndocuments:\n  - plans/b.md\n  - plans/a.md\n")
        #expect(parsed.config.title == "Ops Handbook")
        #expect(parsed.config.documentOrder == ["plans/b.md", "plans/a.md"])
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test func `an unknown key is a warning on its line`() {
        let parsed = parse("title: X\ncolour: blue\n")
        #expect(
            parsed.diagnostics.map(\.formatted) == [
                "handbook.yml:2:1: warning: unknown key 'colour' (known: documents, gates, max_evidence_age, title, unsafe_html) [config.unknown-key]"
            ])
    }

    @Test func `a wrong type is an error naming the key`() {
        let parsed = parse("title: X\ndocuments: plans/a.md\n")
        #expect(
            parsed.diagnostics.map(\.formatted) == [
                "handbook.yml:2:1: error: 'documents' must be a list of document paths, not a string [config.invalid]"
            ])
    }

    @Test func `malformed YAML is an error at its line and column`() {
        let parsed = parse("title: [unclosed\n")
        #expect(parsed.diagnostics.count == 1)
        #expect(parsed.diagnostics.first?.severity == .error)
        #expect(parsed.diagnostics.first?.location.line == 2)
        #expect(
            parsed.diagnostics.first?.message.hasPrefix("handbook.yml is not valid YAML") == true)
    }

    @Test func `a document that is not a mapping is an error`() {
        let parsed = parse("- a\n- b\n")
        #expect(
            parsed.diagnostics.map(\.message) == [
                "handbook.yml must be a mapping of keys to values, not a list"
            ])
    }
}

struct FrontMatterTests {
    @Test func `malformed front matter is an error at its line in the file`() {
        let split = FrontMatter.split(
            SourceFile(path: "a.md", text: "---\ntitle: ok\nbad: [\n---\n# A\n"))
        #expect(split.diagnostics.first?.id == .frontMatterInvalid)
        #expect(split.diagnostics.first?.location.path == "a.md")
        #expect((split.diagnostics.first?.location.line ?? 0) >= 3)
    }

    @Test func `front matter that is not a mapping is an error`() {
        let split = FrontMatter.split(SourceFile(path: "a.md", text: "---\njust text\n---\n# A\n"))
        #expect(
            split.diagnostics.map(\.message) == [
                "front matter must be a mapping of keys to values, not a string"
            ])
    }

    @Test(arguments: [
        "title: Plan 00001", "title: Plan 00001\nowner: ops-team\nreviewed_by: A.N. Other",
        "title: yes", "title: No", "title: null", "count: 007", "version: 1.10",
        "title: Cutover  plan", "title: Cutover plan ", "url: a/b", "title: x\ntitle: y",
        "title: Go: now", "title: 'quoted'", "Ünïcode: key", "title: Ünïcode", "title:",
        "date: 2026-11-25", "title: ~", "_private: hidden", "title: a # comment",
    ])
    func `front matter reads the same whether or not it takes the fast path`(yaml: String) {
        // A comment line sends the same front matter through the YAML library.
        let fast = FrontMatter.split(SourceFile(path: "a.md", text: "---\n\(yaml)\n---\n# A\n"))
        let slow = FrontMatter.split(
            SourceFile(path: "a.md", text: "---\n\(yaml)\n# comment\n---\n# A\n"))
        #expect(fast.frontMatter.values == slow.frontMatter.values)
        // (A message may quote the front matter, comment and all.)
        #expect(fast.diagnostics.map(\.id) == slow.diagnostics.map(\.id))
    }

    @Test func `plain front matter values are strings`() {
        let split = FrontMatter.split(
            SourceFile(path: "a.md", text: "---\ntitle: Plan 00001\nowner: ops-team\n---\n# A\n"))
        #expect(split.frontMatter.values == ["title": "Plan 00001", "owner": "ops-team"])
        #expect(split.frontMatter.body == "\n\n\n\n# A\n")
        #expect(split.diagnostics.isEmpty)
    }

    @Test func `a document without front matter is kept whole`() {
        let split = FrontMatter.split(SourceFile(path: "a.md", text: "# A\n---\nb\n"))
        #expect(split.frontMatter.body == "# A\n---\nb\n")
        #expect(split.frontMatter.values.isEmpty)
    }
}
