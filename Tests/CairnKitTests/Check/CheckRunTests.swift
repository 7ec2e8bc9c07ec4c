import CairnKit
import Foundation
import Testing

/// `CheckRun`, what `cairn check` does between reading its options and printing: every kind of
/// check hands the model it read back to the caller, so that a command that exits right after
/// need not free a large handbook value by value (for 10,000 plans, about half a second).
struct CheckRunTests {
    private static func run(_ scope: CheckRun.Scope) throws -> CheckRun.Result {
        var options = CheckRun.Options(
            contentFolder: ExampleContent.contentFolder, format: .text, isStrict: false,
            isVerbose: false, isColored: false, cacheFolder: nil, toolIdentity: "tests",
            now: ExampleContent.fixedNow)
        options.scope = scope
        return try CheckRun(options: options).run()
    }

    @Test func `a whole check hands back the handbook it checked and its findings`() throws {
        let result = try Self.run(.everything)
        #expect(result.exitCode == 1)
        #expect(result.checkedHandbook?.documents.count == 3)
        #expect(!result.findings.isEmpty)
    }

    @Test func `a gate hands back the handbook and the findings it reported`() throws {
        let result = try Self.run(.gate("production-deploy"))
        let output = String(decoding: result.output, as: UTF8.self)
        #expect(result.exitCode == 1)
        #expect(result.findings.count == 7)
        #expect(output.components(separatedBy: "is not ticked (required before").count == 8)
        #expect(result.checkedHandbook?.documents.count == 3)
    }

    @Test func `listing the gates hands back the handbook`() throws {
        let result = try Self.run(.listGates)
        let output = String(decoding: result.output, as: UTF8.self)
        #expect(result.exitCode == 0)
        #expect(output.contains("\nproduction-deploy\tconfigured\t0/7\trequires: Pre-Deployment\n"))
        #expect(result.checkedHandbook?.documents.count == 3)
    }
}
