import Foundation
import Testing

@testable import CairnKit

struct CacheWriteTests {
    @Test
    func `a cache file is written whole from its parts, and nothing is left when it cannot be`()
        throws
    {
        let folder = try TemporaryFolder()
        let destination = folder.path + "/entry"
        let large = [UInt8](repeating: UInt8(ascii: "x"), count: 3_000_000)
        try CacheFolder.writeWhole([Array("header\n".utf8), large, []], to: destination)
        #expect(FileManager.default.contents(atPath: destination) == Data("header\n".utf8 + large))
        try CacheFolder.writeWhole([Array("again\n".utf8)], to: destination)
        #expect(folder.read("entry") == "again\n")

        #expect(throws: POSIXError(.ENOENT)) {
            try CacheFolder.writeWhole([Array("x".utf8)], to: folder.path + "/missing/entry")
        }
        try folder.write("file", "not a folder\n")
        #expect(throws: POSIXError(.ENOTDIR)) {
            try CacheFolder.writeWhole([Array("x".utf8)], to: folder.path + "/file/entry")
        }
        // Written, but a folder stands where it would be renamed to: the temporary file goes.
        try FileManager.default.createDirectory(
            atPath: folder.path + "/taken", withIntermediateDirectories: false)
        #expect(throws: POSIXError(.EISDIR)) {
            try CacheFolder.writeWhole([Array("x".utf8)], to: folder.path + "/taken")
        }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                "entry", "file", "taken",
            ])
    }
}
