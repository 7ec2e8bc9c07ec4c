/// The escaping of GitHub Actions' workflow commands, as `@actions/core` does it: in a
/// message, `%`, CR and LF; in a property (`file=`, `title=`), `:` and `,` too.
enum WorkflowCommandText {
    static func appendMessage(_ text: String, to output: inout [UInt8]) {
        append(text, escapingSeparators: false, to: &output)
    }

    static func appendProperty(_ text: String, to output: inout [UInt8]) {
        append(text, escapingSeparators: true, to: &output)
    }

    private static func append(
        _ text: String, escapingSeparators: Bool, to output: inout [UInt8]
    ) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let escape: StaticString
                switch bytes[index] {
                case UInt8(ascii: "%"): escape = "%25"
                case UInt8(ascii: "\r"): escape = "%0D"
                case UInt8(ascii: "\n"): escape = "%0A"
                case UInt8(ascii: ":") where escapingSeparators: escape = "%3A"
                case UInt8(ascii: ",") where escapingSeparators: escape = "%2C"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                ReportBytes.append(escape, to: &output)
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }
}

/// Text in XML 1.0 content and attribute values: the five markup characters as entities, and
/// the control characters XML cannot hold at all (all but tab, LF and CR) left out.
enum XMLText {
    static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                let escape: StaticString
                switch byte {
                case UInt8(ascii: "&"): escape = "&amp;"
                case UInt8(ascii: "<"): escape = "&lt;"
                case UInt8(ascii: ">"): escape = "&gt;"
                case UInt8(ascii: "\""): escape = "&quot;"
                case UInt8(ascii: "'"): escape = "&apos;"
                case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): continue
                case ..<0x20: escape = ""
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                ReportBytes.append(escape, to: &output)
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }
}

/// A relative path as a URI reference, as Foundation's `addingPercentEncoding` writes it with
/// `urlPathAllowed` less `:` (so that no segment reads as a scheme): every other byte of the
/// UTF-8 as `%XX`.
enum URIText {
    private static let isAllowed: [Bool] = (0..<256).map { byte in
        guard byte < 0x80 else { return false }
        let scalar = Unicode.Scalar(UInt8(byte))
        return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            || ("0"..."9").contains(scalar) || "!$&'()*+,-./=@_~".unicodeScalars.contains(scalar)
    }
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    static func appendPath(_ path: String, to output: inout [UInt8]) {
        for byte in path.utf8 {
            if isAllowed[Int(byte)] {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }
}

/// Fixed text copied into a report's bytes.
enum ReportBytes {
    static func append(_ text: StaticString, to output: inout [UInt8]) {
        output.append(
            contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
