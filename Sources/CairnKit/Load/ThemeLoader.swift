import Foundation

/// Finds and reads the built-in theme and a user's overriding templates folder.
public struct ThemeLoader: Sendable {
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

    private func read(folder: String) -> Theme {
        var theme = Theme(templates: [:], assets: [:])
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return theme }
        for case let path as String in enumerator {
            let absolute = folder + "/" + path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory),
                !isDirectory.boolValue,
                let data = FileManager.default.contents(atPath: absolute)
            else { continue }
            if path.hasSuffix(".mustache") {
                theme.templatePaths[String(path.dropLast(".mustache".count))] = absolute
                theme.templates[String(path.dropLast(".mustache".count))] = String(
                    decoding: data, as: UTF8.self)
            } else if path.hasPrefix("assets/") {
                theme.assets[path] = [UInt8](data)
            }
        }
        return theme
    }
}
