/// How times, ages, durations and sizes from status records read on a page.
enum StatusFormat {
    /// `2026-11-24 14:03 UTC`.
    static func moment(_ timestamp: Timestamp) -> String {
        let c = timestamp.components
        return "\(timestamp.day) \(two(c.hour)):\(two(c.minute)) UTC"
    }

    /// `3 days ago`, `5 hours ago`, `just now`; `in the future` for a clock that ran ahead.
    static func age(of timestamp: Timestamp, now: Timestamp) -> String {
        let seconds = now.secondsSince1970 - timestamp.secondsSince1970
        if seconds < -60 { return "in the future" }
        if seconds < 90 { return "just now" }
        if seconds < 5_400 { return "\(Int((seconds / 60).rounded())) minutes ago" }
        if seconds < 129_600 {
            return CountedNoun.phrase(Int((seconds / 3_600).rounded()), "hour") + " ago"
        }
        return CountedNoun.phrase(Int((seconds / 86_400).rounded()), "day") + " ago"
    }

    /// Whole days since `timestamp`.
    static func days(since timestamp: Timestamp, now: Timestamp) -> Double {
        (now.secondsSince1970 - timestamp.secondsSince1970) / 86_400
    }

    /// `6 min 12 s`, `45 s`, `1 h 5 min`.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total) s" }
        if total < 3_600 {
            return total % 60 == 0 ? "\(total / 60) min" : "\(total / 60) min \(total % 60) s"
        }
        return "\(total / 3_600) h \(total % 3_600 / 60) min"
    }

    /// `1.8 GB`, `640 MB`, `12 KB`.
    static func size(_ bytes: Int) -> String {
        let units: [(Double, String)] = [(1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "KB")]
        for (scale, unit) in units where Double(bytes) >= scale {
            return "\(decimal(Double(bytes) / scale, places: 1)) \(unit)"
        }
        return "\(bytes) B"
    }

    /// A number with at most `places` decimals and no trailing zeros: `99.95`, `512`, `0.4`.
    static func decimal(_ value: Double, places: Int = 3) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
        var text = String(rounded)
        if text.contains("e") { return text }
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// A measured value and its unit: `99.95 %`, `512 ms`, `0.999 ratio`.
    static func measure(_ value: Double, _ unit: String, places: Int = 6) -> String {
        unit.isEmpty ? decimal(value, places: places) : "\(decimal(value, places: places)) \(unit)"
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

/// A URL from a record, made a link only when it is plain http or https.
enum SafeLink {
    static func http(_ text: String?) -> String? {
        guard let text else { return nil }
        let lowered = text.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"),
            !text.contains(where: {
                $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true
            })
        else { return nil }
        return text
    }
}
