import Testing

@testable import CairnKit

/// A check's findings are merged and checked for order rather than sorted again: both must
/// give exactly what sorting gives, ties included.
struct DiagnosticOrderTests {
    /// Findings drawn from a few paths, lines, rules and messages, so that many tie on
    /// everything the order looks at and differ only in severity or hint.
    private static func randomFindings(_ count: Int) -> [Diagnostic] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            Diagnostic(
                DiagnosticID(rawValue: ["a.rule", "b.rule"].randomElement(using: &generator)!),
                Diagnostic.Severity.allCases.randomElement(using: &generator)!,
                at: .init(
                    path: ["x.md", "y.md"].randomElement(using: &generator)!,
                    line: Int.random(in: 1...3, using: &generator),
                    column: Int.random(in: 1...2, using: &generator)),
                ["one", "two"].randomElement(using: &generator)!,
                hint: ["first", "second", nil].randomElement(using: &generator)!)
        }
    }

    @Test func `merging two ordered lists gives what sorting both together gives`() {
        for _ in 0..<300 {
            let reading = Self.randomFindings(Int.random(in: 0...6)).sorted()
            let checked = Self.randomFindings(Int.random(in: 0...40)).sorted()
            #expect(reading.mergingInOrder(checked) == (reading + checked).sorted())
        }
    }

    @Test func `a list is in order exactly when sorting leaves it as it is`() {
        for _ in 0..<300 {
            let findings = Self.randomFindings(Int.random(in: 0...8))
            #expect(findings.isInOrder == (findings.sorted() == findings))
        }
        #expect([Diagnostic]().isInOrder)
    }
}
