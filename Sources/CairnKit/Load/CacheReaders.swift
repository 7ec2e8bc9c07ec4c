import Foundation

/// Where Cairn keeps what it can reuse between runs, and how a check finds its entry there.
public enum CacheFolder {
    /// `.cairn-cache` beside the content folder: the project's root, as `.ruff_cache` or
    /// `.mypy_cache` sit in theirs. Run from inside the content folder (`--content .`), the
    /// project is that folder, and the cache goes into it (hidden, so never read as content)
    /// rather than into the folder above. Nothing in it is needed; deleting it only costs time.
    public static func defaultPath(forContent contentFolder: String) -> String {
        let content = URL(fileURLWithPath: contentFolder).standardizedFileURL
        // The working folder comes back with its links resolved: compare like with like.
        let working = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .resolvingSymlinksInPath().path
        let resolved = content.resolvingSymlinksInPath().path
        let isInside = working == resolved || working.hasPrefix(resolved + "/")
        return (isInside ? content : content.deletingLastPathComponent())
            .appendingPathComponent(".cairn-cache").path
    }

    static func checkEntryPath(in folder: String, for key: ContentHash) -> String {
        folder + "/check/" + key.description
    }

    /// The manifest of what the last build wrote into `outputPath` (an absolute path): one
    /// per output folder, named by its path's hash.
    static func manifestPath(in folder: String, forOutput outputPath: String) -> String {
        var hasher = ContentHasher()
        hasher.add(outputPath)
        return folder + "/build/" + hasher.finish().description
    }
}

/// Reads the manifest of an output folder's last build from the cache folder.
public struct BuildCacheReader: Sendable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// The manifest for the output folder at `outputPath`, written by the Cairn `toolIdentity`;
    /// nil when there is none, it cannot be read whole, or another Cairn wrote it.
    public func manifest(forOutput outputPath: String, toolIdentity: String) -> OutputManifest? {
        guard
            let data = FileManager.default.contents(
                atPath: CacheFolder.manifestPath(in: folder, forOutput: outputPath)),
            let manifest = OutputManifest(decoding: [UInt8](data)),
            manifest.outputPath == outputPath, manifest.toolIdentity == toolIdentity
        else { return nil }
        return manifest
    }
}

/// Reads a finished check from the cache folder.
public struct CheckCacheReader: Sendable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// The entry for `key`, or nil when there is none or it cannot be read whole.
    public func entry(for key: ContentHash) -> CheckCacheEntry? {
        guard
            let data = FileManager.default.contents(
                atPath: CacheFolder.checkEntryPath(in: folder, for: key))
        else { return nil }
        return CheckCacheEntry(decoding: [UInt8](data))
    }
}
