import CAtomicRename
import Foundation

/// Writes a rendered site into a fresh temporary folder beside the output, then swaps it in
/// with renames, so a failed build never leaves a half-written output behind.
///
/// Cairn marks its output with a `.cairn-output` file and refuses to replace a folder that
/// is not empty and has no marker: it never deletes what it did not create.
public struct SiteWriter: Sendable {
    public static let markerName = ".cairn-output"
    /// Files that may stand in an output folder Cairn has not written yet (a git placeholder).
    static let placeholderNames: Set<String> = [".gitkeep"]

    public init() {}

    /// What a write did.
    public struct Written: Sendable {
        /// Every file of the new output, the marker and placeholders aside.
        public var files: Int
        /// How many of them were linked from the previous output rather than made again.
        public var reused: Int
        /// The files that can be reused by the next build, as this one left them.
        public var manifestEntries: [String: OutputManifest.Entry]
    }

    /// The folder a build replaces. Through a symbolic link (`public` → `/var/www/handbook`,
    /// as deploys often set up) it is the folder the link points to: the link stays and the
    /// site behind it is replaced; a link to nothing is an error, not a folder put in its place.
    /// - Throws: `CairnError.outputNotWritable` for a link to a missing folder.
    public static func resolvedOutput(_ output: String) throws -> URL {
        let given = URL(fileURLWithPath: output).standardizedFileURL
        let resolved = given.resolvingSymlinksInPath()
        if resolved.path == given.path,
            let target = try? FileManager.default.destinationOfSymbolicLink(atPath: given.path)
        {
            throw CairnError.outputNotWritable(
                path: output,
                reason: "it is a symbolic link to '\(target)', which does not exist")
        }
        return resolved
    }

