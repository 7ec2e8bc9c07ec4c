import Foundation

/// Maps on several threads at once, keeping the inputs' order.
enum ParallelMap {
    /// - Parameter concurrency: how many threads work at once; 1 maps in order on this thread.
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], concurrency: Int, _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        guard concurrency > 1, inputs.count > 1 else { return inputs.map(transform) }
        var outputs = [Output?](repeating: nil, count: inputs.count)
        let workers = min(concurrency, inputs.count)
        let queue = WorkCounter(count: inputs.count)
        outputs.withUnsafeMutableBufferPointer { buffer in
            // Each index is taken by one worker only, so no slot is shared.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let index = queue.next() {
                    slots[index] = transform(inputs[index])
                }
            }
        }
        return outputs.compactMap { $0 }
    }
}

/// Hands out the indices `0..<count` one at a time to whichever thread asks first, so a
/// thread that drew a large item does not hold up the others.
final class WorkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = 0
    private let count: Int

    init(count: Int) {
        self.count = count
    }

    /// The next index nobody has taken, or nil when all are.
    func next() -> Int? {
        lock.withLock {
            guard taken < count else { return nil }
            defer { taken += 1 }
            return taken
        }
    }
}

/// Work started on another thread at once, whose result is waited for where it is needed.
final class BackgroundWork<Result: Sendable>: @unchecked Sendable {
    private let work: @Sendable () -> Result
    /// Signalled once the result is kept; every wait signals it again for the next.
    private let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var value: Result?

    init(_ work: @escaping @Sendable () -> Result) {
        self.work = work
        DispatchQueue.global().async { [self] in
            let result = work()
            lock.withLock { value = result }
            finished.signal()
        }
    }

    /// The work's result, once it has finished.
    var result: Result {
        finished.wait()
        finished.signal()
        // Always kept before the signal; doing the work here is only what the types demand.
        return lock.withLock { value } ?? work()
    }
}
