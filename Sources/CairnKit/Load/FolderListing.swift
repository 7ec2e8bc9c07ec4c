import Foundation

/// A folder's entries with their types, as the directory itself reports them: no `stat` per
/// entry, which on a content folder of tens of thousands of files is most of the reading.
enum FolderListing {
    struct Entry {
        enum Kind {
            case file
            case folder
            /// A symbolic link, or a type the file system did not say: resolve it.
            case other
        }

        let name: String
        let kind: Kind
    }

    /// The entries sorted by name, without `.` and `..`; nil when the folder cannot be read
    /// (`errno` says why).
    static func entries(of folder: String) -> [Entry]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(
                    to: CChar.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)
                ) { String(cString: $0) }
            }
            guard name != ".", name != ".." else { continue }
            let kind: Entry.Kind =
                switch Int(entry.pointee.d_type) {
                case Int(DT_REG): .file
                case Int(DT_DIR): .folder
                default: .other
                }
            entries.append(Entry(name: name, kind: kind))
        }
        return entries.sorted { $0.name < $1.name }
    }
}

/// A whole file's bytes in one open and read, refused past a size limit.
enum FileBytes {
    enum Outcome {
        case bytes([UInt8])
        case tooLarge(Int)
        case unreadable
    }

    static func read(_ path: String, limit: Int) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .unreadable }
        let size = Int(status.st_size)
        guard size <= limit else { return .tooLarge(size) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.read(descriptor, base + filled, size - filled)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        // A file that shrank while being read is read as it now is.
        if filled < size { bytes.removeLast(size - filled) }
        return .bytes(bytes)
    }
}
