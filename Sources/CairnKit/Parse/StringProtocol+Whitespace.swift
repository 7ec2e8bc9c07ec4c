extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks; native Swift, as
    /// Foundation's `trimmingCharacters(in:)` bridges through `NSString` on Linux. ASCII text is
    /// trimmed byte by byte; other text character by character.
    func trimmingWhitespace() -> String {
        let asciiTrimmed = utf8.withContiguousStorageIfAvailable { $0.trimmedAtASCIIEnds() }
        // The outer nil: the text is not stored contiguously; the inner: an end is not ASCII.
        if let trimmed = asciiTrimmed ?? nil { return trimmed }
        guard let first = firstIndex(where: { !$0.isBlank }),
            let last = lastIndex(where: { !$0.isBlank })
        else { return "" }
        return String(self[first...last])
    }

    /// Whether every character is whitespace (true for empty text), as `Character.isWhitespace`
    /// answers it; ASCII text is answered byte by byte.
    var isAllWhitespace: Bool {
        for byte in utf8 {
            if byte >= 0x80 { return allSatisfy(\.isWhitespace) }
            // An ASCII byte that is not a space starts, or follows a non-space in, a character
            // that is not whitespace.
            if !byte.isASCIIBlank { return false }
        }
        return true
    }
}

extension UInt8 {
    /// A space, tab or line break: the ASCII bytes `Character.isWhitespace` holds for.
    var isASCIIBlank: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The text without whitespace at either end, as `trimmingWhitespace` gives it, read from
    /// the bytes when what is left once ASCII blanks are cut starts and ends with ASCII or with
    /// a symbol (`✅ Uptime`): then the blanks cut were whole characters and no other whitespace
    /// stands at either end, and the text needs no trip through `Character`s. Nil when an end
    /// is something else beyond ASCII (it may be Unicode whitespace, or a mark joined to the
    /// blank before it).
    func trimmedAtASCIIEnds() -> String? {
        let trimmed = trimmingASCIIBlanks()
        guard let first = trimmed.first, let last = trimmed.last else { return "" }
        guard first < 0x80 || trimmed.startsWithSymbol, last < 0x80 || trimmed.endsWithSymbol
        else { return nil }
        return String(decoding: trimmed, as: UTF8.self)
    }

    /// Whether the first scalar is a symbol that starts a character of its own
    /// (`ASCIIWord.isStandaloneSymbol`): that character is then not whitespace, and no blank
    /// before it joins it.
    private var startsWithSymbol: Bool {
        var bytes = makeIterator()
        var decoder = Unicode.UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&bytes) else { return false }
        return ASCIIWord.isStandaloneSymbol(scalar)
    }

    /// Whether the bytes after the last ASCII one are symbols as `ASCIIWord.replacingSymbols`
    /// takes them, the first starting a character of its own: the last character then starts
    /// with a symbol and is not whitespace, and no blank after it joins it.
    private var endsWithSymbol: Bool {
        let start = (lastIndex { $0 < 0x80 } ?? -1) + 1
        var bytes = UnsafeBufferPointer(rebasing: self[start...]).makeIterator()
        var decoder = Unicode.UTF8()
        var isFirst = true
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar):
                guard
                    ASCIIWord.isStandaloneSymbol(scalar)
                        || (!isFirst && ASCIIWord.isEmojiComponent(scalar))
                else { return false }
                isFirst = false
            case .emptyInput:
                return !isFirst
            case .error:
                return false
            }
        }
    }

    /// The bytes without leading and trailing ASCII blanks.
    func trimmingASCIIBlanks() -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = count
        while start < end, self[start].isASCIIBlank { start += 1 }
        while end > start, self[end - 1].isASCIIBlank { end -= 1 }
        return UnsafeBufferPointer(rebasing: self[start..<end])
    }

    /// Whether the text the UTF-8 bytes spell is all whitespace, as `isAllWhitespace`
    /// answers it: ASCII byte by byte.
    var isAllWhitespace: Bool {
        for byte in self {
            if byte >= 0x80 { return String(decoding: self, as: UTF8.self).isAllWhitespace }
            if !byte.isASCIIBlank { return false }
        }
        return true
    }
}

extension Character {
    /// Whitespace, answered from the ASCII table when it can be.
    var isBlank: Bool {
        if let ascii = asciiValue { return ascii == 0x20 || (ascii >= 0x09 && ascii <= 0x0D) }
        return isWhitespace
    }
}
