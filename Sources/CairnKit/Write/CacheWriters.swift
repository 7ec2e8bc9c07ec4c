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
        // The header and the report as they are: joined first, a report of 10,000 documents
        // was copied twice more (45 MB each) on the way out of every check.
        try CacheFolder.writeWhole([entry.header, entry.output], to: destination)
        CacheFolder.prune(checks, keeping: destination, count: Self.keptEntries)
    }
}

extension CacheFolder {
    /// Writes `parts` one after another into a temporary file beside `destination`, then
    /// renames it into place: the file is whole or absent.
    /// - Throws: `POSIXError` when the file cannot be made, written or renamed.
    static func writeWhole(_ parts: [[UInt8]], to destination: String) throws {
        let temporary = destination + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError.current }
        var failure: POSIXError?
        for part in parts where failure == nil {
            failure = part.withUnsafeBytes { DescriptorWriting.writeAll($0, to: descriptor) }
                .map { POSIXError(POSIXErrorCode(rawValue: $0) ?? .EIO) }
        }
        if close(descriptor) != 0 && failure == nil { failure = POSIXError.current }
        if failure == nil && rename(temporary, destination) != 0 { failure = POSIXError.current }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }
}

extension POSIXError {
    /// The error `errno` holds now.
    static var current: POSIXError {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
}

extension CacheFolder {
    /// Removes all but the newest `count` entries of a cache subfolder, `newest` among them.
    /// Only entries Cairn wrote (32 hexadecimal digits) are touched. Another run may be pruning
    /// too: what it removed first is simply gone.
    static func prune(_ subfolder: String, keeping newest: String, count: Int) {
        let fileManager = FileManager.default
        guard let names = try? fileManager.contentsOfDirectory(atPath: subfolder),
            names.count > count
        else { return }
        let entries = names.filter { name in
            name.utf8.count == 32
                && name.utf8.allSatisfy {
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                        || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0)
                }
        }
        let dated = entries.compactMap { name -> (path: String, modified: Date)? in
            let path = subfolder + "/" + name
            guard path != newest,
                let modified = (try? fileManager.attributesOfItem(atPath: path))?[
                    .modificationDate] as? Date
            else { return nil }
            return (path, modified)
        }
        for old in dated.sorted(by: { $0.modified > $1.modified }).dropFirst(count - 1) {
            try? fileManager.removeItem(atPath: old.path)
        }
    }

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
    /// The manifests of older output folders beyond this many are removed: a build into a new
    /// temporary folder each time would otherwise add one manifest per build.
    public static let keptManifests = 16
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// Writes the manifest whole or not at all, replacing the output folder's previous one.
    /// - Throws: when the folder cannot be made or written.
    public func store(_ manifest: OutputManifest) throws {
        let manifests = folder + "/build"
        try CacheFolder.make(folder, with: manifests)
        let destination = CacheFolder.manifestPath(in: folder, forOutput: manifest.outputPath)
        try CacheFolder.writeWhole([manifest.encoded], to: destination)
        CacheFolder.prune(manifests, keeping: destination, count: Self.keptManifests)
    }
}
