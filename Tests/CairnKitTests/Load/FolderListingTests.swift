import CairnKit
import Foundation
import Testing

struct FolderListingTests {
    /// Directory records are as long as their names, so names of every length put records at
    /// every offset of the listing buffer.
    @Test func `names of every length are read whole, files and folders told apart`() throws {
        let folder = try TemporaryFolder()
        var expected: [String] = []
        for length in 1...120 {
            let stem = String(repeating: "n", count: length) + "\(length)"
            try folder.write("plans/\(stem).md", "# \(length)\n")
            expected.append("plans/\(stem).md")
            try folder.write("deep/\(stem)/inner.md", "# inner \(length)\n")
            expected.append("deep/\(stem)/inner.md")
        }
        for _ in 0..<5 {
            let tree = try ContentLoader().load(root: folder.path)
            #expect(tree.diagnostics.isEmpty)
            #expect(tree.documents.map(\.path) == expected.sorted())
        }
    }
}
