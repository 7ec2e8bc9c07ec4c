/// Finds the first byte of interest in a buffer eight bytes at a time: most of the text a
/// build escapes into HTML and JSON has nothing to escape, and testing a word at once costs a
/// few instructions where a byte-by-byte test cost several per byte.
enum WordScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether any byte of `word` is `byte`.
    @inline(__always)
    static func contains(_ word: UInt64, _ byte: UInt8) -> Bool {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference & highBits != 0
    }

    /// Whether any byte of `word` is below `limit` (at most 128).
    @inline(__always)
    static func containsByte(_ word: UInt64, below limit: UInt8) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highBits != 0
    }

    /// The index of the first byte for which `isSpecial` holds, or nil. `wordMayHold` must be
    /// true for every word holding such a byte (it may be true for others).
    @inline(__always)
    static func firstIndex(
        in bytes: UnsafeBufferPointer<UInt8>, wordMayHold: (UInt64) -> Bool,
        isSpecial: (UInt8) -> Bool
    ) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(
                littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            if wordMayHold(word) {
                for offset in index..<index + 8 where isSpecial(bytes[offset]) { return offset }
            }
            index += 8
        }
        while index < bytes.count {
            if isSpecial(bytes[index]) { return index }
            index += 1
        }
        return nil
    }
}
