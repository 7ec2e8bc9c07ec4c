/// Progress as the templates show it: figures, a percent, and a bar width.
struct ProgressView {
    let done: Int
    let total: Int
    let percent: Int
    let hasTasks: Bool
    let isComplete: Bool
    /// `5/10`; made when a template asks, as most progress views of a large build belong to
    /// pages that are reused, not rendered.
    var figures: String {
        var bytes: [UInt8] = []
        DecimalText.append(done, to: &bytes)
        bytes.append(UInt8(ascii: "/"))
        DecimalText.append(total, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
    /// A sentence for screen readers and tooltips: `5 of 10 tasks done (50%)`. Written as
    /// bytes: an interpolated string cost 4,000 instructions, for every section of every page.
    var summary: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(40)
        DecimalText.append(done, to: &bytes)
        bytes += " of ".utf8
        DecimalText.append(total, to: &bytes)
        bytes += (total == 1 ? " task done (" : " tasks done (").utf8
        DecimalText.append(percent, to: &bytes)
        bytes += "%)".utf8
        return String(decoding: bytes, as: UTF8.self)
    }

    init(_ progress: Progress) {
        done = progress.done
        total = progress.total
        percent = progress.percent
        hasTasks = progress.hasTasks
        isComplete = progress.isComplete
    }
}
