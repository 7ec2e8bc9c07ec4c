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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard
            let closing = lines.indices.dropFirst().first(where: {
                let line = lines[$0].trimmingWhitespace()
                return line == "---" || line == "..."
            })
        else {
            return (FrontMatter(values: [:], body: text), [])
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        for index in 0...closing { lines[index] = "" }
        let body = lines.joined(separator: "\n")
        let read = YAMLReader.mapping(
            yaml, path: file.path, lineOffset: 1, what: "front matter", id: .frontMatterInvalid)
        var values: [String: String] = [:]
        for (key, value) in read.mapping ?? [:] {
            if let text = YAMLReader.scalarText(value) { values[key] = text }
        }
        return (FrontMatter(values: values, body: body), read.diagnostics)
    }
}
