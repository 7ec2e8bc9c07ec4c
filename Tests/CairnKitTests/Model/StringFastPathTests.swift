import Testing

@testable import CairnKit

/// The byte-wise shortcuts for splitting and lowercasing must give exactly what the standard
/// library's character-wise versions give, on ASCII text and on text that takes the slow path.
struct StringFastPathTests {
    static let texts = [
        "", "/", "//", "a", "plans/X.md", "/plans//X.md/", "a,b,,c,", ",,", "one two  three ",
        "ÉTAPE/Café.md", "Tabs\tand\r\nbreaks\n", "line\r\nline\nline", "x\u{301}/y", "/\u{338}a/b",
        "🇺🇸 flag/🎯 goal", "GUIDE.md#setup#again", "#", "İstanbul ΣΑΣ Straße",
        "Start\n↓\nDone\u{301}\n\u{301}after\n", "a\t\u{301}b\tc", "line\n\n🎯\n",
    ]

    @Test func `splitting on an ASCII separator gives the pieces the character split gives`() {
        for text in Self.texts {
            for separator: Character in ["/", ",", " ", "#", "\n", "\t", "."] {
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

    @Test func `a title loses its leading number, unless it is nothing but a number`() {
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

    /// Pieces that make grapheme breaking hard: combining marks on ASCII letters, CR LF,
    /// emoji sequences, flags, a prepended Arabic sign, Hangul jamo, and plain ASCII.
    static let pieces = [
        "a", "Z", "7", " ", "-", "_", ".", ":", "\r", "\n", "\r\n", "\u{301}", "e\u{301}", "É",
        "👍🏽", "👩‍👩‍👧", "🇺🇸", "\u{600}", "\u{600}1", "\u{1100}\u{1161}", "📋", "✅", "½", "٣", "İ",
        "ß", "\u{200D}", "\t", "Phase 2", "ðŸŽ¯",
        // Symbols as headings carry them, and what may join one: variation selector, keycap,
        // skin tone, tags, a mark; symbols that are letters (Ⓜ) or numbers (Ⅻ, ①).
        "🎯", "©", "‼", "•", "\u{FE0F}", "✔\u{FE0F}", "1\u{20E3}", "#\u{FE0F}\u{20E3}", "↓",
        "\u{1F3FB}", "🏴\u{E0067}\u{E0062}\u{E007F}", "Ⓜ", "Ⅻ", "①", "🎯\u{301}", "\u{E0067}",
    ]

    /// `count` texts of one to eight pieces each, picked at random.
    private static func randomMixes(_ count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...8, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
        }
    }

    /// The characters of a text, as `forEachCharacter` hands them over.
    private func characters(of text: String) -> [String] {
        var found: [String] = []
        text.forEachCharacter(
            ascii: { found.append(String(UnicodeScalar($0))) },
            other: { found.append(String($0)) })
        return found
    }

    @Test func `characters come out as iterating the text gives them, ASCII ones as bytes`() {
        let texts = Self.texts + Self.pieces + Self.randomMixes(2000)
        for text in texts {
            #expect(characters(of: text) == text.map(String.init), "\(text.debugDescription)")
        }
    }

    @Test func `ids and step names of non-ASCII titles are what a character-wise reading gives`() {
        func githubByCharacter(_ text: String) -> String {
            var result = ""
            for character in text.lowercased() {
                if character == " " {
                    result.append("-")
                } else if character == "-" || character == "_" || character.isLetter
                    || character.isNumber
                {
                    result.append(character)
                }
            }
            return result
        }
        func wordRunsByCharacter(_ text: String, _ separator: String) -> String {
            String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : " " })
                .split(separator: " ").joined(separator: separator)
        }
        let texts = Self.texts + Self.pieces + Self.randomMixes(2000)
        for text in texts {
            #expect(
                Slug.github(text).unicodeScalars.elementsEqual(
                    githubByCharacter(text).unicodeScalars),
                "\(text.debugDescription)")
            let words = wordRunsByCharacter(text, " ")
            #expect(
                StepName.normalized(text).unicodeScalars.elementsEqual(words.unicodeScalars),
                "\(text.debugDescription)")
            let compact = wordRunsByCharacter(text, "-")
            #expect(
                Slug.compact(text, limit: 1000).unicodeScalars.elementsEqual(
                    (compact.isEmpty ? "item" : compact).unicodeScalars),
                "\(text.debugDescription)")
        }
    }

    @Test func `symbols in otherwise ASCII text are read byte by byte as separators`() {
        #expect(ASCIIWord.replacingSymbols(in: "📋 Migration Phases") == "\u{1} Migration Phases")
        #expect(ASCIIWord.replacingSymbols(in: "Go-live ✅️ 🚀 •") == "Go-live \u{1}\u{1} \u{1} \u{1}")
        #expect(Slug.github("📋 Migration Phases") == "-migration-phases")
        #expect(StepName.normalized("Phase 1: Prep ✅") == "phase 1 prep")
        // A letter, a mark or a joiner after ASCII takes the character-wise reading.
        for text in ["Café ✅", "e\u{301} 🎯", "a\u{200D}🎯", "Ⓜ 🎯", "\u{FE0F}x", "a\u{1F3FB}"] {
            #expect(ASCIIWord.replacingSymbols(in: text) == nil, "\(text.debugDescription)")
        }
    }

    @Test func `no symbol is a number or whitespace, or joins a letter, in this Unicode`() {
        var symbols = 0
        for value in 0x80...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), ASCIIWord.isStandaloneSymbol(scalar) else {
                continue
            }
            symbols += 1
            let character = Character(scalar)
            let name = "U+\(String(value, radix: 16))"
            #expect(
                !character.isLetter && !character.isNumber && !character.isWhitespace, "\(name)")
            #expect(
                ("a" + String(scalar)).count == 2 && (String(scalar) + "a").count == 2, "\(name)")
        }
        #expect(symbols > 8000)
    }

    @Test func `a task id made in one piece is its scope, a slash and the compact slug`() {
        let long = String(repeating: "word ", count: 30)
        let texts =
            Self.texts + Self.pieces + Self.randomMixes(500) + [
                "", "!!!", long, long + "x", "Test backup restoration", "A" + long, "é" + long,
            ]
        for text in texts {
            for scope in ["phase-3", "pre-deployment", "", "ümlaut-scope"] {
                for limit in [64, 5, 1000] {
                    #expect(
                        Slug.compact(text, scope: scope, limit: limit)
                            == scope + "/" + Slug.compact(text, limit: limit),
                        "\(text.debugDescription) in \(scope)")
                }
            }
        }
    }

    @Test func `whole numbers are written with the digits String gives them`() {
        for value in [0, 1, 9, 10, 99, 100, 12_345, -1, -10, Int.max, Int.min, 1_000_000_000_000] {
            var bytes: [UInt8] = []
            DecimalText.append(value, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == String(value))
        }
    }

    @Test func `spaces, signs and letters are scanned as reading characters would`() {
        let options = ["<=", ">=", "≤", "≥", "<", ">", "=", "-", "–", "—", ":", ".", ")"]
        func byCharacter(_ text: String) -> (option: String?, letters: String, rest: String) {
            var rest = Substring(text)
            var found: String?
            for option in options where rest.hasPrefix(option) {
                rest = rest.dropFirst(option.count)
                found = option
                break
            }
            let letters = rest.prefix { $0.isLetter }
            return (found, String(letters), String(rest.dropFirst(letters.count)))
        }
        let starts =
            options + [
                "", "weeks", "hrs", "w", "<=\u{338}", "-\u{301}", "–\u{301}", "  ", " \t ",
                " \u{301}", "  \u{301}x", "\t",
            ]
        let texts =
            Self.texts + Self.pieces + Self.randomMixes(300) + [
                "weeks", "wéeks", "we\u{301}eks 2", "hrs.", "Ω", "days\u{301}", "h\u{301}", "",
            ]
        for start in starts {
            for text in texts {
                var scanner = TextScanner(start + text)
                var spaced = TextScanner(start + text)
                spaced.skipSpaces()
                #expect(
                    String(spaced.rest) == String((start + text).drop { $0 == " " || $0 == "\t" }),
                    "\((start + text).debugDescription)")
                let option = scanner.scan(anyOf: options)
                let letters = scanner.scanLetters()
                let expected = byCharacter(start + text)
                #expect(
                    option == expected.option && letters == expected.letters
                        && String(scanner.rest) == expected.rest,
                    "\((start + text).debugDescription)")
            }
        }
    }

    @Test func `numbers are read from their digits, and a digit under a mark ends them`() {
        func decimal(_ text: String) -> (Double?, String) {
            var scanner = TextScanner(text)
            let value = scanner.scanDecimal()
            return (value, String(scanner.rest))
        }
        let cases: [(String, Double?, String)] = [
            ("2-3 weeks", 2, "-3 weeks"), ("99.9%", 99.9, "%"), ("0,5 h", 0.5, " h"),
            ("-5 ms", -5, " ms"), ("007", 7, ""), ("1.", 1, "."), ("x1", nil, "x1"),
            ("1234567890123456789", 1_234_567_890_123_456_789, ""),
            ("7\u{301}", nil, "7\u{301}"), ("12\u{301}", 1, "2\u{301}"),
            ("1.5\u{301}", 1, ".5\u{301}"), ("3\u{FF10}", 3, "\u{FF10}"),
        ]
        for (text, value, rest) in cases {
            let (read, left) = decimal(text)
            #expect(read == value && left == rest, "\(text.debugDescription)")
        }
        var negativeZero = TextScanner("-0")
        #expect(negativeZero.scanDecimal()?.sign == .minus)
        var integer = TextScanner("42\u{301}")
        #expect(integer.scanInteger() == 4)
        #expect(
            Estimate(parsing: "2–3 weeks")
                == Estimate(text: "2–3 weeks", minimumDays: 14, maximumDays: 21))
    }
}
