/// Charts drawn at build time as inline SVG, so they show without JavaScript and print. Every
/// text in them is escaped; shapes as well as colours tell outcomes apart.
enum Charts {
    static let width = 640.0
    static let height = 220.0
    static let plot = (left: 56.0, right: 628.0, top: 14.0, bottom: 186.0)

    /// One bar per day, stacked by outcome.
    struct DailyBar {
        var day: String
        var segments: [(className: String, count: Int, label: String)]
    }

    static func stackedBars(id: String, title: String, summary: String, bars: [DailyBar]) -> String
    {
        let maximum = max(1, bars.map { $0.segments.reduce(0) { $0 + $1.count } }.max() ?? 1)
        let slot = (plot.right - plot.left) / Double(max(bars.count, 1))
        var body = axes(
            yTop: "\(maximum)", yBottom: "0", xLeft: bars.first?.day ?? "",
            xRight: bars.last?.day ?? "")
        for (index, bar) in bars.enumerated() {
            var y = plot.bottom
            let x = plot.left + Double(index) * slot + slot * 0.15
            let detail = bar.segments.filter { $0.count > 0 }.map { "\($0.count) \($0.label)" }
                .joined(separator: ", ")
            body +=
                "<g><title>\(HTMLEscaping.text(bar.day)): \(HTMLEscaping.text(detail.isEmpty ? "none" : detail))</title>"
            for segment in bar.segments where segment.count > 0 {
                let barHeight = Double(segment.count) / Double(maximum) * (plot.bottom - plot.top)
                y -= barHeight
                body +=
                    "<rect class=\"\(segment.className)\" x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(slot * 0.7))\" height=\"\(n(barHeight))\"/>"
            }
            body += "</g>"
        }
        return wrap(id: id, title: title, summary: summary, body: body)
    }

    struct Point {
        var time: Double
        var value: Double
        var label: String
        /// Drawn as a cross instead of a dot: a missed target, a failed restore.
        var isBad: Bool
    }

    /// A line over time with an optional dashed threshold (a target, an RTO).
    static func line(
        id: String, title: String, summary: String, points: [Point], unit: String,
        threshold: (value: Double, label: String)?, startsAtZero: Bool
    ) -> String {
        let values = points.map(\.value) + (threshold.map { [$0.value] } ?? [])
        var low = startsAtZero ? 0 : (values.min() ?? 0)
        var high = values.max() ?? 1
        let padding = max((high - low) * 0.15, abs(high) * 0.001, 1e-9)
        if !startsAtZero { low -= padding }
        high += padding
        if high == low { high = low + 1 }
        let times = points.map(\.time)
        let start = times.min() ?? 0
        let end = max(times.max() ?? 1, start + 1)
        func x(_ time: Double) -> Double {
            points.count == 1
                ? (plot.left + plot.right) / 2
                : plot.left + (time - start) / (end - start) * (plot.right - plot.left)
        }
        func y(_ value: Double) -> Double {
            plot.bottom - (value - low) / (high - low) * (plot.bottom - plot.top)
        }
        let first = points.min { $0.time < $1.time }?.label ?? ""
        let last = points.max { $0.time < $1.time }?.label ?? ""
        var body = axes(
            yTop: StatusFormat.measure(high, unit, places: 2),
            yBottom: StatusFormat.measure(low, unit, places: 2),
            xLeft: first, xRight: last)
        if let threshold {
            let thresholdY = y(threshold.value)
            body +=
                "<line class=\"threshold\" x1=\"\(n(plot.left))\" y1=\"\(n(thresholdY))\" x2=\"\(n(plot.right))\" y2=\"\(n(thresholdY))\"/>"
            body +=
                "<text class=\"threshold-label\" x=\"\(n(plot.right))\" y=\"\(n(thresholdY - 4))\" text-anchor=\"end\">\(HTMLEscaping.text(threshold.label))</text>"
        }
        let ordered = points.sorted { $0.time < $1.time }
        if ordered.count > 1 {
            let path = ordered.map { "\(n(x($0.time))),\(n(y($0.value)))" }.joined(separator: " ")
            body += "<polyline class=\"series\" points=\"\(path)\"/>"
        }
        for point in ordered {
            let px = x(point.time)
            let py = y(point.value)
            let tip =
                "<title>\(HTMLEscaping.text(point.label)): \(HTMLEscaping.text(StatusFormat.measure(point.value, unit)))</title>"
            if point.isBad {
                body +=
                    "<g class=\"point bad\">\(tip)<path d=\"M\(n(px - 5)),\(n(py - 5))L\(n(px + 5)),\(n(py + 5))M\(n(px + 5)),\(n(py - 5))L\(n(px - 5)),\(n(py + 5))\"/></g>"
            } else {
                body +=
                    "<g class=\"point\">\(tip)<circle cx=\"\(n(px))\" cy=\"\(n(py))\" r=\"4\"/></g>"
            }
        }
        return wrap(id: id, title: title, summary: summary, body: body)
    }

    private static func axes(yTop: String, yBottom: String, xLeft: String, xRight: String) -> String
    {
        "<line class=\"axis\" x1=\"\(n(plot.left))\" y1=\"\(n(plot.bottom))\" x2=\"\(n(plot.right))\" y2=\"\(n(plot.bottom))\"/>"
            + "<line class=\"axis\" x1=\"\(n(plot.left))\" y1=\"\(n(plot.top))\" x2=\"\(n(plot.left))\" y2=\"\(n(plot.bottom))\"/>"
            + "<text class=\"tick\" x=\"\(n(plot.left - 6))\" y=\"\(n(plot.top + 10))\" text-anchor=\"end\">\(HTMLEscaping.text(yTop))</text>"
            + "<text class=\"tick\" x=\"\(n(plot.left - 6))\" y=\"\(n(plot.bottom))\" text-anchor=\"end\">\(HTMLEscaping.text(yBottom))</text>"
            + "<text class=\"tick\" x=\"\(n(plot.left))\" y=\"\(n(plot.bottom + 18))\">\(HTMLEscaping.text(xLeft))</text>"
            + "<text class=\"tick\" x=\"\(n(plot.right))\" y=\"\(n(plot.bottom + 18))\" text-anchor=\"end\">\(HTMLEscaping.text(xRight))</text>"
    }

    private static func wrap(id: String, title: String, summary: String, body: String) -> String {
        let safeID = HTMLEscaping.attribute(id)
        return "<svg class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" "
            + "aria-labelledby=\"\(safeID)-title \(safeID)-desc\" preserveAspectRatio=\"xMidYMid meet\">"
            + "<title id=\"\(safeID)-title\">\(HTMLEscaping.text(title))</title>"
            + "<desc id=\"\(safeID)-desc\">\(HTMLEscaping.text(summary))</desc>" + body + "</svg>"
    }

    /// Coordinates with one decimal, the same on every machine.
    private static func n(_ value: Double) -> String {
        StatusFormat.decimal(value, places: 1)
    }
}
