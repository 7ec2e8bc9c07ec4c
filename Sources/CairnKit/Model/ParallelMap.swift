import Dispatch

/// Maps over an array on several threads at once, keeping the order of the input.
enum ParallelMap {
    /// - Parameter concurrency: how many threads work at once; 1 maps in order on this thread.
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], concurrency: Int, _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        guard concurrency > 1, inputs.count > 1 else { return inputs.map(transform) }
        var outputs = [Output?](repeating: nil, count: inputs.count)
        let workers = min(concurrency, inputs.count)
        outputs.withUnsafeMutableBufferPointer { buffer in
            // Each worker writes only the slots of its own indices, so no slot is shared.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: inputs.count, by: workers) {
                    slots[index] = transform(inputs[index])
                }
            }
        }
        return outputs.compactMap { $0 }
    }
}
