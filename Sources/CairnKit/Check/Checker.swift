import Foundation

/// Runs the rules over a handbook: pure, from the model to sorted findings.
public struct Checker: Sendable {
    public let rules: [any Rule]

    public init(rules: [any Rule] = allRules) {
        self.rules = rules
    }

    public func check(_ handbook: Handbook, now: Timestamp) -> [Diagnostic] {
        checkWithValidity(handbook, now: now).findings
    }

    /// The findings at `now`, and until when they hold with the inputs unchanged (nil: for as
    /// long as the inputs stay the same).
    public func checkWithValidity(_ handbook: Handbook, now: Timestamp) -> (
        findings: [Diagnostic], holdsUntil: Timestamp?
    ) {
        let context = CheckContext(handbook: handbook, now: now)
        let documentRules = rules.compactMap { $0 as? any DocumentRule }
        let handbookRules = rules.filter { !($0 is any DocumentRule) }
        let documents = handbook.documents
        // One pass over all the work, each piece on whichever thread is free: every rule that
        // reads the whole handbook, first, as each is one long piece; then every document,
        // with all the rules that read one document, which find its model still in the cache
        // from the first of them, where a pass of each rule over the whole handbook met it
        // cold every time.
        let work =
            handbookRules.indices.map(CheckWork.handbookRule)
            + documents.indices.map(CheckWork.document)
        let findings = ParallelMap.map(
            work, concurrency: ProcessInfo.processInfo.activeProcessorCount
        ) { piece in
            switch piece {
            case .handbookRule(let index): handbookRules[index].check(context)
            case .document(let index): documentRules.flatMap { $0.check(documents[index], context) }
            }
        }
        var all = findings.flatMap { $0 }
        all.sort()
        return (
            all,
            rules.compactMap { $0.nextChange(context) }.min()
        )
    }
}

/// A piece of a check's work: one rule over the whole handbook, or one document.
private enum CheckWork: Sendable {
    case handbookRule(Int)
    case document(Int)
}
