import Testing

@testable import CairnKit

/// The byte-wise shortcuts for splitting and lowercasing must give exactly what the standard
/// library's character-wise versions give, on ASCII text and on text that takes the slow path.
struct StringFastPathTests {
    static let texts = [
        "", "/", "//", "a", "plans/X.md", "/plans//X.md/", "a,b,,c,", ",,", "one two  three ",
        "ÉTAPE/Café.md", "Tabs\tand\r\nbreaks\n", "line\r\nline\nline", "x\u{301}/y", "/\u{338}a/b",
        "🇺🇸 flag/🎯 goal", "GUIDE.md#setup#again", "#", "İstanbul ΣΑΣ Straße",
    ]

    @Test func `splitting on an ASCII separator gives the pieces the character split gives`() {
        for text in Self.texts {
            for separator: Character in ["/", ",", " ", "#", "\n", "."] {
                for maxSplits in [0, 1, 2, Int.max] {
                    for omitting in [true, false] {
                        let expected = text.split(
                            separator: separator, maxSplits: maxSplits,
                            omittingEmptySubsequences: omitting)
                        let found = text.split(
                            onASCII: separator, maxSplits: maxSplits,
                            omittingEmptySubsequences: omitting)
                        #expect(
                            found == expected,
                            "\(text.debugDescription) on \(separator.debugDescription), \(maxSplits), \(omitting)"
                        )
                        let substring = text.dropFirst()
                        #expect(
                            substring.split(onASCII: separator, maxSplits: maxSplits)
                                == substring.split(separator: separator, maxSplits: maxSplits))
                    }
                }
            }
        }
    }

    @Test func `lowercasing scalar by scalar gives what lowercased gives`() {
        for text in Self.texts + ["ǅUNGLA", "ＡＢＣ", "Ω and ℃", "ÀÉÎÕÜ 🎯 Phase 2"] {
            #expect(text.lowercasedScalarwise() == text.lowercased(), "\(text.debugDescription)")
            #expect(
                text.lowercasedScalarwise().unicodeScalars.elementsEqual(
                    text.lowercased().unicodeScalars))
        }
    }

    @Test func `a title loses its leading number however the number is written, unless it is all number`() {
        let expected = [
            "4.1: Pre-Migration": "Pre-Migration", "2. Setup": "Setup", "12) Rollback": "Rollback",
            "Setup": "Setup", "2024": "2024", "3.": "3.", "1.2.3 Deep": "Deep",
            "1½: Half": "Half", "١٢: Arabic digits": "Arabic digits", "4.1:\tTabbed ": "Tabbed",
            "7\u{301}: accented digit": "accented digit", "5 🎯 Goal": "🎯 Goal",
        ]
        for (title, unnumbered) in expected {
            #expect(Runbook.cleanTitle(title) == unnumbered, "\(title.debugDescription)")
        }
    }
}
