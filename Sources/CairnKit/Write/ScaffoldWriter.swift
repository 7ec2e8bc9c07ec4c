import Foundation

/// Writes the files of a new project, and refuses to write any of them when one exists
/// already: `cairn init` never overwrites.
public struct ScaffoldWriter: Sendable {
    public init() {}

    /// - Returns: the paths written, in order.
    /// - Throws: `CairnError.scaffoldWouldOverwrite` before writing anything when a file exists,
    ///   `CairnError.outputNotWritable` when writing fails.
    public func write(_ files: [String: [UInt8]], into folder: String) throws -> [String] {
        let fileManager = FileManager.default
        let paths = files.keys.sorted()
        for path in paths where fileManager.fileExists(atPath: folder + "/" + path) {
            throw CairnError.scaffoldWouldOverwrite(path: folder + "/" + path)
        }
        var written: [String] = []
        for path in paths {
            let destination = folder + "/" + path
            do {
                try fileManager.createDirectory(
                    atPath: (destination as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true)
                try Data(files[path] ?? []).write(
                    to: URL(fileURLWithPath: destination), options: .withoutOverwriting)
            } catch {
                throw CairnError.outputNotWritable(
                    path: destination, reason: FailureReason.of(error))
            }
            written.append(destination)
        }
        return written
    }
}
