/// An RFC 3339 instant (`2026-11-20T14:03:11Z`, `2026-11-20T15:03:11.250+01:00`), kept as
/// seconds since 1970 UTC. Read by hand: strict about impossible dates (month 13, 30 February),
/// and the same on every machine.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var secondsSince1970: Double

    public init(secondsSince1970: Double) {
        self.secondsSince1970 = secondsSince1970
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSince1970 < rhs.secondsSince1970
    }

    /// Parses RFC 3339; nil for anything else.
    public init?(rfc3339 text: String) {
        let bytes = Array(text.utf8)
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + count] {
                guard (48...57).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        func byte(_ index: Int, _ expected: Character) -> Bool {
            index < bytes.count && bytes[index] == expected.asciiValue
        }
        guard let year = digits(0, 4), byte(4, "-"), let month = digits(5, 2), byte(7, "-"),
            let day = digits(8, 2), Self.index(bytes, 10, in: "Tt "), let hour = digits(11, 2),
            byte(13, ":"),
            let minute = digits(14, 2), byte(16, ":"), let second = digits(17, 2),
            (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 61
        else { return nil }
        var position = 19
        var fraction = 0.0
        if byte(position, ".") {
            position += 1
            var scale = 0.1
            let start = position
            while position < bytes.count, (48...57).contains(bytes[position]) {
                fraction += Double(bytes[position] - 48) * scale
                scale /= 10
                position += 1
            }
            guard position > start else { return nil }
        }
        var offset = 0
        if Self.index(bytes, position, in: "Zz") {
            position += 1
        } else if Self.index(bytes, position, in: "+-"), let offsetHours = digits(position + 1, 2),
            byte(position + 3, ":"), let offsetMinutes = digits(position + 4, 2), offsetHours < 24,
            offsetMinutes < 60
        {
            offset = (offsetHours * 60 + offsetMinutes) * 60 * (bytes[position] == 45 ? -1 : 1)
            position += 6
        } else {
            return nil
        }
        guard position == bytes.count else { return nil }
        let days = Self.daysSince1970(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + min(second, 59) - offset
        secondsSince1970 = Double(seconds) + fraction
    }

    private static func index(_ bytes: [UInt8], _ position: Int, in characters: String) -> Bool {
        position < bytes.count && characters.utf8.contains(bytes[position])
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date and time in UTC of this instant.
    var components: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let whole = Int(secondsSince1970.rounded(.down))
        let days = whole >= 0 ? whole / 86_400 : (whole - 86_399) / 86_400
        let secondsOfDay = whole - days * 86_400
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (
            year, month, day, secondsOfDay / 3_600, secondsOfDay % 3_600 / 60, secondsOfDay % 60
        )
    }

    /// `2026-11-20T14:03:11Z` (whole seconds).
    public var description: String {
        let c = components
        return
            "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))Z"
    }

    /// `2026-11-20`.
    public var day: String {
        let c = components
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))"
    }

    /// `2026-11-20T14-03-11Z`: the time as it stands in a record's file name.
    public var fileNameStamp: String {
        let c = components
        return
            "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour))-\(pad(c.minute))-\(pad(c.second))Z"
    }

    private func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let parsed = Timestamp(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription:
                    "'\(text)' is not an RFC 3339 timestamp such as 2026-11-20T14:03:11Z")
        }
        self = parsed
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
