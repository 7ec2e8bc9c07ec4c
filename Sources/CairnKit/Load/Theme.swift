/// The templates and static assets a site is rendered with: the built-in theme, with any file
/// of the same name from the user's templates folder taking its place.
public struct Theme: Sendable {
    /// Mustache sources by name (`layout`, `partials/progress`), without the `.mustache` extension.
    public var templates: [String: String]
    /// Static files by path under `assets/` (`assets/cairn.css`), copied into the site.
    public var assets: [String: [UInt8]]
    /// Where each template was read from, for messages about it.
    public var templatePaths: [String: String]
    /// The built-in theme's folder, absolute, for a message about a template it lacks; empty
    /// for a theme made in memory.
    public var folder = ""

    public init(
        templates: [String: String], assets: [String: [UInt8]],
        templatePaths: [String: String] = [:]
    ) {
        self.templates = templates
        self.assets = assets
        self.templatePaths = templatePaths
    }
}
