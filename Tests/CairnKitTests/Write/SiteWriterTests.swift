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
        #expect(names.sorted() == [".public.cairn-lock", "public"])
    }
}

struct SiteWriterFaultTests {
    @Test func `what a killed build left beside the output is cleared by the next one`() throws {
        let folder = try TemporaryFolder()
        try SiteWriter().write(
            [SiteFile(path: "index.html", contents: Array("one".utf8))], assets: [],
            to: folder.path + "/public")
        try folder.write(".public.cairn-tmp-999-dead/.cairn-output", "")
        try folder.write(".public.cairn-tmp-999-dead/index.html", "half")
        try folder.write(".public.cairn-tmp-not-ours/keep.txt", "not Cairn's")
        try SiteWriter().write(
            [SiteFile(path: "index.html", contents: Array("two".utf8))], assets: [],
            to: folder.path + "/public")
        #expect(!folder.exists(".public.cairn-tmp-999-dead"))
        #expect(folder.read(".public.cairn-tmp-not-ours/keep.txt") == "not Cairn's")
        #expect(folder.read("public/index.html") == "two")
    }

    @Test func `a write that fails leaves the previous site and no temporary folder`() throws {
        let folder = try TemporaryFolder()
        try SiteWriter().write(
            [SiteFile(path: "index.html", contents: Array("one".utf8))], assets: [],
            to: folder.path + "/public")
        let asset = ContentAsset(
            path: "plans/gone.png", sourcePath: folder.path + "/no-such-file.png")
        #expect(throws: CairnError.self) {
            try SiteWriter().write(
                [SiteFile(path: "index.html", contents: Array("two".utf8))], assets: [asset],
                to: folder.path + "/public")
        }
        #expect(folder.read("public/index.html") == "one")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.contains("cairn-tmp")
        }
        #expect(names.isEmpty)
    }
}
