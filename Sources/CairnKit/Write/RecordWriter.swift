import Foundation

/// Writes a status record into `content/status/<kind>/`, named by its UTC time and
/// environment, atomically and never over an existing record.
public struct RecordWriter: Sendable {
    public init() {}

    /// The record as it is written: keys in the format's order, two-space indentation.
    public static func text<Record: Encodable & ValidatedRecord>(of record: Record) throws -> String
    {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let node = try JSONReader().read([UInt8](try encoder.encode(record)))
        return JSONWriter(leadingKeys: Record.fieldNames).write(node)
    }

    /// Writes `text` as `<contentFolder>/status/<kindFolder>/<stamp>-<environment>.json`,
    /// adding `-2`, `-3`… when a record of that name exists already (two CI jobs in the same
    /// second). The status folders are made when missing; the content folder must exist, so
    /// that a misspelt `--content` is refused rather than a record kept where no build reads it.
    /// - Returns: the path written.
    /// - Throws: `CairnError.contentFolderMissing` or `.contentFolderIsFile` when the content
    ///   folder is not a folder; `.outputNotWritable` when the record cannot be written.
    public func write(
        _ text: String, intoStatusOf contentFolder: String, kindFolder: String, stamp: String,
        environment: String
    ) throws -> String {
        try ContentLoader.requireFolder(contentFolder)
        return try write(
            text, into: contentFolder + "/" + ContentLoader.statusFolder + "/" + kindFolder,
            stamp: stamp, environment: environment)
    }

    private func write(_ text: String, into folder: String, stamp: String, environment: String)
        throws -> String
    {
        let fileManager = FileManager.default
        do {
            try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CairnError.outputNotWritable(path: folder, reason: FailureReason.of(error))
        }
        removeLeftovers(in: folder)
        let base = "\(stamp)-\(Slug.compact(environment, limit: 40))"
        let temporary =
            folder
            + "/.\(base).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8)).tmp"
        defer { try? fileManager.removeItem(atPath: temporary) }
        // Written straight to the temporary name (not through FileManager, whose own hidden
        // temporary file a killed run would leave behind), then linked into place below.
        if let reason = Self.writeWhole(Array(text.utf8), to: temporary) {
            throw CairnError.outputNotWritable(path: folder, reason: reason)
        }
        for attempt in 1...1_000 {
            let name = attempt == 1 ? "\(base).json" : "\(base)-\(attempt).json"
            let destination = folder + "/" + name
            // link(2) fails when the name exists, so a record is never overwritten.
            if link(temporary, destination) == 0 { return destination }
            guard errno == EEXIST else {
                throw CairnError.outputNotWritable(
                    path: destination, reason: String(cString: strerror(errno)))
            }
        }
        throw CairnError.outputNotWritable(
            path: folder, reason: "1,000 records of that name exist already")
    }

    /// Creates `path` (which must not exist) holding `bytes`, flushed to the disk.
    /// - Returns: nil, or why it could not.
    private static func writeWhole(_ bytes: [UInt8], to path: String) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        var failure = bytes.withUnsafeBytes { DescriptorWriting.writeAll($0, to: descriptor) }
            .map { String(cString: strerror($0)) }
        if failure == nil && fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
        if close(descriptor) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        return failure
    }

    /// Removes the temporary files of `cairn record` runs that were killed before they could
    /// (`.<name>.<pid>.<random>.tmp` whose process is gone), so none is left half-written.
    private func removeLeftovers(in folder: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        for name in names where name.hasPrefix(".") && name.hasSuffix(".tmp") {
            let parts = name.split(separator: ".")
            guard parts.count >= 4, let pid = Int32(parts[parts.count - 3]),
                pid != ProcessInfo.processInfo.processIdentifier
            else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: folder + "/" + name)
            }
        }
    }
}
