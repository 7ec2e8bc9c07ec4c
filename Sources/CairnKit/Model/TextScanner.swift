/// Reads short plan phrases (`1-2 weeks`, `Phase 3:`, `> 99.9%`) from left to right; hand
/// written because a Swift `Regex` is parsed anew at each use and costs far more per call.
struct TextScanner {
    private(set) var rest: Substring

    init(_ text: some StringProtocol) {
        rest = Substring(text)
    }

    var isAtEnd: Bool { rest.isEmpty }

    /// Skips spaces and tabs, byte by byte; a space with a mark joined to it is not one.
    mutating func skipSpaces() {
        let bytes = rest.utf8
        var index = bytes.startIndex
        while index != bytes.endIndex, bytes[index] == 0x20 || bytes[index] == 0x09 {
            bytes.formIndex(after: &index)
        }
        guard index != bytes.startIndex else { return }
        if !moveRest(to: index) {
            // The last space and what follows it are one character: it stays.
            rest = rest[bytes.index(before: index)...]
        }
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
        return moveRest(to: index)
    }

    /// Starts the rest at `index`, one of its UTF-8 positions, if that falls between two
    /// characters; returns whether it did. Between two ASCII bytes it always does (but for a
    /// carriage return and line feed), which is told from the bytes, without Unicode's rules.
    private mutating func moveRest(to index: String.Index) -> Bool {
        let bytes = rest.utf8
        if index == bytes.endIndex
            || (index > bytes.startIndex && bytes[index] < 0x80
                && bytes[bytes.index(before: index)] < 0x80
                && bytes[bytes.index(before: index)] != 0x0D)
        {
            rest = Substring(bytes[index...])
            return true
        }
        guard let boundary = String.Index(index, within: rest) else { return false }
        rest = rest[boundary...]
        return true
    }

    /// Consumes the first of `options` the text starts with, compared byte by byte and taken
    /// only where it ends between two characters (`-` does not start `-` with a mark joined
    /// to it), as comparing characters would: none of the options is a character with another
    /// spelling.
    mutating func scan(anyOf options: [String]) -> String? {
        for option in options where rest.utf8.starts(with: option.utf8) {
            let end = rest.utf8.index(rest.startIndex, offsetBy: option.utf8.count)
            guard moveRest(to: end) else { continue }
            return option
        }
        return nil
    }

    /// The ASCII digits `text` starts with: byte by byte, unless a byte beyond ASCII follows
    /// them (it could be a mark joined to the last digit, which is then no ASCII character).
    private static func leadingDigits(of text: Substring) -> Substring {
        let bytes = text.utf8
        var end = bytes.startIndex
        while end != bytes.endIndex, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
            bytes.formIndex(after: &end)
        }
        guard end == bytes.endIndex || bytes[end] < 0x80 else {
            return text.prefix { $0.isASCII && $0.isNumber }
        }
        return text[..<end]
    }

    /// A run of ASCII digits as an integer.
    mutating func scanInteger() -> Int? {
        let digits = Self.leadingDigits(of: rest)
        guard !digits.isEmpty, let value = Int(digits) else { return nil }
        rest = rest[digits.endIndex...]
        return value
    }

    /// A decimal number such as `99.9`, `-5` or `0,1` (a decimal comma is read as a point).
    mutating func scanDecimal() -> Double? {
        var scanned = rest
        let isNegative = scanned.first == "-"
        if isNegative { scanned = scanned.dropFirst() }
        let whole = Self.leadingDigits(of: scanned)
        guard !whole.isEmpty else { return nil }
        scanned = scanned[whole.endIndex...]
        var fraction: Substring = ""
        if let separator = scanned.first, separator == "." || separator == "," {
            fraction = Self.leadingDigits(of: scanned.dropFirst())
            if !fraction.isEmpty { scanned = scanned[fraction.endIndex...] }
        }
        let value: Double
        if fraction.isEmpty, whole.utf8.count <= 15, let integer = Int(whole) {
            // Exactly what `Double` reads from the digits: a whole number below 2^53.
            value = isNegative ? -Double(integer) : Double(integer)
        } else {
            let text = (isNegative ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
            guard let parsed = Double(text) else { return nil }
            value = parsed
        }
        rest = scanned
        return value
    }

    /// A run of letters (a unit or a word): ASCII letters byte by byte, unless a byte beyond
    /// ASCII follows them (a mark joined to the last, or a letter such as `é`).
    mutating func scanLetters() -> String {
        let bytes = rest.utf8
        var end = bytes.startIndex
        while end != bytes.endIndex, ASCIIWord.isLetterByte(ASCIIWord.lowercased(bytes[end])) {
            bytes.formIndex(after: &end)
        }
        guard end == bytes.endIndex || bytes[end] < 0x80 else {
            let letters = rest.prefix { $0.isLetter }
            rest = rest.dropFirst(letters.count)
            return String(letters)
        }
        let letters = rest[..<end]
        rest = rest[end...]
        return String(letters)
    }
}
