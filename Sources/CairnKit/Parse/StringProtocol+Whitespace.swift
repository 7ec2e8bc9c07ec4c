extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks; native Swift, as
    /// Foundation's `trimmingCharacters(in:)` bridges through `NSString` on Linux.
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isBlank }),
            let last = lastIndex(where: { !$0.isBlank })
        else { return "" }
        return String(self[first...last])
    }
}

extension Character {
    /// Whitespace, answered from the ASCII table when it can be.
    var isBlank: Bool {
        if let ascii = asciiValue { return ascii == 0x20 || (ascii >= 0x09 && ascii <= 0x0D) }
        return isWhitespace
    }
}
