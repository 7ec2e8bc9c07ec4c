/// How many counted tasks are done out of how many there are.
public struct Progress: Sendable, Equatable, Codable {
    public var done: Int
    public var total: Int

    public init(done: Int = 0, total: Int = 0) {
        self.done = done
        self.total = total
    }

    public static let none = Progress()

    /// Whole percent done, rounded down so that 99.6% never reads as 100%; 0 when there are no tasks.
    public var percent: Int { total == 0 ? 0 : done * 100 / total }
    public var isComplete: Bool { total > 0 && done == total }
    public var hasTasks: Bool { total > 0 }

    public static func + (lhs: Progress, rhs: Progress) -> Progress {
        Progress(done: lhs.done + rhs.done, total: lhs.total + rhs.total)
    }
}

extension Sequence {
    /// The sum of each element's progress, with no array of them in between.
    func progressSum(_ progress: (Element) -> Progress) -> Progress {
        reduce(.none) { $0 + progress($1) }
    }
}
