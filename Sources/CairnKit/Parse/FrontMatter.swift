/// The YAML front matter of a markdown document (`---` … `---` at its very start).
public struct FrontMatter: Sendable, Equatable {
    /// Scalar values by key; lists and mappings are not kept.
    public var values: [String: String]
    /// The document with the front matter's lines left blank, so that markdown line numbers
    /// stay those of the file.
    public var body: String

    /// Splits `file` into front matter and markdown; a document without front matter has
    /// empty values and its whole text as body.
    public static func split(_ file: SourceFile) -> (
        frontMatter: FrontMatter, diagnostics: [Diagnostic]
    ) {
        let text = file.text
        guard text.hasPrefix("---\n") || text.hasPrefix("---\r\n") else {
            return (FrontMatter(values: [:], body: text), [])
        }
        // Walk lines only as far as the closing `---`: a long document is not split whole.
        var yamlLines: [Substring] = []
        var lineStart = text.startIndex
        var lineCount = 0
        var bodyStart: String.Index?
        while lineStart < text.endIndex {
            let lineEnd = text[lineStart...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[lineStart..<lineEnd]
            lineCount += 1
            let next = lineEnd < text.endIndex ? text.index(after: lineEnd) : text.endIndex
            if lineCount > 1 {
                let trimmed = line.trimmingWhitespace()
                if trimmed == "---" || trimmed == "..." {
                    bodyStart = lineEnd
                    break
                }
                yamlLines.append(line)
            }
            lineStart = next
        }
        guard let bodyStart else { return (FrontMatter(values: [:], body: text), []) }
        let body = String(repeating: "\n", count: lineCount - 1) + text[bodyStart...]
        if let values = plainValues(yamlLines) {
            return (FrontMatter(values: values, body: body), [])
        }
        let yaml = yamlLines.joined(separator: "\n")
        let read = YAMLReader.mapping(
            yaml, path: file.path, lineOffset: 1, what: "front matter", id: .frontMatterInvalid)
        var values: [String: String] = [:]
        for (key, value) in read.mapping ?? [:] {
            if let text = YAMLReader.scalarText(value) { values[key] = text }
        }
        return (FrontMatter(values: values, body: body), read.diagnostics)
    }

    /// The values of front matter whose every line is `key: words`: a word key, and a value
    /// of letters, digits, single spaces, `-`, `_`, `.` and `/` that starts with a letter and
    /// is not one of YAML's booleans or nulls. Such a value is a string, as YAML reads it, and
    /// nearly all front matter is like that (`title: Plan 00001`); reading it through the YAML
    /// library cost a twentieth of checking a large handbook. Nil for anything else, which the
    /// YAML library reads.
    static func plainValues(_ lines: [Substring]) -> [String: String]? {
        guard !lines.isEmpty else { return nil }
        var values: [String: String] = [:]
        for line in lines {
            let bytes = line.utf8
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let key = bytes[..<colon]
            guard let first = key.first, isLetter(first) || first == UInt8(ascii: "_"),
                key.allSatisfy({ isLetterOrDigit($0) || $0 == 0x5F || $0 == 0x2D })
            else { return nil }
            let afterColon = bytes[bytes.index(after: colon)...]
            guard afterColon.first == UInt8(ascii: " ") else { return nil }
            let value = afterColon.drop { $0 == UInt8(ascii: " ") }
            guard let start = value.first, isLetter(start), value.last != UInt8(ascii: " "),
                // Besides letters and digits: space - _ . /
                value.allSatisfy({
                    isLetterOrDigit($0) || [0x20, 0x2D, 0x5F, 0x2E, 0x2F].contains($0)
                }),
                !zip(value, value.dropFirst()).contains(where: {
                    $0 == UInt8(ascii: " ") && $1 == UInt8(ascii: " ")
                })
            else { return nil }
            let text = String(decoding: value, as: UTF8.self)
            guard !yamlWords.contains(text) else { return nil }
            let name = String(decoding: key, as: UTF8.self)
            guard values.updateValue(text, forKey: name) == nil else { return nil }
        }
        return values
    }

    /// Plain words YAML reads as a boolean or as null, in the spellings it accepts.
    private static let yamlWords: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE",
        "false", "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
    ]

    private static func isLetter(_ byte: UInt8) -> Bool {
        isLetterOrDigit(byte) && !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isLetterOrDigit(_ byte: UInt8) -> Bool {
        ASCIIWord.isWordByte(ASCIIWord.lowercased(byte))
    }
}
