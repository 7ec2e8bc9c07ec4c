/// Reads short plan phrases (`1-2 weeks`, `Phase 3:`, `> 99.9%`) from left to right; hand
/// written because a Swift `Regex` is parsed anew at each use and costs far more per call.
struct TextScanner {
    private(set) var rest: Substring

    init(_ text: some StringProtocol) {
        rest = Substring(text)
    }

    var isAtEnd: Bool { rest.isEmpty }

    mutating func skipSpaces() {
        rest = rest.drop { $0 == " " || $0 == "\t" }
    }

    /// Consumes `prefix` if the text starts with it, ignoring the case of ASCII letters (every
    /// prefix Cairn scans for is ASCII). Byte by byte: counting or lowercasing characters of a
    /// whole heading, once for every heading, cost more than reading the rest of it.
    mutating func scan(caseInsensitive prefix: String) -> Bool {
        let folded = ASCIIWord.lowercased
        let bytes = rest.utf8
        var index = bytes.startIndex
        for expected in prefix.utf8 {
            guard index != bytes.endIndex, folded(bytes[index]) == folded(expected) else {
                return false
            }
            bytes.formIndex(after: &index)
        }
        // The match ends between two characters: "phase" does not start "phasé" written with a
        // combining accent.
        guard let end = String.Index(index, within: rest) else { return false }
        rest = rest[end...]
        return true
    }

    /// Consumes the first of `options` the text starts with.
    mutating func scan(anyOf options: [String]) -> String? {
        for option in options where rest.hasPrefix(option) {
            rest = rest.dropFirst(option.count)
            return option
        }
        return nil
    }

    /// A run of ASCII digits as an integer.
    mutating func scanInteger() -> Int? {
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let value = Int(digits) else { return nil }
        rest = rest.dropFirst(digits.count)
        return value
    }

    /// A decimal number such as `99.9`, `-5` or `0,1` (a decimal comma is read as a point).
    mutating func scanDecimal() -> Double? {
        var text = ""
        var scanned = rest
        if scanned.first == "-" {
            text.append("-")
            scanned = scanned.dropFirst()
        }
        let whole = scanned.prefix { $0.isASCII && $0.isNumber }
        guard !whole.isEmpty else { return nil }
        text += whole
        scanned = scanned.dropFirst(whole.count)
        if let separator = scanned.first, separator == "." || separator == "," {
            let fraction = scanned.dropFirst().prefix { $0.isASCII && $0.isNumber }
            if !fraction.isEmpty {
                text += "." + fraction
                scanned = scanned.dropFirst(1 + fraction.count)
            }
        }
        guard let value = Double(text) else { return nil }
        rest = scanned
        return value
    }

    /// A run of letters (a unit or a word).
    mutating func scanLetters() -> String {
        let letters = rest.prefix { $0.isLetter }
        rest = rest.dropFirst(letters.count)
        return String(letters)
    }
}
