/// Runs the rules over a handbook: pure, from the model to sorted findings.
public struct Checker: Sendable {
    public let rules: [any Rule]

    public init(rules: [any Rule] = allRules) {
        self.rules = rules
    }

    public func check(_ handbook: Handbook, now: Timestamp) -> [Diagnostic] {
        let context = CheckContext(handbook: handbook, now: now)
        return rules.flatMap { $0.check(context) }.sorted()
    }
}
