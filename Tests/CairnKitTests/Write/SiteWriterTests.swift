import CairnKit
import Foundation
import Testing

struct SiteWriterTests {
    let pages = [SiteFile(path: "index.html", contents: Array("new".utf8))]

    @Test func `a folder holding only .gitkeep is written into and keeps its .gitkeep`() throws {
        let folder = try TemporaryFolder()
        try folder.write("public/.gitkeep", "")
        try SiteWriter().write(pages, assets: [], to: folder.path + "/public")
        #expect(folder.read("public/index.html") == "new")
        #expect(folder.exists("public/.gitkeep"))
        #expect(folder.exists("public/.cairn-output"))
    }

    @Test func `a previous Cairn output is replaced whole, stale pages included`() throws {
        let folder = try TemporaryFolder()
        try SiteWriter().write(
            [SiteFile(path: "old.html", contents: Array("old".utf8))], assets: [],
            to: folder.path + "/public")
        try SiteWriter().write(pages, assets: [], to: folder.path + "/public")
        #expect(!folder.exists("public/old.html"))
        #expect(folder.read("public/index.html") == "new")
    }

    @Test func `a non-empty folder without the marker is refused and left untouched`() throws {
        let folder = try TemporaryFolder()
        try folder.write("public/notes.txt", "mine")
        #expect(throws: CairnError.outputNotCairns(path: folder.path + "/public")) {
            try SiteWriter().write(pages, assets: [], to: folder.path + "/public")
        }
        #expect(folder.read("public/notes.txt") == "mine")
    }

    @Test func `no temporary folder is left beside the output`() throws {
        let folder = try TemporaryFolder()
        try SiteWriter().write(pages, assets: [], to: folder.path + "/public")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == ["public"])
    }
}
