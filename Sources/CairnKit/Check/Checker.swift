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
        // A rule that spreads its own work over every core runs alone: nested in the map
        // below, its documents went through one thread, the last second of a large check.
        // The others are independent of each other: each runs on whichever thread is free.
        let findings =
            rules.filter(\.runsOnEveryCore).map { $0.check(context) }
            + ParallelMap.map(
                rules.filter { !$0.runsOnEveryCore },
                concurrency: ProcessInfo.processInfo.activeProcessorCount
            ) { $0.check(context) }
        return (
            findings.flatMap { $0 }.sorted(),
            rules.compactMap { $0.nextChange(context) }.min()
        )
    }
}
