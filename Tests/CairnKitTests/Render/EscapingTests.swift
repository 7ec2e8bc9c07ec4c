import Foundation
import Testing

@testable import CairnKit

/// HTML and JSON escaping find the first byte to escape a word at a time; these tests hold
/// them to a byte-by-byte escaper over texts that put every special byte at every position
/// of an eight-byte word.
struct EscapingTests {
    /// Texts of 0 to 40 bytes mixing plain letters, every byte either escaper treats
    /// specially, control characters, U+2028 and U+2029, and other non-ASCII text.
    static let texts: [String] = {
        let pieces = [
            "a", "b", "Z", " ", "/", "&", "<", ">", "\"", "'", "\\", "\n", "\r", "\t", "\u{1}",
            "\u{1f}", "\u{7f}", "\u{2028}", "\u{2029}", "é", "✅", "👍🏽", "â€", "\u{8}", "\u{c}",
        ]
        var generator = SystemRandomNumberGenerator()
        var texts = pieces
        for length in 0...40 {
            for _ in 0..<60 {
                var text = ""
                while text.utf8.count < length {
                    // Mostly plain letters, so that special bytes land anywhere in a word.
                    text +=
                        Int.random(in: 0..<4, using: &generator) == 0
                        ? (pieces.randomElement(using: &generator) ?? "") : "x"
                }
                texts.append(text)
            }
        }
        return texts
    }()

    static func referenceHTML(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func referenceJSON(_ text: String, forScript: Bool) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: result += "\\\""
            case 0x5C: result += "\\\\"
            case 0x0A: result += "\\n"
            case 0x0D: result += "\\r"
            case 0x09: result += "\\t"
            case 0x08: result += "\\b"
            case 0x0C: result += "\\f"
            case 0..<0x20: result += String(format: "\\u%04x", scalar.value)
            case 0x3C where forScript: result += "\\u003c"
            case 0x2028 where forScript: result += "\\u2028"
            case 0x2029 where forScript: result += "\\u2029"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    @Test func `HTML escaping escapes exactly what a byte-by-byte escaper does`() {
        for text in Self.texts {
            #expect(HTMLEscaping.text(text) == Self.referenceHTML(text), "\(text.debugDescription)")
            var bytes: [UInt8] = [1, 2]
            HTMLEscaping.append(text, to: &bytes)
            #expect(bytes == [1, 2] + Array(Self.referenceHTML(text).utf8))
        }
    }

    @Test func `JSON strings are escaped exactly as a byte-by-byte escaper does`() {
        for text in Self.texts {
            for forScript in [false, true] {
                var bytes: [UInt8] = []
                JSONText.appendQuoted(text, to: &bytes, forScript: forScript)
                #expect(
                    String(decoding: bytes, as: UTF8.self)
                        == Self.referenceJSON(text, forScript: forScript),
                    "\(text.debugDescription) forScript \(forScript)")
            }
        }
    }

    @Test func `a word is flagged exactly when one of its bytes is the one looked for`() {
        for position in 0..<8 {
            for value in [0x00, 0x1F, 0x20, 0x22, 0x3C, 0x5C, 0x7F, 0x80, 0xE2, 0xFF] as [UInt8] {
                var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 8)
                bytes[position] = value
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                #expect(WordScan.contains(word, 0x22) == (value == 0x22))
                #expect(WordScan.contains(word, 0xE2) == (value == 0xE2))
                #expect(WordScan.containsByte(word, below: 0x20) == (value < 0x20))
            }
        }
    }
}
