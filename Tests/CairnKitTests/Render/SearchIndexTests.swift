import CairnKit
import Foundation
import Testing

struct SearchIndexTests {
    @Test func `the search index keeps every character and cannot end its script or break a line`()
        throws
    {
        let folder = try TemporaryFolder()
        // `\<` in markdown is a literal `<`, not the start of an HTML tag.
        let heading = "🚨 Roll \"back\" </script> C:\\temp \u{2028}here\u{2029} now"
        let markdown = heading.replacingOccurrences(of: "<", with: "\\<")
        try folder.write("plans/a.md", "# A\n## \(markdown)\n- [ ] Tab\there\n")
        let files = try ExampleContent.render(contentFolder: folder.path)
        let script = String(
            decoding: try #require(files.first { $0.path == "assets/search-index.js" }).contents,
            as: UTF8.self)
        #expect(script.hasPrefix("window.CAIRN_SEARCH_INDEX = ["))
        #expect(script.hasSuffix("];\n"))
        #expect(!script.contains("<"))
        #expect(!script.contains("\u{2028}") && !script.contains("\u{2029}"))
        #expect(script.contains("🚨"))
        #expect(script.contains(#"\u003c/script>"#))
        let json = script.dropFirst("window.CAIRN_SEARCH_INDEX = ".count).dropLast(2)
        let entries = try #require(
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]])
        let texts = entries.compactMap { $0["t"] }
        #expect(texts.contains(heading))
        #expect(texts.contains("Tab\there"))
        #expect(entries.allSatisfy { Set($0.keys) == ["d", "k", "t", "u"] })
    }
}
