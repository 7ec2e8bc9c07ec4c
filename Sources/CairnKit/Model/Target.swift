/// A measurable goal from a "Success Metrics" or "Success Criteria" list (`Uptime > 99.9%`),
/// or a rollback trigger (`Error rate > 5%`): a condition that must *not* hold.
public struct Target: Sendable, Equatable {
    public enum Operator: String, Sendable, Equatable, Codable {
        case lessThan = "<"
        case lessThanOrEqual = "<="
        case greaterThan = ">"
        case greaterThanOrEqual = ">="
        case equal = "="

        /// Whether `value` satisfies `value <op> threshold`.
        public func holds(_ value: Double, against threshold: Double) -> Bool {
            switch self {
            case .lessThan: value < threshold
            case .lessThanOrEqual: value <= threshold
            case .greaterThan: value > threshold
            case .greaterThanOrEqual: value >= threshold
            case .equal: value == threshold
            }
        }
    }

    public var name: String
    public var comparison: Operator
    public var value: Double
    /// The unit as written, lowercased (`%`, `ms`, `min`); empty when none was given.
    public var unit: String
    /// The statistic named in parentheses (`Response time (p95)`), if any.
    public var aggregation: String?
    public var isRollbackTrigger: Bool
    public var text: String
    public var documentPath: String
    public var location: Diagnostic.Location

    /// Reads `Uptime > 99.9%`, `Site uptime: >99.9%`, `Response time (p95) <500ms`,
    /// `RTO: <30min`; leading marks such as ✅ are ignored. Returns nil for anything else.
    public init?(
        parsing text: String, isRollbackTrigger: Bool, documentPath: String,
        location: Diagnostic.Location
    ) {
        let cleaned = String(text.drop { !($0.isLetter || $0.isNumber) })
        let pattern = /^(.+?)\s*:?\s*(<=|>=|≤|≥|<|>|=)\s*(-?\d+(?:[.,]\d+)?)\s*([%a-zA-Zµ\/]*)\s*$/
        guard let match = cleaned.firstMatch(of: pattern),
            let number = Double(match.3.replacingOccurrences(of: ",", with: "."))
        else { return nil }
        var name = String(match.1).trimmingCharacters(in: .whitespaces)
        if name.hasSuffix(":") { name.removeLast() }
        var aggregation: String?
        if let statistic = name.firstMatch(of: /\s*\(([^)]+)\)\s*$/) {
            aggregation = statistic.1.lowercased()
            name.removeSubrange(statistic.range)
        }
        let symbol = String(match.2)
        guard !name.isEmpty else { return nil }
        self.name = name.trimmingCharacters(in: .whitespaces)
        self.comparison =
            switch symbol {
            case "≤": .lessThanOrEqual
            case "≥": .greaterThanOrEqual
            default: Operator(rawValue: symbol) ?? .equal
            }
        self.value = number
        self.unit = match.4.lowercased()
        self.aggregation = aggregation
        self.isRollbackTrigger = isRollbackTrigger
        self.text = text
        self.documentPath = documentPath
        self.location = location
    }
}
