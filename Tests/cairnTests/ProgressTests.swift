import Foundation
import Testing

struct ProgressTests {
    /// A content folder of 60 small documents: enough for a bar to be drawn.
    func manyDocuments(_ scratch: ScratchFolder) throws {
        for index in 0..<60 {
            try scratch.write("content/plans/plan-\(index).md", "# Plan \(index)\n- [ ] task\n")
        }
    }

    @Test func `a build without a terminal, or with --quiet, draws no bar`() throws {
        let scratch = try ScratchFolder()
        try manyDocuments(scratch)
        let plain = try CairnBinary.run(["build"], in: scratch.path)
        #expect(plain.status == 0)
        #expect(!plain.standardError.contains("▕"))
        let quiet = try CairnBinary.run(["build", "--quiet"], in: scratch.path)
        #expect(quiet.standardOutput.isEmpty)
        #expect(!quiet.standardError.contains("▕"))
    }
}
