import Foundation

/// Keeps a finished check in the cache folder, for the next run with the same inputs.
public struct CheckCacheWriter: Sendable {
    /// Older entries beyond this many are removed: one per recent combination of content and
    /// settings is all a cache needs.
    public static let keptEntries = 16
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// Writes the entry whole or not at all: to a temporary file, then renamed into place.
    /// - Throws: when the folder cannot be made or written.
    public func store(_ entry: CheckCacheEntry, for key: ContentHash) throws {
        let checks = folder + "/check"
        try CacheFolder.make(folder, with: checks)
        let destination = CacheFolder.checkEntryPath(in: folder, for: key)
        try Data(entry.encoded).write(to: URL(fileURLWithPath: destination), options: .atomic)
        prune(checks, keeping: destination)
    }

    /// Removes all but the newest entries. Another run may be pruning too: what it removed
    /// first is simply gone.
    private func prune(_ checks: String, keeping newest: String) {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: checks),
            names.count > Self.keptEntries
        else { return }
        // Only entries Cairn wrote: 32 hexadecimal digits.
        let entries = names.filter { name in
            name.utf8.count == 32
                && name.utf8.allSatisfy {
                    ("0"..."9").contains(Character(UnicodeScalar($0)))
                        || ("a"..."f").contains(Character(UnicodeScalar($0)))
                }
        }
        let dated = entries.compactMap { name -> (path: String, modified: Date)? in
            let path = checks + "/" + name
            guard path != newest,
                let modified = (try? fileManager.attributesOfItem(atPath: path))?[
                    .modificationDate] as? Date
            else { return nil }
            return (path, modified)
        }
        for old in dated.sorted(by: { $0.modified > $1.modified }).dropFirst(Self.keptEntries - 1) {
            try? fileManager.removeItem(atPath: old.path)
        }
    }
}

extension CacheFolder {
    /// Makes the cache folder and `subfolder` in it, and marks the cache folder with
    /// `CACHEDIR.TAG`, the standard mark (bford.info/cachedir) that backup tools skip.
    static func make(_ folder: String, with subfolder: String) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: subfolder, withIntermediateDirectories: true)
        let tag = folder + "/CACHEDIR.TAG"
        if !fileManager.fileExists(atPath: tag) {
            try Data(
                "Signature: 8a477f597d28d172789f06886806bc55\n# Cairn's cache: safe to delete.\n"
                    .utf8
            ).write(to: URL(fileURLWithPath: tag), options: .atomic)
        }
    }
}

/// Keeps the manifest of what a build wrote, for the next build into the same output folder.
public struct BuildCacheWriter: Sendable {
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// Writes the manifest whole or not at all, replacing the output folder's previous one.
    /// - Throws: when the folder cannot be made or written.
    public func store(_ manifest: OutputManifest) throws {
        try CacheFolder.make(folder, with: folder + "/build")
        try Data(manifest.encoded).write(
            to: URL(
                fileURLWithPath: CacheFolder.manifestPath(
                    in: folder, forOutput: manifest.outputPath)), options: .atomic)
    }
}
