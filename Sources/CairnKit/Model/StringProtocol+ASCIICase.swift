extension StringProtocol {
    /// Whether `word` (ASCII) occurs in the text, ignoring the case of ASCII letters. Byte by
    /// byte: lowercasing every open section's title and searching it with Foundation, for every
    /// list of a large handbook, cost more than building the list's tasks.
    func containsIgnoringASCIICase(_ word: String) -> Bool {
        let folded = ASCIIWord.lowercased
        let needle = word.utf8.map(folded)
        guard let first = needle.first else { return true }
        func search(_ bytes: some RandomAccessCollection<UInt8>) -> Bool {
            guard bytes.count >= needle.count else { return false }
            let start = bytes.startIndex
            for offset in 0...(bytes.count - needle.count) {
                let from = bytes.index(start, offsetBy: offset)
                guard folded(bytes[from]) == first else { continue }
                if zip(bytes[from...].dropFirst(), needle.dropFirst()).allSatisfy({
                    folded($0) == $1
                }) {
                    return true
                }
            }
            return false
        }
        return utf8.withContiguousStorageIfAvailable(search) ?? search(Array(utf8))
    }

    /// Whether the text ends with `word` (lowercase ASCII), ignoring the case of the text.
    func hasSuffixIgnoringASCIICase(_ word: String) -> Bool {
        let bytes = utf8
        guard bytes.count >= word.utf8.count else { return false }
        return zip(bytes.suffix(word.utf8.count), word.utf8).allSatisfy { byte, expected in
            ASCIIWord.lowercased(byte) == expected
        }
    }
}
