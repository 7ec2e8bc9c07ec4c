import Foundation

/// Builds the `Handbook` from a loaded content tree: parses each document, reads the
/// configuration, orders the documents.
public struct HandbookBuilder: Sendable {
    /// Whether documents keep their body HTML and the handbook has its runbooks; `cairn check`
    /// has no use for either.
    public var rendersHTML: Bool
    /// How many documents are parsed and modelled at once. Only cmark's inline pass, which
    /// Debian's libcmark-gfm cannot run twice at once, is serialized (in `MarkdownParser`).
    public var concurrency: Int

    public init(
        rendersHTML: Bool = true, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.rendersHTML = rendersHTML
        self.concurrency = max(1, concurrency)
    }

    /// - Parameters:
    ///   - status: the status records, already read and parsed.
    ///   - progress: told as documents are read, from any thread.
    public func build(
        _ tree: ContentTree, status: StatusHistory = .empty,
        progress: (@Sendable (BuildProgress) -> Void)? = nil
    ) -> (handbook: Handbook, diagnostics: [Diagnostic]) {
        build(tree, statusOnceParsed: { status }, progress: progress)
    }

    /// - Parameter statusOnceParsed: asked for the status records once every document is
    ///   parsed, so that they can be read on another thread meanwhile.
    public func build(
        _ tree: ContentTree, statusOnceParsed: () -> StatusHistory,
        progress: (@Sendable (BuildProgress) -> Void)? = nil
    ) -> (handbook: Handbook, diagnostics: [Diagnostic]) {
        let counter = progress.map {
            ProgressCounter(.reading, total: tree.documents.count, listener: $0)
        }
        var (config, diagnostics) = HandbookConfigParser.parse(tree.config)
        var parser = MarkdownParser(allowsRawHTML: config.allowsRawHTML)
        parser.rendersHTML = rendersHTML
        let built = ParallelMap.map(tree.documents, concurrency: concurrency) {
            [parser, counter] file in
            let split = FrontMatter.split(file)
            let parsed = parser.parse(
                split.frontMatter.body, rewriteDestination: PagePath.rewriteLink)
            var builder = DocumentBuilder(path: file.path)
            defer { counter?.advance() }
            return (
                builder.build(frontMatter: split.frontMatter, parsed: parsed), split.diagnostics
            )
        }
        var documents = built.map(\.0)
        diagnostics += built.flatMap(\.1)
        let known = Set(documents.map(\.path))
        for path in config.documentOrder where !known.contains(path) {
            diagnostics.append(
                Diagnostic(
                    .configUnknownDocument, .warning,
                    at: config.location ?? .init(path: "handbook.yml"),
                    "'documents' lists '\(path)', which is not a markdown file in the content folder"
                ))
        }
        config.documentOrder = config.documentOrder.filter(known.contains)
        let rank = Dictionary(
            config.documentOrder.enumerated().map { ($1, $0) },
            uniquingKeysWith: { first, _ in first })
        documents.sort { lhs, rhs in
            (rank[lhs.path] ?? Int.max, lhs.path) < (rank[rhs.path] ?? Int.max, rhs.path)
        }
        let title = config.title ?? documents.first?.title ?? "Handbook"
        return (
            Handbook(
                title: title, config: config, documents: documents, status: statusOnceParsed(),
                derivesRunbooks: rendersHTML),
            diagnostics
        )
    }
}
