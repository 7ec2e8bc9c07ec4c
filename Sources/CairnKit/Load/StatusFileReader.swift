import Foundation

/// Reads the bytes of one status record file.
public struct StatusFileReader: Sendable {
    public init() {}

    public func read(_ file: ContentAsset) -> (bytes: [UInt8]?, diagnostics: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: file.sourcePath) else {
            return (
                nil,
                [
                    Diagnostic(
                        .contentUnreadable, .error, at: .init(path: file.path),
                        "cannot read file (permission denied?)")
                ]
            )
        }
        return ([UInt8](data), [])
    }
}
