import Foundation

/// Everything read from a content folder: the documents, the optional `handbook.yml`, and the
/// other files that are copied into the site as they are.
public struct ContentTree: Sendable {
    public var root: String
    public var documents: [SourceFile]
    public var config: SourceFile?
    /// Files copied verbatim (images, attachments): path relative to the root, and where to read it.
    public var assets: [ContentAsset]
    /// The status records under `status/`, listed but not yet read: a build reads them one at
    /// a time, so that a long history never sits in memory as raw text.
    public var statusFiles: [ContentAsset]
    public var diagnostics: [Diagnostic]

    public init(
        root: String, documents: [SourceFile], config: SourceFile? = nil,
        assets: [ContentAsset] = [], statusFiles: [ContentAsset] = [],
        diagnostics: [Diagnostic] = []
    ) {
        self.root = root
        self.documents = documents
        self.config = config
        self.assets = assets
        self.statusFiles = statusFiles
        self.diagnostics = diagnostics
    }
}

/// A content file copied into the site unchanged.
public struct ContentAsset: Sendable, Equatable {
    public var path: String
    public var sourcePath: String

    public init(path: String, sourcePath: String) {
        self.path = path
        self.sourcePath = sourcePath
    }
}
