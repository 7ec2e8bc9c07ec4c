import Foundation
import Testing

@testable import CairnKit

struct FailureReasonTests {
    @Test func `a file error is told by the operating system's reason, not Foundation's code`()
        throws
    {
        let folder = try TemporaryFolder()
        try folder.write("blocked", "a file\n")
        do {
            try FileManager.default.createDirectory(
                atPath: folder.path + "/blocked/inside", withIntermediateDirectories: true)
            Issue.record("a folder was made inside a file")
        } catch {
            #expect(FailureReason.of(error) == "Not a directory")
        }
        #expect(FailureReason.of(POSIXError(.ENOSPC)) == "No space left on device")
        #expect(
            FailureReason.of(CairnError.gateUnknown(name: "x"))
                == CairnError.gateUnknown(name: "x").localizedDescription)
    }
}
