import Foundation
import Testing

@testable import CairnKit

struct ContentLoaderTests {
    @Test func `markdown becomes documents, handbook.yml the config, other files assets`() throws {
        let folder = try TemporaryFolder()
        try folder.write("plans/a.md", "# A\n")
        try folder.write("runbooks/b.markdown", "# B\n")
        try folder.write("handbook.yml", "title: T\n")
        try folder.write("plans/diagram.png", "png")
        try folder.write("status/deploys/x.json", "{}")
        try folder.write(".hidden.md", "# hidden\n")
        let tree = try ContentLoader().load(root: folder.path)
        #expect(tree.documents.map(\.path) == ["plans/a.md", "runbooks/b.markdown"])
        #expect(tree.config?.text == "title: T\n")
        #expect(tree.assets.map(\.path) == ["plans/diagram.png"])
        #expect(tree.statusFiles.map(\.path) == ["status/deploys/x.json"])
        #expect(tree.diagnostics.isEmpty)
    }

    @Test func `a symlink out of the content folder is skipped with a warning`() throws {
        let outside = try TemporaryFolder()
        try outside.write("secret.md", "# Secret\n")
        let folder = try TemporaryFolder()
        try folder.write("plans/a.md", "# A\n")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/plans/secret.md",
            withDestinationPath: outside.path + "/secret.md")
        let tree = try ContentLoader().load(root: folder.path)
        #expect(tree.documents.map(\.path) == ["plans/a.md"])
        #expect(tree.diagnostics.map(\.id) == [.contentSymlinkOutside])
        #expect(tree.diagnostics.first?.location.path == "plans/secret.md")
    }

    @Test func `a symlink loop is skipped, not followed forever`() throws {
        let folder = try TemporaryFolder()
        try folder.write("plans/a.md", "# A\n")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/plans/loop", withDestinationPath: folder.path + "/plans")
        let tree = try ContentLoader().load(root: folder.path)
        #expect(tree.documents.map(\.path) == ["plans/a.md"])
        #expect(tree.diagnostics.map(\.id) == [.contentSymlinkOutside])
    }

    @Test func `a missing content folder is an error that stops the run`() {
        #expect(throws: CairnError.contentFolderMissing(path: "/nonexistent/cairn")) {
            try ContentLoader().load(root: "/nonexistent/cairn")
        }
    }

    @Test func `a markdown file is told by its extension as Foundation reads one, in any case`() {
        let names = [
            "plans/a.md", "a.MD", "a.Md", "x.markdown", "X.MARKDOWN", "a.b.md", "a.md.txt", "amd",
            "a.mdx", "a.md ", "plans/.md", ".md", "plans.md/a", "é.md", "a.", "a..md", "md",
            "plans/x.MarkDown", "a.m", "a.markdow",
        ]
        for name in names {
            let extensionRead = (name as NSString).pathExtension.lowercased()
            #expect(
                ContentLoader.isMarkdown(name)
                    == ContentLoader.markdownExtensions.contains(extensionRead), "\(name)")
        }
    }

    @Test func `a name that is not valid UTF-8 is an error that says so, not a read failure`()
        throws
    {
        let folder = try TemporaryFolder()
        try folder.write("plans/a.md", "# A\n")
        // `b\xFF.md`: a name Linux allows and no Swift string can spell.
        var name = Array((folder.path + "/plans/b").utf8) + [0xFF] + Array(".md".utf8) + [0]
        let descriptor = name.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                open($0, O_CREAT | O_WRONLY, 0o644)
            }
        }
        #expect(descriptor >= 0)
        close(descriptor)
        let tree = try ContentLoader().load(root: folder.path)
        #expect(tree.documents.map(\.path) == ["plans/a.md"])
        #expect(
            tree.diagnostics.map(\.formatted) == [
                "plans/b\u{FFFD}.md: error: the name is not valid UTF-8 (� marks the bytes that are not): rename it [content.unreadable]"
            ])
    }
}
