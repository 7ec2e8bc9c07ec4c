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

    /// - Returns: how many files were written.
    /// - Throws: `CairnError.outputNotCairns` for a non-empty folder without the marker,
    ///   `CairnError.outputIsFile`, `CairnError.outputNotWritable` when writing fails.
    public func write(
        _ files: some WritableSite, assets: [ContentAsset], to output: String,
        concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (@Sendable (BuildProgress) -> Void)? = nil
    ) throws -> Int {
        let fileManager = FileManager.default
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent()
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw CairnError.outputNotWritable(path: output, reason: error.localizedDescription)
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
        var written = 0
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
            let queue = WorkCounter(count: paths.count)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let index = queue.next(), !failure.hasFailed {
                    do {
                        try Self.write(files[index], to: stagingPath + "/" + paths[index])
                    } catch {
                        failure.record(error)
                    }
                    counter?.advance()
                }
            }
            if let error = failure.error { throw error }
            written = paths.count
            for asset in assets {
                let destination = staging.appendingPathComponent(asset.path)
                try fileManager.createDirectory(
                    at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fileManager.copyItem(atPath: asset.sourcePath, toPath: destination.path)
            }
            try swap(staging, into: outputURL, replacing: existing.exists)
            return written + assets.count
        } catch let error as CairnError {
            try? fileManager.removeItem(at: staging)
            throw error
        } catch {
            try? fileManager.removeItem(at: staging)
            throw CairnError.outputNotWritable(path: output, reason: error.localizedDescription)
        }
    }

    /// Writes one file, in pieces of at most a few megabytes when it comes in pieces.
    private static func write(_ file: SiteFile, to path: String) throws {
        // One open, writes, one close: the staging folder is new, so the file cannot exist.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CairnError.outputNotWritable(path: path, reason: String(cString: strerror(errno)))
        }
        var closed = false
        defer { if !closed { close(descriptor) } }
        // Pieces come whole or a megabyte at a time: each is written as it comes.
        try file.write { try writeAll($0, to: descriptor, path: path) }
        closed = true
        guard close(descriptor) == 0 else {
            throw CairnError.outputNotWritable(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// `write(2)` until every byte is written, through short writes and interrupted calls.
    private static func writeAll(
        _ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String
    )
        throws
    {
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = Foundation.write(descriptor, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                throw CairnError.outputNotWritable(
                    path: path, reason: String(cString: strerror(errno)))
            }
            left -= written
            next += written
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
                try? fileManager.removeItem(at: leftover)
            }
        }
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
            try? fileManager.removeItem(at: staging)
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
        try? fileManager.removeItem(at: retired)
    }
}

/// What a site writer writes: files it can ask for by position, from several threads at once.
public protocol WritableSite: Sendable {
    var count: Int { get }
    /// Where the file at `index` goes, relative to the output folder, known without making it.
    func path(at index: Int) -> String
    subscript(_ index: Int) -> SiteFile { get }
}

extension RenderedSite: WritableSite {}

extension Array: WritableSite where Element == SiteFile {
    public func path(at index: Int) -> String { self[index].path }
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
