import Foundation

/// A phase of the plan: a heading `Phase N: Title`, with its declared status and estimate.
public struct Phase: Sendable, Equatable {
    public var number: Int {
        get { storage.number }
        _modify {
            makeUnique()
            yield &storage.number
        }
    }
    public var title: String {
        get { storage.title }
        _modify {
            makeUnique()
            yield &storage.title
        }
    }
    public var declaredStatus: PhaseStatus? {
        get { storage.declaredStatus }
        _modify {
            makeUnique()
            yield &storage.declaredStatus
        }
    }
    /// The status as written, kept when it is not one of the known ones.
    public var declaredStatusText: String? {
        get { storage.declaredStatusText }
        _modify {
            makeUnique()
            yield &storage.declaredStatusText
        }
    }
    public var estimate: Estimate? {
        get { storage.estimate }
        _modify {
            makeUnique()
            yield &storage.estimate
        }
    }
    /// Whether the heading itself carries a completion mark (✅, ✔, ☑).
    public var isMarkedComplete: Bool {
        get { storage.isMarkedComplete }
        _modify {
            makeUnique()
            yield &storage.isMarkedComplete
        }
    }
    public var documentPath: String {
        get { storage.documentPath }
        _modify {
            makeUnique()
            yield &storage.documentPath
        }
    }
    public var anchor: String {
        get { storage.anchor }
        _modify {
            makeUnique()
            yield &storage.anchor
        }
    }
    public var location: Diagnostic.Location {
        get { storage.location }
        _modify {
            makeUnique()
            yield &storage.location
        }
    }
    public var progress: Progress {
        get { storage.progress }
        _modify {
            makeUnique()
            yield &storage.progress
        }
    }
    /// The tasks of the phase in order, nested ones included.
    public var tasks: [PlanTask] {
        get { storage.tasks }
        _modify {
            makeUnique()
            yield &storage.tasks
        }
    }
    /// Phases or steps named by a `**Requires:**` line; empty means the phase before.
    public var requires: [String] {
        get { storage.requires }
        _modify {
            makeUnique()
            yield &storage.requires
        }
    }

    /// `Phase 3: Production Environment Setup`, as findings and the timeline name it.
    public var numberedTitle: String { "Phase \(number): \(title)" }

    /// The fields, shared by copies until one of them changes: rules and pages go through
    /// every phase of the handbook several times, and a copy is then one reference rather
    /// than a copy of every field.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var number: Int
        @exclusivity(unchecked) var title: String
        @exclusivity(unchecked) var declaredStatus: PhaseStatus?
        @exclusivity(unchecked) var declaredStatusText: String?
        @exclusivity(unchecked) var estimate: Estimate?
        @exclusivity(unchecked) var isMarkedComplete: Bool
        @exclusivity(unchecked) var documentPath: String
        @exclusivity(unchecked) var anchor: String
        @exclusivity(unchecked) var location: Diagnostic.Location
        @exclusivity(unchecked) var progress: Progress
        @exclusivity(unchecked) var tasks: [PlanTask]
        @exclusivity(unchecked) var requires: [String]

        init(
            number: Int, title: String, declaredStatus: PhaseStatus?, declaredStatusText: String?,
            estimate: Estimate?, isMarkedComplete: Bool, documentPath: String, anchor: String,
            location: Diagnostic.Location, progress: Progress, tasks: [PlanTask],
            requires: [String]
        ) {
            self.number = number
            self.title = title
            self.declaredStatus = declaredStatus
            self.declaredStatusText = declaredStatusText
            self.estimate = estimate
            self.isMarkedComplete = isMarkedComplete
            self.documentPath = documentPath
            self.anchor = anchor
            self.location = location
            self.progress = progress
            self.tasks = tasks
            self.requires = requires
        }

        func copy() -> Storage {
            Storage(
                number: number, title: title, declaredStatus: declaredStatus,
                declaredStatusText: declaredStatusText, estimate: estimate,
                isMarkedComplete: isMarkedComplete, documentPath: documentPath, anchor: anchor,
                location: location, progress: progress, tasks: tasks, requires: requires)
        }
    }

    private var storage: Storage

    public init(
        number: Int, title: String, declaredStatus: PhaseStatus?, declaredStatusText: String?,
        estimate: Estimate?, isMarkedComplete: Bool, documentPath: String, anchor: String,
        location: Diagnostic.Location, progress: Progress, tasks: [PlanTask], requires: [String]
    ) {
        storage = Storage(
            number: number, title: title, declaredStatus: declaredStatus,
            declaredStatusText: declaredStatusText, estimate: estimate,
            isMarkedComplete: isMarkedComplete, documentPath: documentPath, anchor: anchor,
            location: location, progress: progress, tasks: tasks, requires: requires)
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    public static func == (left: Phase, right: Phase) -> Bool {
        left.storage === right.storage
            || (left.number == right.number
                && left.title == right.title
                && left.declaredStatus == right.declaredStatus
                && left.declaredStatusText == right.declaredStatusText
                && left.estimate == right.estimate
                && left.isMarkedComplete == right.isMarkedComplete
                && left.documentPath == right.documentPath
                && left.anchor == right.anchor
                && left.location == right.location
                && left.progress == right.progress
                && left.tasks == right.tasks
                && left.requires == right.requires)
    }
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
        // Most headings are not phases: the first byte after spaces and tabs says so.
        guard let first = heading.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }),
            first | 0x20 == UInt8(ascii: "p")
        else { return nil }
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