    /// - Parameters:
    ///   - previous: what the last build wrote into `output`; a file it lists with the same
    ///     fingerprint, still as that build left it, is linked into the new output instead of
    ///     being made again.
    ///   - keepsFingerprints: whether the next build is to reuse this one's files: then each
    ///     file's fingerprint is worked out and returned, even with nothing to reuse now.
    /// - Returns: how many files were written and reused, and what the next build may reuse.
    /// - Throws: `CairnError.outputNotCairns` for a non-empty folder without the marker,
    ///   `CairnError.outputIsFile`, `CairnError.outputNotWritable` when writing fails.
    @discardableResult
    public func write(
        _ files: some WritableSite, assets: [ContentAsset], to output: String,
        reusing previous: OutputManifest? = nil, keepsFingerprints: Bool = false,
        concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (BuildProgress) -> Void)? = nil
    ) throws -> Written {
        let fileManager = FileManager.default
        let outputURL = try Self.resolvedOutput(output)
        let parent = outputURL.deletingLastPathComponent()
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw CairnError.outputNotWritable(path: output, reason: FailureReason.of(error))
        }
        // One build at a time into one output: a second waits here for the first to finish.
        let lock = try OutputLock(
            path: parent.appendingPathComponent(".\(outputURL.lastPathComponent).cairn-lock").path)
        defer { lock.release() }
        removeLeftovers(of: outputURL)
        let existing = try inspectExisting(outputURL)
        let token = "\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(
            ".\(outputURL.lastPathComponent).cairn-tmp-\(token)")
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
            try Data("Written by Cairn; this folder is replaced on every build.\n".utf8)
                .write(to: staging.appendingPathComponent(Self.markerName))
            for placeholder in existing.placeholders {
                try Data().write(to: staging.appendingPathComponent(placeholder))
            }
            let paths = (0..<files.count).map(files.path(at:))
            for folder in Set(paths.map { ($0 as NSString).deletingLastPathComponent }).sorted()
            where !folder.isEmpty {
                try fileManager.createDirectory(
                    at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let failure = FirstFailure()
            let counter = progress.map {
                ProgressCounter(.writing, total: paths.count, listener: $0)
            }
            let workers = max(1, min(concurrency, paths.count))
            let stagingPath = staging.path
            // Only a manifest of this very folder describes its files.
            let reusable = previous?.outputPath == outputURL.path ? previous?.entries ?? [:] : [:]
            let outputPath = outputURL.path
            let usesFingerprints = keepsFingerprints || previous != nil
            let queue = WorkCounter(count: paths.count)
            let kept = KeptFiles(count: paths.count)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let index = queue.next(), !failure.hasFailed {
                    do {
                        let prepared = files.prepare(at: index)
                        let path = paths[index]
                        let destination = stagingPath + "/" + path
                        let key = usesFingerprints ? prepared.key() : nil
                        if let key, let old = reusable[path], old.key == key,
                            Self.link(outputPath + "/" + path, as: old.stamp, to: destination)
                        {
                            kept.record(.init(key: key, stamp: old.stamp), at: index, reused: true)
                        } else {
                            let stamp = try Self.write(prepared.file(), to: destination)
                            if let key {
                                kept.record(.init(key: key, stamp: stamp), at: index, reused: false)
                            }
                        }
                    } catch {
                        failure.record(error)
                    }
                    counter?.advance()
                }
            }
            if let error = failure.error { throw error }
            for asset in assets {
                let destination = staging.appendingPathComponent(asset.path)
                try fileManager.createDirectory(
                    at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fileManager.copyItem(atPath: asset.sourcePath, toPath: destination.path)
            }
            try swap(staging, into: outputURL, replacing: existing.exists)
            var entries: [String: OutputManifest.Entry] = [:]
            for (index, entry) in kept.entries.enumerated() {
                if let entry { entries[paths[index]] = entry }
            }
            return Written(
                files: paths.count + assets.count, reused: kept.reused, manifestEntries: entries)
        } catch let error as CairnError {
            Self.removeOwnFolder(staging)
            throw error
        } catch {
            Self.removeOwnFolder(staging)
            throw CairnError.outputNotWritable(path: output, reason: FailureReason.of(error))
        }
    }

    /// Links `old` to `new` when `old` is still the file `stamp` describes; false otherwise,
    /// and when the file system cannot link.
    private static func link(_ old: String, as stamp: FileStamp, to new: String) -> Bool {
        var status = stat()
        guard lstat(old, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
            Self.stamp(of: status) == stamp
        else { return false }
        return Foundation.link(old, new) == 0
    }

    private static func stamp(of status: stat) -> FileStamp {
        FileStamp(
            device: UInt64(status.st_dev), inode: UInt64(status.st_ino),
            size: Int64(status.st_size), modifiedSeconds: Int64(status.st_mtim.tv_sec),
            modifiedNanoseconds: Int64(status.st_mtim.tv_nsec))
    }

    /// Writes one file, in pieces of at most a few megabytes when it comes in pieces.
    /// - Returns: the file's stamp as written.
    private static func write(_ file: SiteFile, to path: String) throws -> FileStamp {
        // One open, writes, one close: the staging folder is new, so the file cannot exist.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CairnError.outputNotWritable(path: path, reason: String(cString: strerror(errno)))
        }
        var closed = false
        defer { if !closed { close(descriptor) } }
        // Pieces come whole or a megabyte at a time: each is written as it comes.
        try file.write { try writeAll($0, to: descriptor, path: path) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw CairnError.outputNotWritable(path: path, reason: String(cString: strerror(errno)))
        }
        closed = true
        guard close(descriptor) == 0 else {
            throw CairnError.outputNotWritable(path: path, reason: String(cString: strerror(errno)))
        }
        return stamp(of: status)
    }

    /// `write(2)` until every byte is written, through short writes and interrupted calls.
    private static func writeAll(
        _ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String
    )
        throws
    {
        if let code = DescriptorWriting.writeAll(bytes, to: descriptor) {
            throw CairnError.outputNotWritable(path: path, reason: String(cString: strerror(code)))
        }
    }

    /// Removes what builds killed before they finished left beside the output: their
    /// temporary folders, which carry Cairn's marker (or are still empty). The lock is held, so
    /// no other build is writing them.
    private func removeLeftovers(of outputURL: URL) {
        let fileManager = FileManager.default
        let parent = outputURL.deletingLastPathComponent()
        let prefixes = [
            ".\(outputURL.lastPathComponent).cairn-tmp-",
            ".\(outputURL.lastPathComponent).cairn-old-",
        ]
        guard let names = try? fileManager.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where prefixes.contains(where: name.hasPrefix) {
            let leftover = parent.appendingPathComponent(name)
            // A build killed between making its folder and writing the marker leaves it empty.
            let isEmpty = (try? fileManager.contentsOfDirectory(atPath: leftover.path))?.isEmpty
            if isEmpty == true
                || fileManager.fileExists(
                    atPath: leftover.appendingPathComponent(Self.markerName).path)
            {
                Self.removeOwnFolder(leftover)
            }
        }
    }

    /// Removes a folder Cairn made (a temporary or retired site) with its marker last, so that
    /// a build killed halfway leaves a folder the next build still knows as its own and removes.
    private static func removeOwnFolder(_ folder: URL) {
        let fileManager = FileManager.default
        let names = (try? fileManager.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name != markerName {
            try? fileManager.removeItem(at: folder.appendingPathComponent(name))
        }
        try? fileManager.removeItem(at: folder.appendingPathComponent(markerName))
        try? fileManager.removeItem(at: folder)
    }

    private struct ExistingOutput {
        var exists: Bool
        var placeholders: [String]
    }

    private func inspectExisting(_ outputURL: URL) throws -> ExistingOutput {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: outputURL.path, isDirectory: &isDirectory)
        else {
            return ExistingOutput(exists: false, placeholders: [])
        }
        guard isDirectory.boolValue else { throw CairnError.outputIsFile(path: outputURL.path) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: outputURL.path)) ?? []
        let placeholders = names.filter(Self.placeholderNames.contains).sorted()
        let isCairns = names.contains(Self.markerName)
        guard isCairns || names.allSatisfy(Self.placeholderNames.contains) else {
            throw CairnError.outputNotCairns(path: outputURL.path)
        }
        return ExistingOutput(exists: true, placeholders: placeholders)
    }

    /// Puts the new site in place in one step: the old and new folders swap names, so that
    /// at no moment, even if the process is killed, is there no complete site at `outputURL`.
    private func swap(_ staging: URL, into outputURL: URL, replacing exists: Bool) throws {
        let fileManager = FileManager.default
        guard exists else {
            try fileManager.moveItem(at: staging, to: outputURL)
            return
        }
        if cairn_exchange_paths(staging.path, outputURL.path) == 0 {
            Self.removeOwnFolder(staging)
            return
        }
        // The file system cannot exchange: two renames, with the old site kept until the new one is in.
        let retired = staging.deletingLastPathComponent()
            .appendingPathComponent(
                ".\(outputURL.lastPathComponent).cairn-old-\(UUID().uuidString.prefix(8))")
        try fileManager.moveItem(at: outputURL, to: retired)
        do {
            try fileManager.moveItem(at: staging, to: outputURL)
        } catch {
            try? fileManager.moveItem(at: retired, to: outputURL)
            throw error
        }
        Self.removeOwnFolder(retired)
    }
}

