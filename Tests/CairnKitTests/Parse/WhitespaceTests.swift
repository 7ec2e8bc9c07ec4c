import Testing

@testable import CairnKit

/// Trimming and the blank-text test answer ASCII text byte by byte; they must answer exactly as
/// `Character.isWhitespace` does, which the rest of the text still goes through.
struct WhitespaceTests {
    private static let samples =
        [
            "", " ", "\t\n", "\r\n", " a ", "  two words\t", "\u{0B}\u{0C}x\u{0C}", "a",
            " \u{A0}", "\u{A0}text\u{2003}", " \u{301}x", "x \u{301}", "\u{3000}", " café ", "✅ ",
            " \r\n done \r\n", "\u{85}", "\u{600}1", "📋 Migration Phases", "Plan 1 🎯", " a🎯b ",
            "a\u{A0}", " \u{A0}a", "\u{200B}a", "a \u{FE0F}", " \u{200D}a", " \u{301}abc ",
            " abc \u{301}",
            "\t✅ done\n", "a\u{2028}", " x é y ",
        ]
        + (0..<400).map { _ in
            // Blanks, marks, Unicode spaces, emoji and letters, mixed at the ends and inside.
            let pieces = [
                " ", "\t", "\n", "\r\n", "\u{301}", "\u{A0}", "\u{2003}", "🎯", "✅\u{FE0F}", "a",
                "é",
                "\u{200D}", "b c", "\u{FE0F}", "©", "1\u{20E3}", "\u{1F3FB}", "\u{600}", "\u{2028}",
                "•",
                "Ⓜ", "①", "↓",
            ]
            var generator = SystemRandomNumberGenerator()
            return (0..<6).compactMap { _ in pieces.randomElement(using: &generator) }.joined()
        }

    @Test func `trimming whitespace reads every text as Character does`() {
        for sample in Self.samples {
            let expected: String = {
                guard let first = sample.firstIndex(where: { !$0.isWhitespace }),
                    let last = sample.lastIndex(where: { !$0.isWhitespace })
                else { return "" }
                return String(sample[first...last])
            }()
            #expect(
                sample.trimmingWhitespace() == expected, "\(sample.unicodeScalars.map(\.value))")
            #expect(sample[...].trimmingWhitespace() == expected)
        }
    }

    @Test func `blank text is what Character calls whitespace throughout`() {
        for sample in Self.samples {
            #expect(
                sample.isAllWhitespace == sample.allSatisfy(\.isWhitespace),
                "\(sample.unicodeScalars.map(\.value))")
        }
        #expect(" \t\r\n".isAllWhitespace)
        #expect(!" a".isAllWhitespace)
    }
}
