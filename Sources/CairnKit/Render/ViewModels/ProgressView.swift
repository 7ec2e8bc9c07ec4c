/// Progress as the templates show it: figures, a percent, and a bar width.
struct ProgressView {
    let done: Int
    let total: Int
    let percent: Int
    let hasTasks: Bool
    let isComplete: Bool
    /// `5/10`; made when a template asks, as most progress views of a large build belong to
    /// pages that are reused, not rendered.
    var figures: String { "\(done)/\(total)" }
    /// A sentence for screen readers and tooltips: `5 of 10 tasks done (50%)`.
    var summary: String {
        "\(done) of \(total) \(total == 1 ? "task" : "tasks") done (\(percent)%)"
    }

    init(_ progress: Progress) {
        done = progress.done
        total = progress.total
        percent = progress.percent
        hasTasks = progress.hasTasks
        isComplete = progress.isComplete
    }
}
