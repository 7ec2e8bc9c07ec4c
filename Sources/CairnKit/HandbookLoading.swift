import Foundation

/// Load → Parse → Model for a content folder: what `cairn build` and `cairn check` both start from.
public enum HandbookLoading {
    /// The handbook of a content folder, what reading it found wrong, and the files copied as they are.
    public struct Loaded: Sendable {
        public var handbook: Handbook
        public var diagnostics: [Diagnostic]
        public var assets: [ContentAsset]
    }

    /// - Throws: `CairnError.contentFolderMissing` or `.contentFolderIsFile` when the folder
    ///   does not exist or is a file.
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
    /// - Parameter statusFilesRead: the status record files already read, in the order of
    ///   `tree.statusFiles`; nil reads them.
    public static func load(
        _ tree: ContentTree, contentFolder: String? = nil, rendersHTML: Bool = true,
        statusFilesRead: [StatusFileReader.Read]? = nil,
        progress: (@Sendable (BuildProgress) -> Void)? = nil
    ) -> Loaded {
        var diagnostics = tree.diagnostics
        if tree.documents.isEmpty && !diagnostics.hasErrors {
            diagnostics.append(
                Diagnostic(
                    .contentEmpty, .error, at: .init(path: contentFolder ?? tree.root),
                    "no markdown documents (*.md) in the content folder; nothing to build"))
        }
        // The records are read and parsed on a thread of their own while the documents are:
        // neither keeps both cores busy to its very end alone.
        let status = BackgroundWork { readStatus(tree.statusFiles, alreadyRead: statusFilesRead) }
        let built = HandbookBuilder(rendersHTML: rendersHTML).build(
            tree, statusOnceParsed: { status.result.history }, progress: progress)
        diagnostics += status.result.diagnostics
        diagnostics += built.diagnostics
        return Loaded(
            handbook: built.handbook, diagnostics: diagnostics.sorted(), assets: tree.assets)
    }

    /// Reads and parses every status record file, on every core; each file's bytes are
    /// dropped once it is parsed, unless the caller read them and holds them.
    /// - Parameter alreadyRead: the files' bytes, in the order of `files`, when they have been
    ///   read already; nil reads them.
    public static func readStatus(
        _ files: [ContentAsset], alreadyRead: [StatusFileReader.Read]? = nil
    ) -> (history: StatusHistory, diagnostics: [Diagnostic]) {
        let reader = StatusFileReader()
        let parser = StatusRecordParser()
        let given = alreadyRead?.count == files.count ? alreadyRead : nil
        let read = ParallelMap.map(
            Array(files.indices), concurrency: ProcessInfo.processInfo.activeProcessorCount
        ) { index -> (entry: AnyStatusEntry?, diagnostics: [Diagnostic]) in
            let file = files[index]
            let read = given?[index] ?? reader.read(file)
            guard let bytes = read.bytes else { return (nil, read.diagnostics) }
            let parsed = parser.parse(bytes, path: file.path)
            return (parsed.entry, read.diagnostics + parsed.diagnostics)
        }
        return (StatusHistory(read.compactMap(\.entry)), read.flatMap(\.diagnostics))
    }
}
