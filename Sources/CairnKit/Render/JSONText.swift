/// JSON string literals written straight into a byte buffer, for the large JSON files a
/// build writes.
enum JSONText {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends `value` as a quoted JSON string. `/` is not escaped; with `forScript`, `<`,
    /// U+2028 and U+2029 are, so the text can never end a `<script>` or break a line of it.
    static func appendQuoted(_ value: String, to output: inout [UInt8], forScript: Bool = false) {
        output.append(UInt8(ascii: "\""))
        appendEscaped(value, to: &output, forScript: forScript)
        output.append(UInt8(ascii: "\""))
    }

    /// Appends `value` escaped as inside a JSON string, without the quotes: a string written
    /// in parts this way reads as their concatenation, with no joined copy made first.
    static func appendEscaped(_ value: String, to output: inout [UInt8], forScript: Bool = false) {
        // Most strings have nothing to escape: the part before the first byte that needs it is
        // copied whole, found a word at a time.
        var value = value
        value.withUTF8 { bytes in
            let special =
                forScript
                ? WordScan.firstIndex(
                    in: bytes,
                    wordMayHold: {
                        WordScan.containsByte($0, below: 0x20) || WordScan.contains($0, 0x22)
                            || WordScan.contains($0, 0x5C) || WordScan.contains($0, 0x3C)
                            || WordScan.contains($0, 0xE2)
                    },
                    isSpecial: { needsEscaping($0) || $0 == 0x3C || $0 == 0xE2 })
                : WordScan.firstIndex(
                    in: bytes,
                    wordMayHold: {
                        WordScan.containsByte($0, below: 0x20) || WordScan.contains($0, 0x22)
                            || WordScan.contains($0, 0x5C)
                    },
                    isSpecial: needsEscaping)
            guard let special else {
                output.append(contentsOf: bytes)
                return
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<special]))
            // From the first byte that may need escaping on, byte by byte. No U+2028 starts
            // before it: its first byte is one of those looked for.
            var previous: (UInt8, UInt8) = (0, 0)
            for byte in bytes[special...] {
                switch byte {
                case UInt8(ascii: "\""): output += #"\""#.utf8
                case UInt8(ascii: "\\"): output += #"\\"#.utf8
                case 0x0A: output += #"\n"#.utf8
                case 0x0D: output += #"\r"#.utf8
                case 0x09: output += #"\t"#.utf8
                case 0x08: output += #"\b"#.utf8
                case 0x0C: output += #"\f"#.utf8
                case 0x00..<0x20: appendUnicodeEscape(UInt16(byte), to: &output)
                case UInt8(ascii: "<") where forScript: output += #"\u003c"#.utf8
                case 0xA8...0xA9 where forScript && previous == (0xE2, 0x80):
                    // U+2028 and U+2029 are E2 80 A8/A9: take back the two bytes already written.
                    output.removeLast(2)
                    appendUnicodeEscape(byte == 0xA8 ? 0x2028 : 0x2029, to: &output)
                default: output.append(byte)
                }
                previous = (previous.1, byte)
            }
        }
    }

    /// A control character, `"` or `\\`: what JSON requires escaped.
    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func appendUnicodeEscape(_ unit: UInt16, to output: inout [UInt8]) {
        output += #"\u"#.utf8
        for shift in stride(from: 12, through: 0, by: -4) {
            output.append(hexDigits[Int((unit >> UInt16(shift)) & 0xF)])
        }
    }
}

/// Whole numbers written as decimal digits straight into bytes, as `String(value)` spells
/// them: making a string of each count and copying it out cost more than the digits.
enum DecimalText {
    static func append(_ value: Int, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        let magnitude = value.magnitude
        var divisor: UInt = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            output.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude / divisor % 10))
            divisor /= 10
        }
    }
}
