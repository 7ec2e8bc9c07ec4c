import Foundation

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

    /// The target as written, without leading marks: `Uptime > 99.9%`.
    public var statement: String {
        String(text.drop { !($0.isLetter || $0.isNumber) }).trimmingWhitespace()
    }

    /// What makes two targets the same, wherever they are written: `Uptime > 99.9%` in two
    /// documents is one target.
    public struct Definition: Hashable, Sendable {
        var name: String
        var comparison: Operator
        var value: Double
        var unit: String
        var aggregation: String?
        var isRollbackTrigger: Bool
    }

    public var definition: Definition {
        Definition(
            name: name.lowercased(), comparison: comparison, value: value, unit: unit,
            aggregation: aggregation, isRollbackTrigger: isRollbackTrigger)
    }

    /// `uptime`, `response-time`: what a metrics value may name in its `target` field.
    public var id: String { Slug.compact(name) }
    public var text: String
    public var documentPath: String
    public var location: Diagnostic.Location

    /// Reads `Uptime > 99.9%`, `Site uptime: >99.9%`, `Response time (p95) <500ms`,
    /// `RTO: <30min`; leading marks such as ✅ are ignored. Returns nil for anything else.
    public init?(
        parsing text: String, isRollbackTrigger: Bool, documentPath: String,
        location: Diagnostic.Location
    ) {
        // Nearly every bullet has no comparison sign: those are not targets.
        guard Self.hasComparisonSign(text) else { return nil }
        let cleaned = text.drop { !($0.isLetter || $0.isNumber) }
        guard let operatorIndex = Self.firstOperator(in: cleaned) else { return nil }
        var scanner = TextScanner(cleaned[operatorIndex...])
        guard let symbol = scanner.scan(anyOf: ["<=", ">=", "≤", "≥", "<", ">", "="]) else {
            return nil
        }
        scanner.skipSpaces()
        guard let number = scanner.scanDecimal() else { return nil }
        scanner.skipSpaces()
        let unitCharacters = scanner.rest.prefix {
            $0.isLetter || $0 == "%" || $0 == "/" || $0 == "µ"
        }
        guard scanner.rest.dropFirst(unitCharacters.count).allSatisfy(\.isWhitespace) else {
            return nil
        }
        var name = cleaned[..<operatorIndex].trimmingWhitespace()
        if name.hasSuffix(":") {
            name = String(name.dropLast()).trimmingWhitespace()
        }
        var aggregation: String?
        if name.hasSuffix(")"), let open = name.lastIndex(of: "(") {
            aggregation = name[name.index(after: open)..<name.index(before: name.endIndex)]
                .lowercased()
            name = name[..<open].trimmingWhitespace()
        }
        guard !name.isEmpty else { return nil }
        self.name = name.trimmingWhitespace()
        self.comparison =
            switch symbol {
            case "≤": .lessThanOrEqual
            case "≥": .greaterThanOrEqual
            default: Operator(rawValue: symbol) ?? .equal
            }
        self.value = number
        self.unit = unitCharacters.lowercased()
        self.aggregation = aggregation
        self.isRollbackTrigger = isRollbackTrigger
        self.text = text
        self.documentPath = documentPath
        self.location = location
    }

    static let operatorCharacters: Set<Character> = ["<", ">", "=", "≤", "≥"]

    /// Whether `<`, `>`, `=`, `≤` or `≥` (E2 89 A4 and A5 in UTF-8) is among the bytes.
    static func hasComparisonSign(_ text: String) -> Bool {
        var beforeLast: UInt8 = 0
        var last: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=") {
                return true
            }
            if (byte == 0xA4 || byte == 0xA5) && beforeLast == 0xE2 && last == 0x89 { return true }
            (beforeLast, last) = (last, byte)
        }
        return false
    }

    /// Where the first comparison sign stands, as a character of its own. Scalar by scalar
    /// (going through the text a `Character` at a time cost more than the rest of reading
    /// every target of a large handbook), then checked as a character: a `<` under a
    /// combining mark is another character.
    private static func firstOperator(in text: Substring) -> String.Index? {
        let scalars = text.unicodeScalars
        var position = scalars.startIndex
        while let found = scalars[position...].firstIndex(where: {
            switch $0 {
            case "<", ">", "=", "≤", "≥": true
            default: false
            }
        }) {
            if let index = String.Index(found, within: text),
                operatorCharacters.contains(text[index])
            {
                return index
            }
            position = scalars.index(after: found)
        }
        return nil
    }
}
