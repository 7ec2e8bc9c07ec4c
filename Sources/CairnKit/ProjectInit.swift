/// `cairn init`: a new project's content folder, or a CI recipe, from the built-in theme.
public struct ProjectInit: Sendable {
    /// The CI systems Cairn has a recipe for, and where each recipe goes in a project.
    public enum CISystem: String, Sendable, CaseIterable {
        case github
        case gitlab

        /// The recipe's file under the theme's `ci/` folder.
        var recipe: String { rawValue + ".yml" }

        public var destination: String {
            switch self {
            case .github: ".github/workflows/cairn.yml"
            case .gitlab: ".gitlab-ci.yml"
            }
        }
    }

    public let themeCandidates: [String]

    public init(themeCandidates: [String]) {
        self.themeCandidates = themeCandidates
    }

    /// Writes `content/` (a short plan with two phases, a runbook, a commented `handbook.yml`)
    /// into `directory`, or, given `ci`, that system's workflow file.
    /// - Returns: the paths written.
    /// - Throws: `CairnError.scaffoldWouldOverwrite` when a file is there already.
    public func run(directory: String, ci: CISystem?) throws -> [String] {
        let loader = ThemeLoader()
        if let ci {
            let recipes = try loader.scaffold("ci", candidates: themeCandidates)
            guard let recipe = recipes[ci.recipe] else {
                throw CairnError.themeMissing(searched: themeCandidates)
            }
            return try ScaffoldWriter().write([ci.destination: recipe], into: directory)
        }
        let files = try loader.scaffold("init", candidates: themeCandidates)
        guard !files.isEmpty else { throw CairnError.themeMissing(searched: themeCandidates) }
        return try ScaffoldWriter().write(files, into: directory)
    }
}
