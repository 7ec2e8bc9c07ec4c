/// Anchors and ids made from titles the way GitHub makes heading anchors, so a link written
/// for GitHub (`PLAN.md#phase-2-staging-environment-setup`) works in the handbook too.
public enum Slug {
    /// GitHub's rule: lowercase, drop everything but letters, digits, spaces, `-` and `_`,
    /// then turn each space into `-`.
    public static func github(_ text: String) -> String {
        if let ascii = githubASCII(text) { return ascii }
        if let plain = ASCIIWord.replacingSymbols(in: text), let ascii = githubASCII(plain) {
            return ascii
        }
        var slug: [UInt8] = []
        text.lowercasedScalarwise().forEachCharacter(
            ascii: { byte in
                if byte == UInt8(ascii: " ") {
                    slug.append(UInt8(ascii: "-"))
                } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                    || ASCIIWord.isWordByte(byte)
                {
                    slug.append(byte)
                }
            },
            other: { character in
                if character == " " {
                    slug.append(UInt8(ascii: "-"))
                } else if character == "-" || character == "_" || character.isWordCharacter {
                    slug.append(contentsOf: character.utf8)
                }
            })
        return String(decoding: slug, as: UTF8.self)
    }

    /// `github` over the UTF-8 bytes when the text is all ASCII, as nearly every heading is;
    /// nil when it is not.
    /// Written straight into the string's own storage, as `compactASCII` is.
    private static func githubASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { source -> String? in
            guard !source.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: source.count) { slug in
                var count = 0
                for byte in source {
                    let lower = ASCIIWord.lowercased(byte)
                    if lower == UInt8(ascii: " ") {
                        slug[count] = UInt8(ascii: "-")
                    } else if lower == UInt8(ascii: "-") || lower == UInt8(ascii: "_")
                        || ASCIIWord.isWordByte(lower)
                    {
                        slug[count] = lower
                    } else {
                        continue
                    }
                    count += 1
                }
                return count
            }
        }
    }

    /// A compact id part: lowercase letters and digits, runs of anything else as one `-`,
    /// at most `limit` characters, cut at a word boundary.
    public static func compact(_ text: String, limit: Int = 64) -> String {
        if let ascii = compactASCII(text, limit: limit) { return ascii }
        var result = ASCIIWord.wordRuns(ofNonASCII: text, joinedBy: UInt8(ascii: "-"))
        if result.count > limit {
            let cut = result.prefix(limit)
            result = String(cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut)
        }
        return result.isEmpty ? "item" : result
    }

    /// `scope/` followed by `compact(text)`, a task's id in its scope, made as one string:
    /// joining the two cost more than making the slug.
    static func compact(_ text: String, scope: String, limit: Int = 64) -> String {
        var text = text
        var scope = scope
        let ascii = text.withUTF8 { source -> String? in
            guard !source.contains(where: { $0 >= 0x80 }) else { return nil }
            return scope.withUTF8 { prefix in
                String(unsafeUninitializedCapacity: prefix.count + 1 + max(source.count, 4)) {
                    buffer in
                    _ = buffer.initialize(fromContentsOf: prefix)
                    buffer[prefix.count] = UInt8(ascii: "/")
                    let words = UnsafeMutableBufferPointer(rebasing: buffer[(prefix.count + 1)...])
                    return prefix.count + 1 + writeCompact(source, into: words, limit: limit)
                }
            }
        }
        return ascii ?? scope + "/" + compact(text, limit: limit)
    }

    /// `compact` over the UTF-8 bytes when the text is all ASCII, as nearly every title is:
    /// the same result without a `Character` per letter. Nil when the text is not ASCII.
    private static func compactASCII(_ text: String, limit: Int) -> String? {
        var text = text
        return text.withUTF8 { source -> String? in
            guard !source.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: max(source.count, 4)) {
                writeCompact(source, into: $0, limit: limit)
            }
        }
    }

    /// Writes `compact` of ASCII `source` into `words`, which has room for
    /// `max(source.count, 4)` bytes: its words cut at the last boundary within `limit`, or
    /// `item` when it has none. Returns how many bytes it wrote.
    private static func writeCompact(
        _ source: UnsafeBufferPointer<UInt8>, into words: UnsafeMutableBufferPointer<UInt8>,
        limit: Int
    ) -> Int {
        var count = ASCIIWord.write(source, into: words, joinedBy: UInt8(ascii: "-"))
        if count > limit {
            count = words[..<limit].lastIndex(of: UInt8(ascii: "-")) ?? limit
        }
        if count == 0 {
            count = UnsafeMutableBufferPointer(rebasing: words[..<4])
                .initialize(fromContentsOf: "item".utf8)
        }
        return count
    }
}

/// Letters and digits of ASCII text, for the fast paths of ids and name comparison.
enum ASCIIWord {
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// The runs of letters and digits of `text`, lowercased, joined by one `separator`; nil
    /// when the text is not all ASCII.
    static func words(of text: String, joinedBy separator: UInt8) -> String? {
        string(of: text, joinedBy: separator)
    }

    /// The runs of letters of `text`, lowercased, joined by one space; nil when the text is
    /// not all ASCII.
    static func letterWords(of text: String) -> String? {
        string(of: text, joinedBy: UInt8(ascii: " "), keepingDigits: false)
    }

