/// Load → Parse → Model for a content folder: what `cairn build` and `cairn check` both start from.
public enum HandbookLoading {
    /// The handbook of a content folder, what reading it found wrong, and the files copied as they are.
    public struct Loaded: Sendable {
        public var handbook: Handbook
        public var diagnostics: [Diagnostic]
        public var assets: [ContentAsset]
    }

    /// - Throws: `CairnError.contentFolderMissing` when the folder does not exist.
    /// - Parameter rendersHTML: false for a check, which reads the model only.
    /// - Parameter progress: told as documents are read, from any thread.
    public static func load(
        contentFolder: String, rendersHTML: Bool = true,
        progress: (@Sendable (BuildProgress) -> Void)? = nil
    ) throws -> Loaded {
        load(
            try ContentLoader().load(root: contentFolder), contentFolder: contentFolder,
            rendersHTML: rendersHTML, progress: progress)
    }

    /// The handbook of a content folder already read.
    public static func load(
        _ tree: ContentTree, contentFolder: String? = nil, rendersHTML: Bool = true,
        progress: (@Sendable (BuildProgress) -> Void)? = nil
    ) -> Loaded {
        var diagnostics = tree.diagnostics
        if tree.documents.isEmpty && !diagnostics.hasErrors {
            diagnostics.append(
                Diagnostic(
                    .contentEmpty, .error, at: .init(path: contentFolder ?? tree.root),
                    "no markdown documents (*.md) in the content folder; nothing to build"))
        }
        let status = readStatus(tree.statusFiles)
        diagnostics += status.diagnostics
        let built = HandbookBuilder(rendersHTML: rendersHTML).build(
            tree, status: status.history, progress: progress)
        diagnostics += built.diagnostics
        return Loaded(
            handbook: built.handbook, diagnostics: diagnostics.sorted(), assets: tree.assets)
    }

    /// Reads and parses every status record file, one at a time.
    public static func readStatus(_ files: [ContentAsset]) -> (
        history: StatusHistory, diagnostics: [Diagnostic]
    ) {
        var entries: [AnyStatusEntry] = []
        var diagnostics: [Diagnostic] = []
        let reader = StatusFileReader()
        let parser = StatusRecordParser()
        for file in files {
            let read = reader.read(file)
            diagnostics += read.diagnostics
            guard let bytes = read.bytes else { continue }
            let parsed = parser.parse(bytes, path: file.path)
            diagnostics += parsed.diagnostics
            if let entry = parsed.entry { entries.append(entry) }
        }
        return (StatusHistory(entries), diagnostics)
    }
}
