import Foundation

/// Turns a file's bytes into text: rejects invalid UTF-8 and NUL bytes with their line and
/// column, drops a byte-order mark, and repairs mojibake.
public enum SourceTextDecoder {
    /// Decodes `bytes` read from `path`; returns nil text when the file cannot be used.
    public static func decode(_ bytes: [UInt8], path: String) -> (
        text: String?, diagnostics: [Diagnostic]
    ) {
        if let nul = bytes.firstIndex(of: 0) {
            let location = location(ofByte: nul, in: bytes, path: path)
            return (
                nil,
                [
                    Diagnostic(
                        .nulByte, .error, at: location,
                        "file contains a NUL byte; is it a binary file?")
                ]
            )
        }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidByte(in: bytes)
            let location = location(ofByte: offset, in: bytes, path: path)
            let byte = String(format: "0x%02X", bytes[min(offset, bytes.count - 1)])
            return (
                nil,
                [
                    Diagnostic(
                        .invalidUTF8, .error, at: location,
                        "invalid UTF-8 (byte \(byte)); save the file as UTF-8")
                ]
            )
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let repaired = MojibakeRepair.repair(text, path: path)
        return (repaired.text, repaired.diagnostics)
    }

    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidByte(in bytes: [UInt8]) -> Int {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return min(offset, max(bytes.count - 1, 0))
            }
        }
    }

    /// The 1-based line and byte column of `offset` in `bytes`.
    static func location(ofByte offset: Int, in bytes: [UInt8], path: String) -> Diagnostic.Location
    {
        var line = 1
        var lineStart = 0
        for index in 0..<offset where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return Diagnostic.Location(path: path, line: line, column: offset - lineStart + 1)
    }
}
