import Foundation

/// Reads the bytes of one status record file.
public struct StatusFileReader: Sendable {
    /// A status record is a few kilobytes; anything past this is not one.
    static let maximumBytes = 64 * 1_048_576

    /// A file's bytes, or nil with what kept them from being read.
    public typealias Read = (bytes: [UInt8]?, diagnostics: [Diagnostic])

    public init() {}

    public func read(_ file: ContentAsset) -> Read {
        switch FileBytes.read(file.sourcePath, limit: Self.maximumBytes) {
        case .bytes(let bytes):
            return (bytes, [])
        case .tooLarge(let size):
            return (
                nil,
                [
                    Diagnostic(
                        .contentTooLarge, .error, at: .init(path: file.path),
                        "is \(size / 1_048_576) MiB; a status record may be at most \(Self.maximumBytes / 1_048_576) MiB"
                    )
                ]
            )
        case .unreadable:
            return (
                nil,
                [
                    Diagnostic(
                        .contentUnreadable, .error, at: .init(path: file.path),
                        "cannot read file (permission denied?)")
                ]
            )
        }
    }
}
