extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks; native Swift, as
    /// Foundation's `trimmingCharacters(in:)` bridges through `NSString` on Linux. ASCII text is
    /// trimmed byte by byte; other text character by character.
    func trimmingWhitespace() -> String {
        let asciiTrimmed = utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var start = 0
            var end = bytes.count
            while start < end, Self.isASCIIBlank(bytes[start]) { start += 1 }
            while end > start, Self.isASCIIBlank(bytes[end - 1]) { end -= 1 }
            return String(
                decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        // The outer nil: the text is not stored contiguously; the inner: it is not ASCII.
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
            if !Self.isASCIIBlank(byte) { return false }
        }
        return true
    }

    private static func isASCIIBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}

extension Character {
    /// Whitespace, answered from the ASCII table when it can be.
    var isBlank: Bool {
        if let ascii = asciiValue { return ascii == 0x20 || (ascii >= 0x09 && ascii <= 0x0D) }
        return isWhitespace
    }
}
