import Foundation

/// A phase of the plan: a heading `Phase N: Title`, with its declared status and estimate.
public struct Phase: Sendable, Equatable {
    public var number: Int
    public var title: String
    public var declaredStatus: PhaseStatus?
    /// The status as written, kept when it is not one of the known ones.
    public var declaredStatusText: String?
    public var estimate: Estimate?
    /// Whether the heading itself carries a completion mark (✅, ✔, ☑).
    public var isMarkedComplete: Bool
    public var documentPath: String
    public var anchor: String
    public var location: Diagnostic.Location
    public var progress: Progress
    /// The tasks of the phase in order, nested ones included.
    public var tasks: [PlanTask]
    /// Phases or steps named by a `**Requires:**` line; empty means the phase before.
    public var requires: [String]

    /// `Phase 3: Production Environment Setup`, as findings and the timeline name it.
    public var numberedTitle: String { "Phase \(number): \(title)" }
}

/// The status a phase declares in its `**Status:**` line.
public enum PhaseStatus: String, Sendable, Equatable, Codable, CaseIterable {
    case notStarted = "not_started"
    case inProgress = "in_progress"
    case complete
    case blocked

    /// Reads `In Progress`, `in-progress`, `✅ Complete`, `DONE`… ignoring case and emoji.
    public init?(declared text: String) {
        let words =
            ASCIIWord.letterWords(of: text)
            ?? String(text.lowercased().map { $0.isLetter ? $0 : " " })
            .split(separator: " ")
            .joined(separator: " ")
        switch words {
        case "not started", "not yet started", "todo", "to do", "planned", "pending":
            self = .notStarted
        case "in progress", "started", "ongoing", "wip", "active": self = .inProgress
        case "complete", "completed", "done", "finished": self = .complete
        case "blocked", "on hold": self = .blocked
        default: return nil
        }
    }

    public var label: String {
        switch self {
        case .notStarted: "Not Started"
        case .inProgress: "In Progress"
        case .complete: "Complete"
        case .blocked: "Blocked"
        }
    }
}

/// An estimated duration as a range of days (`1-2 weeks` is 7 to 14 days).
public struct Estimate: Sendable, Equatable {
    public var text: String
    public var minimumDays: Double?
    public var maximumDays: Double?

    /// Whether the estimate is open-ended (`Ongoing`, `TBD`).
    public var isOpenEnded: Bool { minimumDays == nil }

    public init(text: String, minimumDays: Double?, maximumDays: Double?) {
        self.text = text
        self.minimumDays = minimumDays
        self.maximumDays = maximumDays
    }

    /// Reads `1 week`, `1-2 weeks`, `2–3 days`, `4 hours`, `1 month`; anything else is kept
    /// as open-ended text.
    public init(parsing text: String) {
        self.text = text
        minimumDays = nil
        maximumDays = nil
        var scanner = TextScanner(text)
        scanner.skipSpaces()
        guard let low = scanner.scanDecimal() else { return }
        scanner.skipSpaces()
        var high = low
        if scanner.scan(anyOf: ["-", "–", "—"]) != nil || scanner.scan(caseInsensitive: "to ") {
            scanner.skipSpaces()
            guard let upper = scanner.scanDecimal() else { return }
            high = upper
            scanner.skipSpaces()
        }
        _ = scanner.scan(caseInsensitive: "business ")
        let unit = scanner.scanLetters().lowercased()
        let daysPerUnit: Double
        switch unit {
        case "hour", "hours", "hr", "hrs", "h": daysPerUnit = 1.0 / 24
        case "day", "days", "d": daysPerUnit = 1
        case "week", "weeks", "wk", "wks", "w": daysPerUnit = 7
        case "month", "months": daysPerUnit = 30
        default: return
        }
        minimumDays = low * daysPerUnit
        maximumDays = max(low, high) * daysPerUnit
    }
}

/// The parts of a `Phase N: Title ✅` heading.
public struct PhaseHeading: Sendable, Equatable {
    public var number: Int
    public var title: String
    public var isMarkedComplete: Bool

    /// ✅ ✔ ☑ ✓ (✔️ is ✔ with a variation selector): the two UTF-8 bytes after 0xE2.
    static let completionMarkTails: [(UInt8, UInt8)] = [
        (0x9C, 0x85), (0x9C, 0x94), (0x98, 0x91), (0x9C, 0x93),
    ]

    /// Reads `Phase 3: Production Environment Setup`, `Phase 1 - Prep ✅`; nil for other titles.
    public init?(_ heading: String) {
        var scanner = TextScanner(heading)
        scanner.skipSpaces()
        guard scanner.scan(caseInsensitive: "phase") else { return nil }
        let beforeNumber = scanner.rest
        scanner.skipSpaces()
        guard scanner.rest.startIndex > beforeNumber.startIndex, let number = scanner.scanInteger(),
            scanner.rest.first?.isLetter != true
        else { return nil }
        scanner.skipSpaces()
        _ = scanner.scan(anyOf: [":", ".", "-", "–", "—", ")"])
        var title = String(scanner.rest).trimmingWhitespace()
        while let last = title.last, !(last.isLetter || last.isNumber || last == ")") {
            title.removeLast()
        }
        self.number = number
        self.title = title.trimmingWhitespace()
        self.isMarkedComplete = Self.containsCompletionMark(heading)
    }

    /// Whether `text` has one of the completion marks anywhere. Byte by byte: each mark is
    /// three UTF-8 bytes starting with 0xE2, and looking characters up in a set cost more than
    /// the rest of reading a heading.
    static func containsCompletionMark(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            guard byte == 0xE2, let second = bytes.next(), let third = bytes.next() else {
                continue
            }
            if completionMarkTails.contains(where: { $0 == (second, third) }) { return true }
        }
        return false
    }
}
