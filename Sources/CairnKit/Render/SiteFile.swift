/// One file of the rendered site: a path relative to the output folder and its bytes, held
/// whole or, for a file too large to hold (`handbook.json`, `print.html` of a large handbook),
/// made piece by piece as it is written.
public struct SiteFile: Sendable, Equatable {
    public var path: String
    private let body: Body

    /// Hands bytes over without copying them.
    public typealias Sink = (UnsafeRawBufferPointer) throws -> Void

    private enum Body: Sendable {
        case bytes([UInt8])
        case pieces(@Sendable (_ sink: Sink) throws -> Void)
    }

    public init(path: String, contents: [UInt8]) {
        self.path = path
        body = .bytes(contents)
    }

    /// A file whose bytes `write` hands over in order, a piece at a time.
    init(path: String, pieces write: @escaping @Sendable (Sink) throws -> Void) {
        self.path = path
        body = .pieces(write)
    }

    /// All the bytes at once.
    /// - Throws: when a file made piece by piece cannot be made.
    public var contents: [UInt8] {
        get throws {
            switch body {
            case .bytes(let bytes): return bytes
            case .pieces:
                var bytes: [UInt8] = []
                try write { bytes += $0 }
                return bytes
            }
        }
    }

    /// Hands the bytes to `sink`, in order: all at once, or a piece at a time.
    public func write(into sink: Sink) throws {
        switch body {
        case .bytes(let bytes): try bytes.withUnsafeBytes(sink)
        case .pieces(let write): try write(sink)
        }
    }

    public static func == (left: SiteFile, right: SiteFile) -> Bool {
        left.path == right.path && (try? left.contents) == (try? right.contents)
    }
}

/// Bytes gathered into pieces of about a megabyte before they go to a sink: few writes, little
/// held, for files made a part at a time.
struct PieceBuffer {
    /// What is gathered so far; callers may append to it directly, then call `flushIfFull`.
    var bytes: [UInt8] = []

    mutating func append(_ piece: some Sequence<UInt8>, to sink: SiteFile.Sink) throws {
        bytes += piece
        try flushIfFull(to: sink)
    }

    mutating func flushIfFull(to sink: SiteFile.Sink) throws {
        if bytes.count >= 1 << 20 { try flush(to: sink) }
    }

    /// Hands over what is gathered; call once more at the end.
    mutating func flush(to sink: SiteFile.Sink) throws {
        guard !bytes.isEmpty else { return }
        try bytes.withUnsafeBytes(sink)
        bytes.removeAll(keepingCapacity: true)
    }
}

/// A file of the site before it is made: where it goes and, when it can be reused, how to
/// work out the fingerprint of everything it is made from. A writer that still has a file of
/// that fingerprint from the previous build links it instead of making the file again; a
/// writer that keeps no cache never asks for the fingerprint.
public struct PreparedFile {
    public let path: String
    private let fingerprint: (() -> ContentHash)?
    private let make: () -> SiteFile

    /// - Parameter fingerprint: nil for a file made afresh on every build.
    init(path: String, fingerprint: (() -> ContentHash)?, make: @escaping () -> SiteFile) {
        self.path = path
        self.fingerprint = fingerprint
        self.make = make
    }

    /// The fingerprint, worked out now; nil for a file made afresh on every build.
    public func key() -> ContentHash? { fingerprint?() }

    /// Renders the file.
    public func file() -> SiteFile { make() }
}
