extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks; native Swift, as
    /// Foundation's `trimmingCharacters(in:)` bridges through `NSString` on Linux.
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
            let last = lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}
