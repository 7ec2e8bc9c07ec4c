import Foundation

/// The whole build, Load → Parse → Model → Render → Write, as one call for the CLI.
public struct SiteBuild: Sendable {
    public struct Options: Sendable {
        public var contentFolder: String
        public var outputFolder: String
        /// A folder whose templates and assets replace the built-in theme's files of the same name.
        public var templatesFolder: String?
        /// Where to look for the built-in theme, best first.
        public var themeCandidates: [String]
        /// The moment ages are measured from ("3 days ago"): the build's start, or a fixed
        /// time for a reproducible build.
        public var now: Timestamp
        /// Told how far reading and writing have come, from any thread.
        public var progress: (@Sendable (BuildProgress) -> Void)?
        /// Where the manifest of each output folder's last build is kept, so that the next
        /// build reuses the pages whose fingerprint has not changed; nil: every file is made.
        public var cacheFolder: String?
        /// What tells this build of Cairn from another with the same version number: pages
        /// are reused only by the Cairn that made them.
        public var toolIdentity = ""

        public init(
            contentFolder: String, outputFolder: String, templatesFolder: String?,
            themeCandidates: [String], now: Timestamp
        ) {
            self.contentFolder = contentFolder
            self.outputFolder = outputFolder
            self.templatesFolder = templatesFolder
            self.themeCandidates = themeCandidates
            self.now = now
        }
    }

    /// What a build did: its diagnostics, sorted, and what it wrote (nothing when an error stands).
    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        /// What the checker's rules found; they never stop a build.
        public var findings: [Diagnostic]
        public var handbook: Handbook?
        public var writtenFiles: Int
        /// How many of the files were linked from the previous build, unchanged.
        public var reusedFiles = 0
        /// Why what was written could not be kept in the cache; the build itself is unaffected.
        public var cacheProblem: String?
        public var didWrite: Bool { writtenFiles > 0 }
    }

    public let options: Options

    /// Reads and parses every status record file, one at a time.
    public static func readStatus(_ files: [ContentAsset]) -> (
        history: StatusHistory, diagnostics: [Diagnostic]
    ) {
        HandbookLoading.readStatus(files)
    }

    public init(options: Options) {
        self.options = options
    }

    /// Runs the build. Content problems come back as diagnostics; when any is an error,
    /// nothing is written and the previous output stays as it was.
    /// - Throws: `CairnError` when the content, theme or output folder cannot be used at all.
    public func run() throws -> Outcome {
        let loaded = try HandbookLoading.load(
            contentFolder: options.contentFolder, progress: options.progress)
        let theme = try ThemeLoader().load(
            candidates: options.themeCandidates, overrides: options.templatesFolder)
        var diagnostics = loaded.diagnostics
        let made = SiteRenderer.make(theme: theme)
        diagnostics += made.diagnostics
        diagnostics.sort()
        let findings = Checker().check(loaded.handbook, now: options.now)
        guard !diagnostics.hasErrors, let renderer = made.renderer else {
            return Outcome(
                diagnostics: diagnostics, findings: findings, handbook: loaded.handbook,
                writtenFiles: 0)
        }
        // Notes (each mojibake repair) stay in the terminal; the pages list what needs work.
        let listed = (diagnostics + findings).filter { $0.severity != .note }.sorted()
        let files = renderer.render(loaded.handbook, findings: listed, now: options.now)
        let outputPath =
            (try? SiteWriter.resolvedOutput(options.outputFolder))?.path
            ?? URL(fileURLWithPath: options.outputFolder).standardizedFileURL.path
        let previous = options.cacheFolder.flatMap {
            BuildCacheReader(folder: $0).manifest(
                forOutput: outputPath, toolIdentity: options.toolIdentity)
        }
        let written = try SiteWriter().write(
            files, assets: loaded.assets, to: options.outputFolder, reusing: previous,
            keepsFingerprints: options.cacheFolder != nil, progress: options.progress)
        var outcome = Outcome(
            diagnostics: diagnostics, findings: findings, handbook: loaded.handbook,
            writtenFiles: written.files, reusedFiles: written.reused)
        if let folder = options.cacheFolder {
            do {
                try BuildCacheWriter(folder: folder).store(
                    OutputManifest(
                        toolIdentity: options.toolIdentity, outputPath: outputPath,
                        entries: written.manifestEntries))
            } catch {
                outcome.cacheProblem = "\(folder): \(FailureReason.of(error))"
            }
        }
        return outcome
    }
}
