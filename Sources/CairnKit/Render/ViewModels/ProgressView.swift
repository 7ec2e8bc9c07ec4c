/// Progress as the templates show it: figures, a percent, and a bar width.
struct ProgressView {
    let done: Int
    let total: Int
    let percent: Int
    let hasTasks: Bool
    let isComplete: Bool
    /// `5/10`.
    let figures: String
    /// A sentence for screen readers and tooltips: `5 of 10 tasks done (50%)`.
    let summary: String

    init(_ progress: Progress) {
        done = progress.done
        total = progress.total
        percent = progress.percent
        hasTasks = progress.hasTasks
        isComplete = progress.isComplete
        figures = "\(progress.done)/\(progress.total)"
        let noun = progress.total == 1 ? "task" : "tasks"
        summary = "\(progress.done) of \(progress.total) \(noun) done (\(progress.percent)%)"
    }
}
