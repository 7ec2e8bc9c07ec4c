/// One file of the rendered site: a path relative to the output folder and its bytes.
public struct SiteFile: Sendable, Equatable {
    public var path: String
    public var contents: [UInt8]

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }
}
