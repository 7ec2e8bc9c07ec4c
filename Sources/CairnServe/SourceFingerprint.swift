import CairnKit
import Foundation

/// The sizes and modification times of every file under some folders: when it changes, a
/// source has changed.
struct SourceFingerprint: Equatable {
    private var entries: [String: String] = [:]

    /// Hidden entries (the build's own temporary folder and lock beside an output) and a site
    /// Cairn built inside a watched folder are left out, as the build leaves them out: each
    /// build would otherwise change what is watched and start the next.
    init(folders: [String]) {
        let fileManager = FileManager.default
        for folder in folders {
            let root = FolderListing.listablePath(folder)
            guard let enumerator = fileManager.enumerator(atPath: root) else { continue }
            for case let path as String in enumerator {
                let full = root + "/" + path
                let isHidden = (path as NSString).lastPathComponent.hasPrefix(".")
                if isHidden || fileManager.fileExists(atPath: full + "/" + SiteWriter.markerName) {
                    enumerator.skipDescendants()
                    continue
                }
                guard let attributes = try? fileManager.attributesOfItem(atPath: full) else {
                    continue
                }
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                entries[full] = "\(size):\(modified)"
            }
        }
    }
}
