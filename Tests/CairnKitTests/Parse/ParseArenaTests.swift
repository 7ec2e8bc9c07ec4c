import CParseArena
import CairnKit
import Foundation
import Testing

/// cmark allocates from a per-thread arena that every parse gives back when it ends; these
/// tests hold that to parses of every size, one after another on one thread.
struct ParseArenaTests {
    static let small = """
        ## Phase 1: Prepare ~~old~~ new
        - [x] Visit www.example.com and https://ci.example.test/runs/7
        - [ ] Mail ops@example.com about ~~this~~ **that**

        | Option | Cost |
        | ------ | ---: |
        | A | ~~$9~~ |
        """

    @Test
    func `a document larger than the arena keeps is parsed whole, and the next is unaffected`() {
        let parser = MarkdownParser()
        let before = parser.parse(Self.small).html
        // About 60,000 items: far more than one block of the arena, and more than it keeps.
        let items = (0..<60_000).map { "- [ ] Step \($0) ~~was~~ see www.site-\($0).example\n" }
        let large = parser.parse("## Steps\n" + items.joined()).html
        #expect(large.components(separatedBy: "<li").count - 1 == 60_000)
        #expect(large.components(separatedBy: "<del>was</del>").count - 1 == 60_000)
        #expect(
            large.contains(
                "Step 59999 <del>was</del> see <a href=\"http://www.site-59999.example\">"))
        #expect(parser.parse(Self.small).html == before)
        #expect(before.contains("<del>old</del>") && before.contains("<table"))
    }

    @Test func `nothing a parse allocated is still held when it returns`() {
        let parser = MarkdownParser()
        _ = parser.parse(Self.small)
        #expect(cairn_parse_arena_bytes_in_use() == 0)
        _ = parser.parse(String(repeating: "- [ ] a task with ~~struck~~ text\n", count: 20_000))
        #expect(cairn_parse_arena_bytes_in_use() == 0)
    }
}
