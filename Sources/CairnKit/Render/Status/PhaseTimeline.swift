/// The phases on a time line, drawn at build time: each phase a bar from its shortest to its
/// longest estimate (the longest lighter), one after another, week marks below, and today
/// marked when the plan says when it started (`start: 2026-11-02` in its front matter).
enum PhaseTimeline {
    static let labelWidth = 210.0
    static let width = 760.0
    static let row = 26.0

    /// - Parameter limit: how many phases, from the first, the time line draws.
    static func svg(_ handbook: Handbook, now: Timestamp, limit: Int = .max) -> String? {
        let phases = Array(handbook.phases.prefix(limit))
        guard !phases.isEmpty, phases.contains(where: { $0.estimate?.minimumDays != nil }) else {
            return nil
        }
        let openEnded = 7.0
        var starts: [Double] = []
        var cursor = 0.0
        for phase in phases {
            starts.append(cursor)
            cursor += phase.estimate?.minimumDays ?? openEnded
        }
        let ends = zip(phases, starts).map { phase, start in
            start + (phase.estimate?.maximumDays ?? openEnded)
        }
        let total = max(ends.max() ?? 1, 7)
        let startDate = handbook.documents.lazy.compactMap { $0.frontMatter["start"] }
            .compactMap { Timestamp(rfc3339: $0.count == 10 ? $0 + "T00:00:00Z" : $0) }.first
        let span = width - labelWidth - 10
        func x(_ days: Double) -> Double { labelWidth + days / total * span }
        let height = Double(phases.count) * row + 40
        var body = ""
        for (index, phase) in phases.enumerated() {
            let y = 10 + Double(index) * row
            let label = phase.numberedTitle
            let estimate = phase.estimate?.text ?? "no estimate"
            let minimum = phase.estimate?.minimumDays
            body += "<g><title>\(HTMLEscaping.text(label)): \(HTMLEscaping.text(estimate))</title>"
            body +=
                "<text class=\"tick\" x=\"0\" y=\"\(n(y + 14))\">\(HTMLEscaping.text(truncated(label)))</text>"
            if let minimum {
                body +=
                    "<rect class=\"timeline-range\" x=\"\(n(x(starts[index])))\" y=\"\(n(y + 3))\" "
                    + "width=\"\(n(x(ends[index]) - x(starts[index])))\" height=\"16\" rx=\"3\"/>"
                body +=
                    "<rect class=\"timeline-bar\" x=\"\(n(x(starts[index])))\" y=\"\(n(y + 3))\" "
                    + "width=\"\(n(max(x(starts[index] + minimum) - x(starts[index]), 2)))\" height=\"16\" rx=\"3\"/>"
            } else {
                body +=
                    "<rect class=\"timeline-open\" x=\"\(n(x(starts[index])))\" y=\"\(n(y + 3))\" "
                    + "width=\"\(n(x(ends[index]) - x(starts[index])))\" height=\"16\" rx=\"3\"/>"
            }
            body +=
                "<text class=\"tick\" x=\"\(n(min(x(ends[index]) + 4, width - 4)))\" y=\"\(n(y + 15))\""
                + "\(x(ends[index]) + 60 > width ? " text-anchor=\"end\"" : "")>\(HTMLEscaping.text(estimate))</text></g>"
        }
        let axisY = Double(phases.count) * row + 14
        var week = 0
        while Double(week) * 7 <= total {
            let position = x(Double(week) * 7)
            body +=
                "<line class=\"axis\" x1=\"\(n(position))\" y1=\"\(n(axisY - 4))\" x2=\"\(n(position))\" y2=\"\(n(axisY))\"/>"
            body +=
                "<text class=\"tick\" x=\"\(n(position))\" y=\"\(n(axisY + 12))\" text-anchor=\"middle\">W\(week + 1)</text>"
            week += max(1, Int(total / 7 / 10))
        }
        if let startDate {
            let today = (now.secondsSince1970 - startDate.secondsSince1970) / 86_400
            if today >= 0 && today <= total {
                body +=
                    "<line class=\"timeline-today\" x1=\"\(n(x(today)))\" y1=\"4\" x2=\"\(n(x(today)))\" y2=\"\(n(axisY))\"/>"
                body +=
                    "<text class=\"timeline-today-label\" x=\"\(n(x(today) + 3))\" y=\"10\">Today</text>"
            }
        }
        let summary = phases.map { "Phase \($0.number): \($0.estimate?.text ?? "no estimate")" }
            .joined(separator: "; ")
        return
            "<svg class=\"chart timeline\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" "
            + "aria-labelledby=\"timeline-title timeline-desc\"><title id=\"timeline-title\">Phases over time</title>"
            + "<desc id=\"timeline-desc\">\(HTMLEscaping.text(summary))</desc>" + body + "</svg>"
    }

    private static func truncated(_ label: String) -> String {
        label.count > 30 ? String(label.prefix(29)) + "…" : label
    }

    private static func n(_ value: Double) -> String { StatusFormat.decimal(value, places: 1) }
}
