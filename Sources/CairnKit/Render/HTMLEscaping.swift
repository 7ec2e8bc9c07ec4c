/// Escapes text for HTML element content and quoted attribute values.
enum HTMLEscaping {
    static func text(_ value: String) -> String {
        // Most text has nothing to escape: hand it back without copying.
        var probe = value
        guard probe.withUTF8({ firstSpecial(in: $0) != nil }) else { return value }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 16)
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func attribute(_ value: String) -> String { text(value) }

    /// Appends `value` escaped: what `{{name}}` in a template renders. Text with nothing to
    /// escape is copied whole.
    static func append(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { utf8 in
            guard let special = firstSpecial(in: utf8) else {
                bytes.append(contentsOf: utf8)
                return
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<special]))
            for byte in utf8[special...] {
                switch byte {
                case UInt8(ascii: "&"): bytes += "&amp;".utf8
                case UInt8(ascii: "<"): bytes += "&lt;".utf8
                case UInt8(ascii: ">"): bytes += "&gt;".utf8
                case UInt8(ascii: "\""): bytes += "&quot;".utf8
                case UInt8(ascii: "'"): bytes += "&#39;".utf8
                default: bytes.append(byte)
                }
            }
        }
    }

    /// The first byte to escape, found a word at a time.
    private static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        WordScan.firstIndex(
            in: bytes,
            wordMayHold: {
                WordScan.contains($0, UInt8(ascii: "&")) || WordScan.contains($0, UInt8(ascii: "<"))
                    || WordScan.contains($0, UInt8(ascii: ">"))
                    || WordScan.contains($0, UInt8(ascii: "\""))
                    || WordScan.contains($0, UInt8(ascii: "'"))
            },
            isSpecial: needsEscaping)
    }

    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""),
            UInt8(ascii: "'"):
            true
        default: false
        }
    }
}
