import Foundation
import Testing

struct InitCommandTests {
    @Test
    func
        `init writes a small plan, a runbook and a commented handbook.yml that build and check clean`()
        throws
    {
        let scratch = try ScratchFolder()
        let result = try CairnBinary.run(["init", "project"], in: scratch.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.hasPrefix(
                "wrote project/content/handbook.yml\nwrote project/content/plans/MIGRATION_PLAN.md\nwrote project/content/runbooks/ROLLBACK.md\n"
            ))
        #expect(result.standardOutput.contains("cd project && cairn build"))
        #expect(
            scratch.read("project/content/handbook.yml")?.contains("# unsafe_html: false") == true)
        let build = try CairnBinary.run(["build"], in: scratch.path + "/project")
        #expect(build.status == 0, "\(build.standardError)")
        #expect(build.standardOutput.contains("Built 2 documents"))
        #expect(
            scratch.read("project/public/plans/MIGRATION_PLAN.html")?.contains("Phase 2: Go-Live")
                == true)
        let check = try CairnBinary.run(["check"], in: scratch.path + "/project")
        #expect(check.status == 0)
        #expect(check.standardOutput == "cairn check: 0 errors, 0 warnings, 0 notes\n")
    }

    @Test func `init never overwrites and writes nothing when a file is in the way`() throws {
        let scratch = try ScratchFolder()
        try scratch.write("project/content/plans/MIGRATION_PLAN.md", "# Mine\n")
        let result = try CairnBinary.run(["init", "project"], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.standardError.contains("never overwrites"))
        #expect(scratch.read("project/content/plans/MIGRATION_PLAN.md") == "# Mine\n")
        #expect(!scratch.exists("project/content/handbook.yml"))
    }

    @Test func `an installed cairn finds its theme beside it and works from any folder`() throws {
        let scratch = try ScratchFolder()
        let prefix = scratch.path + "/prefix"
        try FileManager.default.createDirectory(
            atPath: prefix + "/bin", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            atPath: prefix + "/share/cairn", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CairnBinary.path, toPath: prefix + "/bin/cairn")
        try FileManager.default.copyItem(
            atPath: CairnBinary.packageRoot.appendingPathComponent("templates").path,
            toPath: prefix + "/share/cairn/templates")
        try FileManager.default.createDirectory(
            atPath: scratch.path + "/work", withIntermediateDirectories: true)
        let installed = CairnBinary(path: prefix + "/bin/cairn")
        #expect(try installed.run(["init", "handbook"], in: scratch.path + "/work").status == 0)
        let build = try installed.run(["build"], in: scratch.path + "/work/handbook")
        #expect(build.status == 0, "\(build.standardError)")
        #expect(scratch.exists("work/handbook/public/assets/cairn.css"))
    }

    @Test func `the version and shell completions come from the command line definition`() throws {
        #expect(
            try CairnBinary.run(["--version"], in: NSTemporaryDirectory()).standardOutput
                == "0.1.0\n")
        let bash = try CairnBinary.run(
            ["--generate-completion-script", "bash"], in: NSTemporaryDirectory())
        #expect(bash.status == 0)
        #expect(bash.standardOutput.contains("record"))
        #expect(bash.standardOutput.contains("--gate"))
    }
}
