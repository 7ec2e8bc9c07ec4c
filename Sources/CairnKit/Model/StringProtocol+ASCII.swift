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
        let count = word.utf8.count
        guard bytes.count >= count else { return false }
        // Compared in place, without a suffix view of each and a zip of the two.
        var position = bytes.index(bytes.startIndex, offsetBy: bytes.count - count)
        for expected in word.utf8 {
            guard ASCIIWord.lowercased(bytes[position]) == expected else { return false }
            position = bytes.index(after: position)
        }
        return true
    }
}

extension StringProtocol {
    /// `lowercased()`, scalar by scalar as the standard library does it, with ASCII letters
    /// lowered in place. For text that is not all ASCII (a heading with one emoji), the
    /// standard library makes a string of every scalar's lowercase mapping: 11,000
    /// instructions for a 30-letter title.
    func lowercasedScalarwise() -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if scalar.isASCII {
                bytes.append(ASCIIWord.lowercased(UInt8(truncatingIfNeeded: scalar.value)))
            } else {
                bytes.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension StringProtocol where SubSequence == Substring {
    /// `split(separator:maxSplits:omittingEmptySubsequences:)` for an ASCII separator, the same
    /// pieces, found among the bytes when the text has no carriage return and is ASCII (where
    /// every byte is a character) or the separator is a control character such as a line
    /// feed (which Unicode always sets apart as a character of its own, whatever stands around
    /// it). Splitting by `Character` costs about 200 instructions per letter; paths and names
    /// are split for every link, record and step of a handbook.
    func split(
        onASCII separator: Character, maxSplits: Int = Int.max,
        omittingEmptySubsequences: Bool = true
    ) -> [Substring] {
        let characterSplit = {
            split(
                separator: separator, maxSplits: maxSplits,
                omittingEmptySubsequences: omittingEmptySubsequences)
        }
        guard let separatorByte = separator.asciiValue, separatorByte != 0x0D,
            separator.utf8.count == 1
        else {
            return characterSplit()
        }
        let separatorIsControl = separatorByte < 0x20 || separatorByte == 0x7F
        let pieceOffsets = utf8.withContiguousStorageIfAvailable {
            bytes -> [Range<Int>]? in
            var pieces: [Range<Int>] = []
            var pieceStart = 0
            var isSplitting = maxSplits > 0 && !bytes.isEmpty
            for (offset, byte) in bytes.enumerated() {
                guard byte < 0x80 || separatorIsControl, byte != 0x0D else { return nil }
                guard isSplitting, byte == separatorByte else { continue }
                if !(omittingEmptySubsequences && pieceStart == offset) {
                    pieces.append(pieceStart..<offset)
                    if pieces.count == maxSplits { isSplitting = false }
                }
                pieceStart = offset + 1
            }
            if pieceStart != bytes.count || !omittingEmptySubsequences {
                pieces.append(pieceStart..<bytes.count)
            }
            return pieces
        }
        guard let pieceOffsets = pieceOffsets ?? nil else { return characterSplit() }
        return pieceOffsets.map { piece in
            let start = utf8.index(startIndex, offsetBy: piece.lowerBound)
            let end = utf8.index(start, offsetBy: piece.count)
            return self[start..<end]
        }
    }
}

extension String {
    /// The text's characters in order, as iterating it gives them: each one-byte character
    /// handed to `ascii` as its byte, every other one (CR LF too) to `other`. Only the stretches
    /// around non-ASCII bytes are split into characters by Unicode's rules; the ASCII bytes
    /// between them are characters of their own, found without that work.
    ///
    /// A stretch takes in the ASCII bytes next to its non-ASCII ones (a combining mark belongs
    /// to the letter before it) and both bytes of a CR LF pair, so it begins and ends where
    /// two ASCII characters meet: always a boundary between characters.
    @inline(__always)
    func forEachCharacter(ascii: (UInt8) -> Void, other: (Character) -> Void) {
        let handled = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            let count = bytes.count
            func isNonASCII(_ offset: Int) -> Bool {
                offset >= 0 && offset < count && bytes[offset] >= 0x80
            }
            func touchesNonASCII(_ offset: Int) -> Bool {
                isNonASCII(offset - 1) || isNonASCII(offset) || isNonASCII(offset + 1)
            }
            func needsCharacters(_ offset: Int) -> Bool {
                if touchesNonASCII(offset) { return true }
                if bytes[offset] == 0x0A, offset > 0, bytes[offset - 1] == 0x0D {
                    return touchesNonASCII(offset - 1)
                }
                if bytes[offset] == 0x0D, offset + 1 < count, bytes[offset + 1] == 0x0A {
                    return touchesNonASCII(offset + 1)
                }
                return false
            }
            var offset = 0
            while offset < count {
                guard needsCharacters(offset) else {
                    if bytes[offset] == 0x0D, offset + 1 < count, bytes[offset + 1] == 0x0A {
                        other("\r\n")
                        offset += 2
                    } else {
                        ascii(bytes[offset])
                        offset += 1
                    }
                    continue
                }
                var end = offset + 1
                while end < count && needsCharacters(end) { end += 1 }
                let start = utf8.index(startIndex, offsetBy: offset)
                for character in self[start..<utf8.index(start, offsetBy: end - offset)] {
                    other(character)
                }
                offset = end
            }
            return true
        }
        guard handled == nil else { return }
        for character in self {
            if character.utf8.count == 1, let byte = character.utf8.first {
                ascii(byte)
            } else {
                other(character)
            }
        }
    }
}
