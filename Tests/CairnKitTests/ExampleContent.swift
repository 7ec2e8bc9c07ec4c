import CairnKit
import Foundation
import Testing

/// The repository's own example content and helpers to build a handbook from inline markdown.
enum ExampleContent {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let contentFolder = packageRoot.appendingPathComponent("content").path
    static let planPath = "plans/HOSTING_MIGRATION_PLAN.md"

    static func handbook() throws -> (handbook: Handbook, diagnostics: [Diagnostic]) {
        let tree = try ContentLoader().load(root: contentFolder)
        let status = SiteBuild.readStatus(tree.statusFiles)
        let built = HandbookBuilder().build(tree, status: status.history)
        return (built.handbook, tree.diagnostics + status.diagnostics + built.diagnostics)
    }

    /// A handbook of one document with the given markdown.
    static func document(_ markdown: String, path: String = "plan.md") -> Document {
        let tree = ContentTree(
            root: "/", documents: [SourceFile(path: path, text: markdown)], config: nil, assets: [],
            diagnostics: [])
        return HandbookBuilder().build(tree).handbook.documents[0]
    }
}

extension ExampleContent {
    /// 2026-11-25T00:00:00Z: ages on rendered pages are measured from here.
    static let fixedNow = Timestamp(secondsSince1970: 1_795_564_800)
    static let themeFolder = packageRoot.appendingPathComponent("templates").path

    /// Loads, models and renders a content folder with the repository's theme.
    /// - Parameter checks: whether the pages show the checker's findings, as a build's do.
    static func render(contentFolder: String, checks: Bool = false) throws -> [SiteFile] {
        let tree = try ContentLoader().load(root: contentFolder)
        let status = SiteBuild.readStatus(tree.statusFiles)
        let handbook = HandbookBuilder().build(tree, status: status.history).handbook
        let theme = try ThemeLoader().load(candidates: [themeFolder], overrides: nil)
        let renderer = try #require(SiteRenderer.make(theme: theme).renderer)
        let findings = checks ? Checker().check(handbook, now: fixedNow) : []
        return Array(renderer.render(handbook, findings: findings, now: fixedNow))
    }
}
