import Foundation

/// Finds and reads the built-in theme and a user's overriding templates folder.
public struct ThemeLoader: Sendable {
    /// A template or theme asset larger than this is not one, and is passed over.
    static let maximumFileBytes = 64 * 1_048_576

    public init() {}

    /// Where the built-in theme may be, for a `cairn` binary at `executablePath`: beside an
    /// installed binary (`PREFIX/share/cairn/templates`), or in the source checkout it was
    /// built in (any parent folder holding `templates/layout.mustache`).
    public func builtInThemeCandidates(executablePath: String) -> [String] {
        let executable = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
        var candidates: [String] = []
        let binFolder = executable.deletingLastPathComponent()
        candidates.append(
            binFolder.deletingLastPathComponent().appendingPathComponent("share/cairn/templates")
                .path)
        var folder = binFolder
        while folder.path != "/" && !folder.path.isEmpty {
            candidates.append(folder.appendingPathComponent("templates").path)
            folder = folder.deletingLastPathComponent()
        }
        return candidates
    }

    /// Reads the first candidate that holds `layout.mustache`, then lays `overrides` over it.
    /// - Throws: `CairnError.themeMissing` when no candidate holds a theme,
    ///   `CairnError.templatesFolderMissing` when `overrides` is given but is not a folder.
    public func load(candidates: [String], overrides: String?) throws -> Theme {
        guard
            let builtIn = candidates.first(where: {
                FileManager.default.fileExists(atPath: $0 + "/layout.mustache")
            })
        else { throw CairnError.themeMissing(searched: candidates) }
        var theme = read(folder: builtIn)
        theme.folder = URL(fileURLWithPath: builtIn).standardizedFileURL.path
        if let overrides {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: overrides, isDirectory: &isDirectory),
                isDirectory.boolValue
            else { throw CairnError.templatesFolderMissing(path: overrides) }
            let user = read(folder: overrides)
            theme.templates.merge(user.templates) { _, user in user }
            theme.templatePaths.merge(user.templatePaths) { _, user in user }
            theme.assets.merge(user.assets) { _, user in user }
        }
        return theme
    }

    /// The first candidate that holds a theme.
    /// - Throws: `CairnError.themeMissing` when none does.
    public func builtInFolder(candidates: [String]) throws -> String {
        guard
            let folder = candidates.first(where: {
                FileManager.default.fileExists(atPath: $0 + "/layout.mustache")
            })
        else { throw CairnError.themeMissing(searched: candidates) }
        return folder
    }

    /// The files under `subfolder` of the built-in theme (`init/`, `ci/`), by path below it.
    /// - Throws: `CairnError.themeMissing` when no candidate holds a theme.
    public func scaffold(_ subfolder: String, candidates: [String]) throws -> [String: [UInt8]] {
        let root = try builtInFolder(candidates: candidates) + "/" + subfolder
        var files: [String: [UInt8]] = [:]
        guard
            let enumerator = FileManager.default.enumerator(
                atPath: FolderListing.listablePath(root))
        else {
            return files
        }
        for case let path as String in enumerator {
            guard
                case .bytes(let bytes) = FileBytes.read(
                    root + "/" + path, limit: Self.maximumFileBytes)
            else { continue }
            files[path] = bytes
        }
        return files
    }

    /// The folder's files by path below it. Messages name a template by its absolute path: a
    /// path relative to the working folder would be shown as if it were inside the content
    /// folder, as the content's own paths are.
    private func read(folder: String) -> Theme {
        var theme = Theme(templates: [:], assets: [:])
        let shown = URL(fileURLWithPath: folder).standardizedFileURL.path
        guard
            let enumerator = FileManager.default.enumerator(
                atPath: FolderListing.listablePath(folder))
        else {
            return theme
        }
        for case let path as String in enumerator {
            let absolute = shown + "/" + path
            // Folders, and anything not a regular file (a named pipe would hang the read), are
            // passed over.
            guard case .bytes(let data) = FileBytes.read(absolute, limit: Self.maximumFileBytes)
            else { continue }
            if path.hasSuffix(".mustache") {
                theme.templatePaths[String(path.dropLast(".mustache".count))] = absolute
                theme.templates[String(path.dropLast(".mustache".count))] = String(
                    decoding: data, as: UTF8.self)
            } else if path.hasPrefix("assets/") {
                theme.assets[path] = data
            }
        }
        return theme
    }
}
