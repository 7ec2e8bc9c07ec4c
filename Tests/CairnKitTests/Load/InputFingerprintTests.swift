import Foundation
import Testing

@testable import CairnKit

struct InputFingerprintTests {
    private static func deploy(_ version: String) -> String {
        """
        {"schema": "cairn.deploy/v1", "environment": "staging", "version": "\(version)", "commit": "c1",
         "status": "success", "started_at": "2026-11-20T10:00:00Z"}
        """
    }

    @Test func `a check parses the status records it hashed, without reading them again`() throws {
        let folder = try TemporaryFolder()
        try folder.write("plans/plan.md", "# Plan\n- [ ] Deploy\n")
        try folder.write("status/deploys/d1.json", Self.deploy("v1"))
        try folder.write("status/deploys/d2.json", Self.deploy("v2"))
        let tree = try ContentLoader().load(root: folder.path)
        let fingerprint = InputFingerprint.of(tree, settings: ["check"])
        #expect(fingerprint.hash == InputFingerprint.of(tree, settings: ["check"]).hash)
        #expect(
            fingerprint.statusFiles.map { $0.bytes.map { String(decoding: $0, as: UTF8.self) } }
                == [Self.deploy("v1"), Self.deploy("v2")])

        // A record rewritten after it was hashed: the check reads what its cache key stands for.
        try folder.write("status/deploys/d2.json", Self.deploy("v3"))
        let kept = HandbookLoading.load(tree, statusFilesRead: fingerprint.statusFiles)
        #expect(kept.handbook.status.deploys.map(\.record.version).sorted() == ["v1", "v2"])
        let reread = HandbookLoading.load(tree)
        #expect(reread.handbook.status.deploys.map(\.record.version).sorted() == ["v1", "v3"])
        #expect(InputFingerprint.of(tree, settings: ["check"]).hash != fingerprint.hash)
    }
}
