import Foundation

/// A folder's entries with their types, as the directory itself reports them: no `stat` per
/// entry, which on a content folder of tens of thousands of files is most of the reading.
public enum FolderListing {
    /// Where to list a folder's files: a folder reached through a symbolic link (a theme kept
    /// elsewhere and linked in, a linked content folder) is listed where the link points, as
    /// `FileManager`'s enumerator does not follow a link it starts from and would list nothing.
    public static func listablePath(_ folder: String) -> String {
        URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
    }

    struct Entry {
        enum Kind {
            case file
            case folder
            /// A symbolic link, or a type the file system did not say: resolve it.
            case other
        }

        /// The name as UTF-8; bytes that are not valid UTF-8 are shown as U+FFFD.
        let name: String
        let kind: Kind
        /// Whether the name on disk is valid UTF-8: one that is not cannot be opened by `name`.
        let hasValidName: Bool
    }

    /// The entries sorted by name, without `.` and `..`; nil when the folder cannot be read
    /// (`errno` says why).
    static func entries(of folder: String) -> [Entry]? {
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var entries: [Entry] = []
        while let entry = readdir(directory) {
            // A record is only as long as its name: reading it as a whole `dirent` (as
            // `entry.pointee` does) can run past the end of the buffer and fault. Read the two
            // fields where they are.
            let record = UnsafeRawPointer(entry)
            let bytes = (record + nameOffset).assumingMemoryBound(to: CChar.self)
            let valid = String(validatingCString: bytes)
            let name = valid ?? String(cString: bytes)
            guard name != ".", name != ".." else { continue }
            let kind: Entry.Kind =
                switch Int32(record.load(fromByteOffset: typeOffset, as: UInt8.self)) {
                case Int32(DT_REG): .file
                case Int32(DT_DIR): .folder
                default: .other
                }
            entries.append(Entry(name: name, kind: kind, hasValidName: valid != nil))
        }
        return entries.sorted { $0.name < $1.name }
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
    private static let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type) ?? 18
}
