/// A fenced block of steps joined by `↓` or `→` arrows.
public struct Workflow: Sendable, Equatable {
    public enum Direction: String, Sendable, Equatable, Codable {
        case vertical
        case horizontal
    }

    /// The title of the section the block is in.
    public var title: String
    public var steps: [String]
    public var direction: Direction
    public var documentPath: String
    public var location: Diagnostic.Location
}
