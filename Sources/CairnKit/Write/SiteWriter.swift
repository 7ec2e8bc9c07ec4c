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
        _ files: some Sequence<SiteFile>, assets: [ContentAsset], to output: String
    ) throws -> Int {
        let fileManager = FileManager.default
        let outputURL = URL(fileURLWithPath: output).standardizedFileURL
        let parent = outputURL.deletingLastPathComponent()
        let existing = try inspectExisting(outputURL)

        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw CairnError.outputNotWritable(path: output, reason: error.localizedDescription)
        }
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
            for file in files {
                written += 1
                let destination = staging.appendingPathComponent(file.path)
                try fileManager.createDirectory(
                    at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents).write(to: destination)
            }
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

    private func swap(_ staging: URL, into outputURL: URL, replacing exists: Bool) throws {
        let fileManager = FileManager.default
        guard exists else {
            try fileManager.moveItem(at: staging, to: outputURL)
            return
        }
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
