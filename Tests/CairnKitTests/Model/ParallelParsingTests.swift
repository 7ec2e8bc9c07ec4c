import CairnKit
import Foundation
import Testing

/// Debian's libcmark-gfm corrupts two inline passes that run at once (strikethrough left as
/// `~~…~~`, autolinks lost); these tests hold the parallel build to the one-way build's bytes.
struct ParallelParsingTests {
    static func corpus(_ count: Int) -> ContentTree {
        let documents = (0..<count).map { index in
            SourceFile(
                path: "plans/plan-\(index).md",
                text: """
                    # Plan \(index)

                    ## Phase 1: Prepare ~~old~~ new
                    - [x] ~~Descoped \(index)~~
                    - [ ] Visit www.example-\(index).com and https://ci.example.test/runs/\(index)
                      - [ ] Mail ops-\(index)@example.com about ~~this~~ **that**

                    | Option | Cost | Link |
                    | ------ | ---: | ---- |
                    | A~~\(index)~~ | $\(index) | https://a.example/\(index) |
                    | B | ~~$9~~ | www.b.example |

                    Strike ~~one~~ and ~~two~~, link <https://x.example/\(index)>, code `~~no~~`.
                    """)
        }
        return ContentTree(root: "/", documents: documents)
    }

    @Test func `a build on four threads gives the same HTML and model as one on one thread`() {
        let tree = Self.corpus(400)
        let one = HandbookBuilder(concurrency: 1).build(tree).handbook
        let four = HandbookBuilder(concurrency: 4).build(tree).handbook
        #expect(one.documents.map(\.path) == four.documents.map(\.path))
        let differing = zip(one.documents, four.documents).filter { $0.bodyHTML != $1.bodyHTML }
            .map(\.0.path)
        #expect(differing.isEmpty, "\(differing.count) documents differ")
        #expect(one.documents.map(\.progress) == four.documents.map(\.progress))
        #expect(one.documents.flatMap(\.allTasks) == four.documents.flatMap(\.allTasks))
    }

    @Test func `the corpus really has what a racing parse would lose`() throws {
        let document = try #require(
            HandbookBuilder(concurrency: 4).build(Self.corpus(3)).handbook.documents.last)
        #expect(document.bodyHTML.contains("<del>one</del>"))
        #expect(
            document.bodyHTML.contains("<a href=\"http://www.example-2.com\">www.example-2.com</a>")
        )
        #expect(!document.bodyHTML.contains("~~one~~"))
        #expect(document.allTasks.first?.isDescoped == true)
    }
}