    /// The runs of letters (and digits, unless `keepingDigits` is false), lowercased, joined
    /// by one `separator`: written straight into the string's own storage (none for up to 15
    /// bytes), with no array in between. Nil when the text is not all ASCII.
    private static func string(
        of text: String, joinedBy separator: UInt8, keepingDigits: Bool = true
    ) -> String? {
        var text = text
        return text.withUTF8 { source -> String? in
            guard !source.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: source.count) { words in
                write(source, into: words, joinedBy: separator, keepingDigits: keepingDigits)
            }
        }
    }

    /// Writes the runs of letters (and digits) of ASCII `source`, lowercased and joined by
    /// `separator`, into `words`, which has room for `source.count` bytes; returns how many.
    static func write(
        _ source: UnsafeBufferPointer<UInt8>, into words: UnsafeMutableBufferPointer<UInt8>,
        joinedBy separator: UInt8, keepingDigits: Bool = true
    ) -> Int {
        var count = 0
        var pendingSeparator = false
        for byte in source {
            // Setting bit 5 lowercases a letter, and only letters land in `a`...`z` with it.
            let folded = byte | 0x20
            let isLetter = folded &- UInt8(ascii: "a") < 26
            guard isLetter || (keepingDigits && byte &- UInt8(ascii: "0") < 10) else {
                pendingSeparator = true
                continue
            }
            if pendingSeparator && count > 0 {
                words[count] = separator
                count += 1
            }
            pendingSeparator = false
            words[count] = isLetter ? folded : byte
            count += 1
        }
        return count
    }

    /// `words(of:joinedBy:)` for text that is not all ASCII: letters and digits as Unicode
    /// counts them, a character at a time (a letter with its accents is one).
    static func wordRuns(ofNonASCII text: String, joinedBy separator: UInt8) -> String {
        if let plain = replacingSymbols(in: text),
            let words = string(of: plain, joinedBy: separator)
        {
            return words
        }
        var words: [UInt8] = []
        var pendingSeparator = false
        text.lowercasedScalarwise().forEachCharacter(
            ascii: { byte in
                guard isWordByte(byte) else {
                    pendingSeparator = true
                    return
                }
                if pendingSeparator && !words.isEmpty { words.append(separator) }
                pendingSeparator = false
                words.append(byte)
            },
            other: { character in
                guard character.isWordCharacter else {
                    pendingSeparator = true
                    return
                }
                if pendingSeparator && !words.isEmpty { words.append(separator) }
                pendingSeparator = false
                words.append(contentsOf: character.utf8)
            })
        return String(decoding: words, as: UTF8.self)
    }

    /// Text that is ASCII but for symbols (`📋 Migration Phases`, `✅ Uptime`, `Step • Two`), as
    /// nearly every heading beyond ASCII is, with each symbol scalar replaced by the control
    /// byte 0x01: the ASCII paths read that as a separator and drop it, as a `Character`
    /// reading drops a symbol, which is neither a letter nor a number. Nil when any other
    /// scalar is beyond ASCII.
    ///
    /// A symbol is a scalar of `isStandaloneSymbol`; or, right after one, a scalar emoji are
    /// built with (variation selector 16, zero-width joiner, keycap, skin tone, tag), which
    /// joins its character.
    static func replacingSymbols(in text: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var afterSymbol = false
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                bytes.append(UInt8(truncatingIfNeeded: scalar.value))
                afterSymbol = false
                continue
            }
            guard isStandaloneSymbol(scalar) || (afterSymbol && isEmojiComponent(scalar)) else {
                return nil
            }
            bytes.append(0x01)
            afterSymbol = true
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A symbol or punctuation mark beyond ASCII (`✅`, `🎯`, `•`, `©`, `↓`) that is no letter
    /// (`Ⓜ` is one). Such a scalar is never whitespace or a number, and no ASCII character
    /// before or after it joins its character (a test holds this for every one of them).
    static func isStandaloneSymbol(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .otherSymbol, .otherPunctuation, .mathSymbol: return !properties.isAlphabetic
        default: return false
        }
    }

    /// Variation selector 16, zero-width joiner, combining keycap, the skin tones and the tags:
    /// what joins the emoji before it into one character.
    static func isEmojiComponent(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xFE0F, 0x200D, 0x20E3, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: true
        default: false
        }
    }

    /// A lowercase letter or a digit.
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || isLetterByte(byte)
    }

    /// A lowercase letter.
    static func isLetterByte(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
    }
}

/// Hands out unique anchors within one page, suffixing repeats with `-1`, `-2` as GitHub does.
struct AnchorRegistry {
    /// Room for a long document's headings and tasks, so the table is not grown and rehashed
    /// seven times over while a document is read.
    private var used = [String: Int](minimumCapacity: 128)

    mutating func unique(_ base: String) -> String {
        // One look-up for the common case, an anchor not yet used.
        guard let count = used.updateValue(0, forKey: base) else { return base }
        var next = count + 1
        var candidate = Self.suffixed(base, next)
        while used[candidate] != nil {
            next += 1
            candidate = Self.suffixed(base, next)
        }
        used[base] = next
        used[candidate] = 0
        return candidate
    }

    /// `base-number`, made in one piece: the interpolation appended its three parts in turn,
    /// a few hundred instructions each, three times for every repeated heading or task.
    private static func suffixed(_ base: String, _ number: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(base.utf8.count + 8)
        bytes += base.utf8
        bytes.append(UInt8(ascii: "-"))
        DecimalText.append(number, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Character {
    /// A letter or a digit, answered from the ASCII table when it can be: Unicode's property
    /// look-up is the costliest part of making ids for thousands of documents.
    var isWordCharacter: Bool {
        if let ascii = asciiValue {
            return (ascii >= 0x30 && ascii <= 0x39)
                || (ascii | 0x20 >= 0x61 && ascii | 0x20 <= 0x7A)
        }
        return isLetter || isNumber
    }
}
