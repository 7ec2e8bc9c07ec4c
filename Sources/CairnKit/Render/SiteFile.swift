/// One file of the rendered site: a path relative to the output folder and its bytes, held
/// whole or, for a file too large to hold (`handbook.json` of a large handbook), made piece by
/// piece as it is written.
public struct SiteFile: Sendable, Equatable {
    public var path: String
    private let body: Body

    private enum Body: Sendable {
        case bytes([UInt8])
        case pieces(@Sendable (_ sink: ([UInt8]) throws -> Void) throws -> Void)
    }

    public init(path: String, contents: [UInt8]) {
        self.path = path
        body = .bytes(contents)
    }

    /// A file whose bytes `write` hands over in order, a piece at a time.
    init(path: String, pieces write: @escaping @Sendable (([UInt8]) throws -> Void) throws -> Void)
    {
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
    public func write(into sink: ([UInt8]) throws -> Void) throws {
        switch body {
        case .bytes(let bytes): try sink(bytes)
        case .pieces(let write): try write(sink)
        }
    }

    public static func == (left: SiteFile, right: SiteFile) -> Bool {
        left.path == right.path && (try? left.contents) == (try? right.contents)
    }
}
