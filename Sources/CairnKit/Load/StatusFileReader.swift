import Foundation

/// Reads the bytes of one status record file.
public struct StatusFileReader: Sendable {
    /// A status record is a few kilobytes; anything past this is not one.
    static let maximumBytes = 64 * 1_048_576

    /// A file's bytes, or nil with what kept them from being read.
    public typealias Read = (bytes: [UInt8]?, diagnostics: [Diagnostic])

    public init() {}

    public func read(_ file: ContentAsset) -> Read {
        read(file.sourcePath, shownAs: file.path)
    }

    /// The bytes of the record a producer wrote to `path` (`cairn record --from-json FILE`),
    /// or nil with why they could not be read.
    public func read(producerFile path: String) -> Read {
        read(path, shownAs: path)
    }

    private func read(_ path: String, shownAs shownPath: String) -> Read {
        switch FileBytes.read(path, limit: Self.maximumBytes) {
        case .bytes(let bytes):
            return (bytes, [])
        case .tooLarge(let size):
            return (
                nil,
                [
                    Diagnostic(
                        .contentTooLarge, .error, at: .init(path: shownPath),
                        "is \(size / 1_048_576) MiB; a status record may be at most \(Self.maximumBytes / 1_048_576) MiB"
                    )
                ]
            )
        case .unreadable(let reason):
            return (
                nil,
                [
                    Diagnostic(
                        .contentUnreadable, .error, at: .init(path: shownPath),
                        "cannot read file: \(reason)")
                ]
            )
        }
    }
}
