extension StringProtocol {
    /// Whether `word` (ASCII) occurs in the text, ignoring the case of ASCII letters. Byte by
    /// byte: lowercasing every open section's title and searching it with Foundation, for every
    /// list of a large handbook, cost more than building the list's tasks.
    func containsIgnoringASCIICase(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { needle -> Bool in
            guard let first = needle.first.map(ASCIIWord.lowercased) else { return true }
            func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
                guard bytes.count >= needle.count else { return false }
                candidates: for offset in 0...(bytes.count - needle.count)
                where ASCIIWord.lowercased(bytes[offset]) == first {
                    for index in needle.indices.dropFirst()
                    where ASCIIWord.lowercased(bytes[offset + index])
                        != ASCIIWord.lowercased(needle[index])
                    {
                        continue candidates
                    }
                    return true
                }
                return false
            }
            return utf8.withContiguousStorageIfAvailable(search)
                ?? Array(utf8).withUnsafeBufferPointer(search)
        }
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
