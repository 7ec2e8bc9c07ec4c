import Foundation

/// What the last build wrote into an output folder, kept in the cache folder: for each file
/// that can be reused, the fingerprint of what it was made from and how the file stood on
/// disk when the build left it. The next build links a file whose fingerprint has not changed
/// into its new output, as long as the file on disk is still the one the build wrote.
public struct OutputManifest: Sendable, Equatable {
    /// One file as the build left it.
    public struct Entry: Sendable, Equatable {
        /// The fingerprint of the view and templates the file was rendered from.
        public var key: ContentHash
        /// The file's identity and state when written: a file replaced, edited or touched
        /// since differs in one of them, and is made afresh.
        public var stamp: FileStamp

        public init(key: ContentHash, stamp: FileStamp) {
            self.key = key
            self.stamp = stamp
        }
    }

    /// The Cairn that wrote the files: another one may render the same view differently.
    public var toolIdentity: String
    /// The output folder, as an absolute path.
    public var outputPath: String
    /// By path relative to the output folder.
    public var entries: [String: Entry]

    public init(toolIdentity: String, outputPath: String, entries: [String: Entry]) {
        self.toolIdentity = toolIdentity
        self.outputPath = outputPath
        self.entries = entries
    }

    static let magic = "cairn-output-manifest 1"

    /// Three header lines (the magic, the tool, the output folder), then a line per file:
    /// `key device inode size seconds nanoseconds path`, sorted by path.
    public var encoded: [UInt8] {
        var text = Self.magic + "\n"
        text += Self.oneLine(toolIdentity) + "\n" + Self.oneLine(outputPath) + "\n"
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) where !path.contains("\n") {
            let stamp = entry.stamp
            text +=
                "\(entry.key) \(stamp.device) \(stamp.inode) \(stamp.size) \(stamp.modifiedSeconds) \(stamp.modifiedNanoseconds) \(path)\n"
        }
        return Array(text.utf8)
    }

    /// nil for anything `encoded` did not write; a line that does not read is left out.
    public init?(decoding bytes: [UInt8]) {
        let lines = String(decoding: bytes, as: UTF8.self).split(
            separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, lines[0] == Self.magic, lines.last == "" else { return nil }
        toolIdentity = String(lines[1])
        outputPath = String(lines[2])
        var entries: [String: Entry] = [:]
        for line in lines.dropFirst(3) where !line.isEmpty {
            let fields = line.split(separator: " ", maxSplits: 6, omittingEmptySubsequences: false)
            guard fields.count == 7, let key = ContentHash(hex: fields[0]),
                let device = UInt64(fields[1]), let inode = UInt64(fields[2]),
                let size = Int64(fields[3]), let seconds = Int64(fields[4]),
                let nanoseconds = Int64(fields[5]), !fields[6].isEmpty
            else { continue }
            entries[String(fields[6])] = Entry(
                key: key,
                stamp: FileStamp(
                    device: device, inode: inode, size: size, modifiedSeconds: seconds,
                    modifiedNanoseconds: nanoseconds))
        }
        self.entries = entries
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ")
    }
}

/// A file's identity and state: where it lives on disk, its size and when it last changed.
public struct FileStamp: Sendable, Equatable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modifiedSeconds: Int64
    public var modifiedNanoseconds: Int64

    public init(
        device: UInt64, inode: UInt64, size: Int64, modifiedSeconds: Int64,
        modifiedNanoseconds: Int64
    ) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
    }
}
