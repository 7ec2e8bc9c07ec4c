import Foundation

/// Repairs text that was UTF-8, mis-decoded as Windows-1252 and saved again as UTF-8
/// (`âœ…` for ✅, `ðŸŽ¯` for 🎯).
///
/// A run is repaired only when it is a whole UTF-8 sequence once mapped back to bytes. A run
/// that lost a byte in the original mis-decoding (`ðŸ“` followed by a space) cannot be
/// recovered: it is removed from the text and reported, never guessed.
public enum MojibakeRepair {
    /// Whether `byte` occurs in the text's UTF-8, with `memchr`: every document is asked, and
    /// a generic search through the UTF-8 view cost about 30 instructions a byte.
    private static func contains(_ byte: UInt8, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return false }
            return memchr(start, Int32(byte), bytes.count) != nil
        }
    }

    public static func repair(_ text: String, path: String) -> (
        text: String, diagnostics: [Diagnostic]
    ) {
        // Every mojibake lead character (U+00C2…U+00F4) is encoded starting with byte 0xC3.
        guard contains(0xC3, in: text) else { return (text, []) }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var diagnostics: [Diagnostic] = []
        var repairsOnLine: [String] = []
        var line = 1
        var column = 1
        var lineRepairColumn = 0

        func flushLine() {
            guard !repairsOnLine.isEmpty else { return }
            diagnostics.append(
                Diagnostic(
                    .mojibakeRepaired, .note,
                    at: .init(path: path, line: line, column: lineRepairColumn),
                    "repaired mis-encoded text: \(repairsOnLine.joined(separator: ", "))"))
            repairsOnLine = []
        }

        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if let lead = windows1252Byte(scalar), let needed = continuationCount(lead: lead) {
                var bytes = [lead]
                var next = index + 1
                while bytes.count <= needed, next < scalars.count,
                    let byte = windows1252Byte(scalars[next]), (0x80...0xBF).contains(byte)
                {
                    bytes.append(byte)
                    next += 1
                }
                let original = String(String.UnicodeScalarView(scalars[index..<next]))
                if bytes.count == needed + 1,
                    let repaired = String(validating: bytes, as: UTF8.self)
                {
                    if repairsOnLine.isEmpty { lineRepairColumn = column }
                    repairsOnLine.append("'\(original)' → '\(repaired)'")
                    output.append(contentsOf: repaired.unicodeScalars)
                    column += original.utf8.count
                    index = next
                    continue
                }
                if Self.isTruncatedSignature(bytes) {
                    diagnostics.append(
                        Diagnostic(
                            .mojibakeLostBytes, .warning,
                            at: .init(path: path, line: line, column: column),
                            "mis-encoded text lost \(needed + 1 - bytes.count) of the \(needed + 1) bytes of a character "
                                + "(it reads \(Self.codePoints(original)) where one character was meant); it cannot be "
                                + "recovered and is left out of the handbook: write the intended character in the source"
                        ))
                    column += original.utf8.count
                    index = next
                    continue
                }
            }
            output.append(scalar)
            if scalar == "\n" {
                flushLine()
                line += 1
                column = 1
            } else {
                column += UTF8.width(scalar)
            }
            index += 1
        }
        flushLine()
        return (String(output), diagnostics)
    }

    /// Whether an incomplete sequence is one of mojibake's tell-tale starts: `ð` + `Ÿ` (the
    /// emoji planes, F0 9F) or `â` + `€`…`†` (punctuation and arrows, E2 80…86). Other
    /// incomplete runs, like `é—` in "café—bar", are ordinary text and left alone.
    private static func isTruncatedSignature(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2 else { return false }
        switch bytes[0] {
        case 0xF0: return bytes[1] == 0x9F
        case 0xE2: return (0x80...0x86).contains(bytes[1])
        default: return false
        }
    }

    /// `U+00F0 U+0178 U+201C`: the garbled characters named without showing them.
    static func codePoints(_ text: String) -> String {
        text.unicodeScalars.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined(separator: " ")
    }

    private static func continuationCount(lead: UInt8) -> Int? {
        switch lead {
        case 0xC2...0xDF: 1
        case 0xE0...0xEF: 2
        case 0xF0...0xF4: 3
        default: nil
        }
    }

    /// The Windows-1252 byte that decodes to `scalar`, counting the five bytes Windows-1252
    /// leaves undefined as their C1 control characters (as WHATWG decoders do).
    static func windows1252Byte(_ scalar: Unicode.Scalar) -> UInt8? {
        let value = scalar.value
        if (0xA0...0xFF).contains(value) || (0x00...0x7F).contains(value) { return UInt8(value) }
        if [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(value) { return UInt8(value) }
        return windows1252HighBytes[value]
    }

    private static let windows1252HighBytes: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86,
        0x2021: 0x87, 0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C,
        0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95,
        0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
        0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
