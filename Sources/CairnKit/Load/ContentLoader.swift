import Foundation

/// Reads a content folder: walks it without leaving it (a symlink that points outside the
/// root, or back into a folder already walked, is reported and skipped), decodes every
/// markdown file and `handbook.yml`, and lists the other files.
public struct ContentLoader: Sendable {
    public static let configNames = ["handbook.yml", "handbook.yaml"]
    static let markdownExtensions: Set<String> = ["md", "markdown"]
    /// The folder of status records, which are data rather than pages.
    public static let statusFolder = "status"
    /// Larger documents are refused: a plan is read by people, and one this size is a mistake
    /// that would otherwise cost minutes and gigabytes.
    public static let maximumDocumentBytes = 16 * 1_048_576

    public init() {}

    /// - Throws: `CairnError.contentFolderMissing` when `root` does not exist,
    ///   `CairnError.contentFolderIsFile` when it is a file.
    public static func requireFolder(_ root: String) throws {
        var isDirectory: ObjCBool = false
        let path = URL(fileURLWithPath: root).standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CairnError.contentFolderMissing(path: root)
        }
        guard isDirectory.boolValue else { throw CairnError.contentFolderIsFile(path: root) }
    }

    /// - Throws: `CairnError.contentFolderMissing` when `root` does not exist,
    ///   `CairnError.contentFolderIsFile` when it is a file.
    public func load(root: String) throws -> ContentTree {
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        try Self.requireFolder(root)
        let realRoot = rootURL.resolvingSymlinksInPath().path

        var tree = ContentTree(root: rootURL.path, documents: [])
        var visited: Set<String> = [realRoot]
        var toRead: [TextFile] = []
        walk(
            folder: rootURL.path, realFolder: realRoot, relative: "", realRoot: realRoot,
            visited: &visited, into: &tree, toRead: &toRead)
        // The walk only lists; the documents are read and decoded on every core.
        let read = ParallelMap.map(
            toRead, concurrency: ProcessInfo.processInfo.activeProcessorCount, Self.read)
        for (file, read) in zip(toRead, read) {
            tree.diagnostics += read.diagnostics
            guard let source = read.file else { continue }
            if file.isConfig {
                if tree.config == nil { tree.config = source }
            } else {
                tree.documents.append(source)
            }
        }
        tree.documents.sort { $0.path < $1.path }
        tree.assets.sort { $0.path < $1.path }
        tree.statusFiles.sort { $0.path < $1.path }
        return tree
    }

    /// - Parameter realFolder: `folder` with every symbolic link resolved.
    private func walk(
        folder: String, realFolder: String, relative: String, realRoot: String,
        visited: inout Set<String>, into tree: inout ContentTree, toRead: inout [TextFile]
    ) {
        guard let entries = FolderListing.entries(of: folder) else {
            tree.diagnostics.append(
                Diagnostic(
                    .contentUnreadable, .error, at: .init(path: relative.isEmpty ? "." : relative),
                    "cannot read folder: \(String(cString: strerror(errno)))"))
            return
        }
        for entry in entries where !entry.name.hasPrefix(".") {
            let name = entry.name
            let absolute = folder + "/" + name
            let path = relative.isEmpty ? name : relative + "/" + name
            guard entry.hasValidName else {
                tree.diagnostics.append(
                    Diagnostic(
                        .contentUnreadable, .error, at: .init(path: path),
                        "the name is not valid UTF-8 (� marks the bytes that are not): rename it"))
                continue
            }
            var kind = entry.kind
            // Only a link (or an entry of unknown type) needs resolving; only a folder needs
            // its real path at all (a string made for each of 40,000 files was a tenth of
            // the walk).
            var resolved: String?
            if kind == .other {
                let real = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
                resolved = real
                guard real == realRoot || real.hasPrefix(realRoot + "/") else {
                    tree.diagnostics.append(
                        Diagnostic(
                            .contentSymlinkOutside, .warning, at: .init(path: path),
                            "symbolic link points outside the content folder (to '\(real)'); skipped"
                        ))
                    continue
                }
                var status = stat()
                guard stat(real, &status) == 0 else {
                    tree.diagnostics.append(
                        Diagnostic(
                            .contentUnreadable, .warning, at: .init(path: path),
                            "broken symbolic link or vanished file; skipped"))
                    continue
                }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: kind = .folder
                case S_IFREG: kind = .file
                default:
                    // Opening a named pipe waits for a writer: read, it would hang the build.
                    tree.diagnostics.append(
                        Diagnostic(
                            .contentUnreadable, .warning, at: .init(path: path),
                            "is not a file or a folder (a named pipe, socket or device); skipped"))
                    continue
                }
            }
            if kind == .folder {
                let real = resolved ?? realFolder + "/" + name
                guard !visited.contains(real) else {
                    tree.diagnostics.append(
                        Diagnostic(
                            .contentSymlinkOutside, .warning, at: .init(path: path),
                            "symbolic link loops back to a folder already read; skipped"))
                    continue
                }
                if isStatus(path), name.lowercased().hasSuffix(".json") {
                    tree.diagnostics.append(
                        Diagnostic(
                            .statusNotARecord, .error, at: .init(path: path),
                            "is a folder, not a status record file"))
                    continue
                }
                // A site Cairn built inside the content folder (`--output content/public`) is
                // not content: read, it would be copied into the next build's output, one
                // level deeper every time.
                if FileManager.default.fileExists(atPath: real + "/" + SiteWriter.markerName) {
                    continue
                }
                visited.insert(real)
                walk(
                    folder: absolute, realFolder: real, relative: path, realRoot: realRoot,
                    visited: &visited, into: &tree, toRead: &toRead)
            } else {
                list(
                    absolute: absolute, path: path, isTopLevel: relative.isEmpty, into: &tree,
                    toRead: &toRead)
            }
        }
    }

    private func isStatus(_ path: String) -> Bool {
        path.hasPrefix(Self.statusFolder + "/")
    }

    /// A markdown file or `handbook.yml`, found by the walk and read after it.
    private struct TextFile: Sendable {
        var absolute: String
        var path: String
        var isConfig: Bool
    }

    /// Files the site copies and status records are listed; documents and the configuration
    /// are put on the list of files to read.
    private func list(
        absolute: String, path: String, isTopLevel: Bool, into tree: inout ContentTree,
        toRead: inout [TextFile]
    ) {
        if isStatus(path) {
            if path.hasSuffixIgnoringASCIICase(".json") {
                tree.statusFiles.append(ContentAsset(path: path, sourcePath: absolute))
            } else {
                tree.diagnostics.append(
                    Diagnostic(
                        .statusNotARecord, .warning, at: .init(path: path),
                        "not a status record (records are .json files); ignored"))
            }
            return
        }
        let isConfig = isTopLevel && Self.configNames.contains(path)
        guard isConfig || Self.isMarkdown(path) else {
            tree.assets.append(ContentAsset(path: path, sourcePath: absolute))
            return
        }
        toRead.append(TextFile(absolute: absolute, path: path, isConfig: isConfig))
    }

    /// Whether the file name ends in `.md` or `.markdown`, in any case (`NSPathUtilities`'
    /// `pathExtension` made a string of every path, 16,000 instructions each).
    static func isMarkdown(_ path: String) -> Bool {
        markdownExtensions.contains { path.hasSuffixIgnoringASCIICase("." + $0) }
            && !(path.split(onASCII: "/").last?.utf8.first == UInt8(ascii: "."))
    }

    /// The file's text, decoded, and what decoding it found.
    private static func read(_ file: TextFile) -> (file: SourceFile?, diagnostics: [Diagnostic]) {
        let bytes: [UInt8]
        switch FileBytes.read(file.absolute, limit: maximumDocumentBytes) {
        case .bytes(let read): bytes = read
        case .tooLarge(let size):
            return (
                nil,
                [
                    Diagnostic(
                        .contentTooLarge, .error, at: .init(path: file.path),
                        "is \(size / 1_048_576) MiB; a document may be at most \(maximumDocumentBytes / 1_048_576) MiB "
                            + "(split it into several documents)")
                ]
            )
        case .unreadable(let reason):
            return (
                nil,
                [
                    Diagnostic(
                        .contentUnreadable, .error, at: .init(path: file.path),
                        "cannot read file: \(reason)")
                ]
            )
        }
        let decoded = SourceTextDecoder.decode(bytes, path: file.path)
        return (decoded.text.map { SourceFile(path: file.path, text: $0) }, decoded.diagnostics)
    }
}
