import Foundation

/// Where Cairn keeps what it can reuse between runs, and how a check finds its entry there.
public enum CacheFolder {
    /// `.cairn-cache` beside the content folder: the project's root, as `.ruff_cache` or
    /// `.mypy_cache` sit in theirs. Nothing in it is needed; deleting it only costs time.
    public static func defaultPath(forContent contentFolder: String) -> String {
        URL(fileURLWithPath: contentFolder).standardizedFileURL.deletingLastPathComponent()
            .appendingPathComponent(".cairn-cache").path
    }

    static func checkEntryPath(in folder: String, for key: ContentHash) -> String {
        folder + "/check/" + key.description
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
