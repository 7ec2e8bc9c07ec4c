import Testing

@testable import CairnKit

/// A parse leaves libcmark-gfm's autolink extension out when the text has nothing it could
/// link; that must never change the tree or the HTML.
struct AutolinkCandidatesTests {
    private func mayOccur(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { AutolinkCandidates.mayOccur(in: $0) }
    }

    @Test func `what the extension links is seen: www., a scheme's ://, an @`() {
        for text in [
            "see www.example.com", "WWW.EXAMPLE.COM", "Www.x", "https://a.example", "ftp://x",
            "mail ops@example.com", "@", "end with ://", "www.",
        ] {
            #expect(mayOccur(text), "\(text)")
        }
        for text in [
            "", "wow: what a week", "ww.example", "w.w.w.", "http:/x", "a:b/c", ":/", "www",
            "**Status:** Not Started", "wwx.example", "https:\n//x",
        ] {
            #expect(!mayOccur(text), "\(text)")
        }
    }

    /// Plans full of `w`s, colons, emphasis, strikethrough, tables, code, HTML and links, with
    /// no `www.`, `://` or `@`.
    private static let plans: [String] = (0..<60).map { index in
        """
        # Workflow \(index): wow, what a week ~~was~~ **is**

        **Status:** In Progress  
        **Owner:** web-team\(index) *with* _west_ wing: w:w:w

        ## Phase \(index % 7): www-less work
        - [x] Write the ~~whole~~ *wiki*: `www` w/o dots, see [the wiki](wiki.md#w\(index))
        - [ ] Wire **www_\(index)** and w*w*w, http:/broken, mailto:nobody
          - [ ] ~~Withdraw~~ <!-- id: w-\(index) --> <b>raw</b> &amp; &#119;ww
        - [ ] ftp:x and https:/\(index) and ww.w and w.w.w.\(index)

        | Who | What: why | ~~When~~ |
        | --- | :-------: | -------: |
        | w\(index) | `w:` | ~~w~~ *w* |

        ```yaml
        www: not a link
        ```

        > **Note:** w\\*w\\* [ref][w] and <wx:y>
        [w]: wiki.md "W"
        """
    }

    @Test func `a plan with nothing to link parses the same without the extension`() {
        var always = MarkdownParser()
        always.skipsAutolinkWhenUnneeded = false
        let skipping = MarkdownParser()
        for plan in Self.plans {
            #expect(!mayOccur(plan))
            let expected = always.parse(plan)
            let parsed = skipping.parse(plan)
            #expect(parsed.html == expected.html)
            #expect(Self.outline(parsed.root) == Self.outline(expected.root))
        }
    }

    @Test func `a plan with a bare URL still has it linked`() {
        let parsed = MarkdownParser().parse("- [ ] Visit www.example.com or mail a@b.example\n")
        #expect(parsed.html.contains(#"<a href="http://www.example.com">www.example.com</a>"#))
        #expect(parsed.html.contains(#"<a href="mailto:a@b.example">a@b.example</a>"#))
    }

    /// Every block, depth first, with everything the model reads of it.
    private static func outline(_ block: MarkdownBlock, depth: Int = 0) -> [String] {
        let line =
            "\(depth) \(block.kind) @\(block.line):\(block.column) \(block.text.debugDescription) "
            + "bold \(block.isBoldOnly) struck \(block.isStruckThrough) fields \(block.fields) "
            + "comments \(block.comments) links \(block.links)"
        return [line] + block.children.flatMap { outline($0, depth: depth + 1) }
    }
}
