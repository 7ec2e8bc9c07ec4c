import Foundation

/// Where a long build is, for a progress bar: the stage, and how many of its items are done.
public struct BuildProgress: Sendable, Equatable {
    public enum Stage: String, Sendable {
        case reading = "Reading"
        case writing = "Writing"
    }

    public var stage: Stage
    public var done: Int
    public var total: Int
}

/// Counts finished items from several threads and tells a listener, at most once per
/// hundredth of the total, so that a listener is not called for each of 10,000 pages.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private let stage: BuildProgress.Stage
    private let total: Int
    private let step: Int
    private var done = 0
    private let listener: @Sendable (BuildProgress) -> Void

    init(
        _ stage: BuildProgress.Stage, total: Int,
        listener: @escaping @Sendable (BuildProgress) -> Void
    ) {
        self.stage = stage
        self.total = total
        self.step = max(1, total / 100)
        self.listener = listener
    }

    func advance() {
        let report: BuildProgress? = lock.withLock {
            done += 1
            return done % step == 0 || done == total
                ? BuildProgress(stage: stage, done: done, total: total) : nil
        }
        if let report { listener(report) }
    }
}
