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
        let yaml = yamlLines.joined(separator: "\n")
        let body = String(repeating: "\n", count: lineCount - 1) + text[bodyStart...]
        let read = YAMLReader.mapping(
            yaml, path: file.path, lineOffset: 1, what: "front matter", id: .frontMatterInvalid)
        var values: [String: String] = [:]
        for (key, value) in read.mapping ?? [:] {
            if let text = YAMLReader.scalarText(value) { values[key] = text }
        }
        return (FrontMatter(values: values, body: body), read.diagnostics)
    }
}