/// What a site writer writes: files it can ask for by position, from several threads at once.
public protocol WritableSite: Sendable {
    var count: Int { get }
    /// Where the file at `index` goes, relative to the output folder, known without making it.
    func path(at index: Int) -> String
    subscript(_ index: Int) -> SiteFile { get }
    /// The file at `index`, with its fingerprint when it can be reused, before it is made.
    func prepare(at index: Int) -> PreparedFile
}

extension WritableSite {
    /// A file that is always made afresh.
    public func prepare(at index: Int) -> PreparedFile {
        PreparedFile(path: path(at: index), fingerprint: nil) { self[index] }
    }
}

extension RenderedSite: WritableSite {}

extension Array: WritableSite where Element == SiteFile {
    public func path(at index: Int) -> String { self[index].path }
}

/// What each writing thread made or linked that the next build may reuse, by file position.
private final class KeptFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: [OutputManifest.Entry?]
    private var reusedCount = 0

    init(count: Int) {
        kept = Array(repeating: nil, count: count)
    }

    var entries: [OutputManifest.Entry?] { lock.withLock { kept } }
    var reused: Int { lock.withLock { reusedCount } }

    func record(_ entry: OutputManifest.Entry, at index: Int, reused: Bool) {
        lock.withLock {
            kept[index] = entry
            if reused { reusedCount += 1 }
        }
    }
}

/// The first error any of several writing threads met; the others stop at their next file.
private final class FirstFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var first: Error?

    var hasFailed: Bool { lock.withLock { first != nil } }
    var error: Error? { lock.withLock { first } }

    func record(_ error: Error) {
        lock.withLock { if first == nil { first = error } }
    }
}
