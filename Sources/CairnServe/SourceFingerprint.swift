import Foundation

/// The sizes and modification times of every file under some folders: when it changes, a
/// source has changed.
struct SourceFingerprint: Equatable {
    private var entries: [String: String] = [:]

    init(folders: [String]) {
        let fileManager = FileManager.default
        for folder in folders {
            guard let enumerator = fileManager.enumerator(atPath: folder) else { continue }
            for case let path as String in enumerator {
                let full = folder + "/" + path
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
