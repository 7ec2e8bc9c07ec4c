import Foundation
import Testing

struct BuildCommandTests {
    let fixtures = CairnBinary.fixtures

    @Test
    func `building a content tree writes the dashboard, a page per document and handbook.json`()
        throws
    {
        let scratch = try ScratchFolder()
        let result = try CairnBinary.run(
            [
                "build", "--cache-dir", "cache", "--content", fixtures + "/minimal", "--output",
                scratch.path + "/site",
            ],
            in: scratch.path)
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Built 1 document into"))
        #expect(result.standardOutput.contains("1/2 tasks done (50%)"))
        #expect(scratch.read("site/index.html")?.contains("Phase 1: Start") == true)
        #expect(scratch.read("site/plans/plan.html")?.contains("id=\"phase-1/continue\"") == true)
        #expect(
            scratch.read("site/handbook.json")?.contains("\"schema\":\"cairn.handbook/v1\"")
                == true)
        #expect(scratch.exists("site/assets/cairn.css"))
        #expect(scratch.exists("site/.cairn-output"))
    }

    @Test func `the defaults are ./content and ./public, from any working folder`() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/plans/a.md", "# A\n- [ ] one\n")
        let result = try CairnBinary.run(["build"], in: scratch.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(scratch.exists("public/plans/a.html"))
        #expect(scratch.exists("public/index.html"))
    }

    @Test func `a site built inside the content folder is not read back as content`() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/plans/a.md", "# A\n- [ ] one\n")
        try scratch.write("content/images/diagram.svg", "<svg/>")
        let arguments = ["build", "--content", "content", "--output", "content/public", "--quiet"]
        let first = try CairnBinary.run(arguments, in: scratch.path)
        #expect(first.status == 0, "\(first.standardError)")
        let second = try CairnBinary.run(arguments, in: scratch.path)
        #expect(second.status == 0, "\(second.standardError)")
        // Only the content's own asset is copied; the first build's output is not.
        #expect(scratch.exists("content/public/images/diagram.svg"))
        #expect(!scratch.exists("content/public/public"))
        let check = try CairnBinary.run(["check", "--content", "content"], in: scratch.path)
        #expect(check.status == 0, "\(check.standardOutput)")
    }

    @Test func `an output folder reached through a symbolic link is replaced behind the link`()
        throws
    {
        let scratch = try ScratchFolder()
        try FileManager.default.createDirectory(
            atPath: scratch.path + "/www/handbook", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: scratch.path + "/public", withDestinationPath: "www/handbook")
        let arguments = [
            "build", "--cache-dir", "cache", "--content", fixtures + "/minimal", "--output",
            "public",
        ]
        for _ in 1...2 {
            let result = try CairnBinary.run(arguments, in: scratch.path)
            #expect(result.status == 0, "\(result.standardError)")
        }
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path + "/public")
                == "www/handbook")
        #expect(scratch.exists("www/handbook/index.html"))
        #expect(scratch.exists("www/handbook/.cairn-output"))
    }

    @Test func `an output link to a missing folder is exit 2 and the link is left alone`() throws {
        let scratch = try ScratchFolder()
        try FileManager.default.createSymbolicLink(
            atPath: scratch.path + "/public", withDestinationPath: "gone")
        let result = try CairnBinary.run(
            [
                "build", "--cache-dir", "cache", "--content", fixtures + "/minimal", "--output",
                "public",
            ], in: scratch.path)
        #expect(result.status == 2)
        #expect(result.standardError.contains("is a symbolic link to"))
        #expect(result.standardError.contains("which does not exist"))
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path + "/public")
                == "gone")
    }

    @Test func `built from inside the content folder, the cache stays inside the project`() throws {
        let scratch = try ScratchFolder()
        try scratch.write("project/content/plans/a.md", "# A\n- [ ] one\n")
        let result = try CairnBinary.run(
            ["build", "--content", ".", "--output", "../public", "--quiet"],
            in: scratch.path + "/project/content")
        #expect(result.status == 0, "\(result.standardError)")
        #expect(scratch.exists("project/content/.cairn-cache"))
        #expect(!scratch.exists("project/.cairn-cache"))
        // From the project's root the cache sits beside the content folder, as before.
        let fromRoot = try CairnBinary.run(
            ["build", "--output", "public", "--quiet"], in: scratch.path + "/project")
        #expect(fromRoot.status == 0, "\(fromRoot.standardError)")
        #expect(scratch.exists("project/.cairn-cache"))
    }

    @Test func `a content folder with no markdown is exit 2 with a clear message and no site`()
        throws
    {
        let scratch = try ScratchFolder()
        let result = try CairnBinary.run(
            [
                "build", "--cache-dir", "cache", "--content", fixtures + "/empty", "--output",
                scratch.path + "/site",
            ],
            in: scratch.path)
        #expect(result.status == 2)
        #expect(
            result.standardError.contains(
                "error: no markdown documents (*.md) in the content folder; nothing to build [content.no-documents]"
            ))
        #expect(!scratch.exists("site"))
    }

    @Test func `a missing content folder is exit 2`() throws {
        let scratch = try ScratchFolder()
        let result = try CairnBinary.run(["build", "--content", "nowhere"], in: scratch.path)
        #expect(result.status == 2)
        #expect(
            result.standardError
                == "error: content folder 'nowhere' does not exist (pass --content DIR)\n")
    }

    @Test func `a content folder that is a file is exit 2 and says so`() throws {
        let scratch = try ScratchFolder()
        try scratch.write("content/plans/a.md", "# A\n- [ ] one\n")
        for command in ["build", "check"] {
            let result = try CairnBinary.run(
                [command, "--content", "content/plans/a.md"], in: scratch.path)
            #expect(result.status == 2)
            #expect(
                result.standardError
                    == "error: content folder 'content/plans/a.md' is a file; pass the folder that holds the plans (--content DIR)\n"
            )
        }
    }

    @Test func `invalid UTF-8 is reported at file, line and column and the previous site is kept`()
        throws
    {
        let scratch = try ScratchFolder()
        let good = try CairnBinary.run(
            [
                "build", "--cache-dir", "cache", "--content", fixtures + "/minimal", "--output",
                scratch.path + "/site",
            ],
            in: scratch.path)
        #expect(good.status == 0)
        let before = scratch.read("site/index.html")
        let bad = try CairnBinary.run(
            [
                "build", "--cache-dir", "cache", "--content", fixtures + "/bad-utf8", "--output",
                scratch.path + "/site",
            ],
            in: scratch.path)
        #expect(bad.status == 2)
        #expect(
            bad.standardError.contains(
                "plans/bad.md:3:4: error: invalid UTF-8 (byte 0xE9); save the file as UTF-8 [encoding.invalid-utf8]"
            ))
        #expect(bad.standardError.contains("was left as it was"))
        #expect(scratch.read("site/index.html") == before)
    }

    @Test func `a folder Cairn did not write is never replaced`() throws {
        let scratch = try ScratchFolder()
        try scratch.write("site/keep-me.txt", "mine")
        let result = try CairnBinary.run(
            [
                "build", "--cache-dir", "cache", "--content", fixtures + "/minimal", "--output",
                scratch.path + "/site",
            ],
            in: scratch.path)
        #expect(result.status == 2)
        #expect(result.standardError.contains("was not written by Cairn"))
        #expect(scratch.read("site/keep-me.txt") == "mine")
        #expect(!scratch.exists("site/index.html"))
    }

    @Test func `a template in the user's folder replaces the built-in one of the same name`() throws
    {
        let scratch = try ScratchFolder()
        try scratch.write(
            "theme/index.mustache",
            "<p>Custom dashboard for {{page.siteTitle}}: {{progress.figures}}</p>\n")
        let result = try CairnBinary.run(
            [
                "build", "--cache-dir", "cache", "--content", fixtures + "/minimal", "--templates",
                scratch.path + "/theme",
                "--output", scratch.path + "/site",
            ],
            in: scratch.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(scratch.read("site/index.html") == "<p>Custom dashboard for Minimal: 1/2</p>\n")
        #expect(scratch.read("site/plans/plan.html")?.contains("<!DOCTYPE html>") == true)
    }

    @Test func `a templates folder reached through a symbolic link is used`() throws {
        let scratch = try ScratchFolder()
        try scratch.write(
            "kept-elsewhere/index.mustache", "<p>Linked theme: {{progress.figures}}</p>\n")
        try FileManager.default.createSymbolicLink(
            atPath: scratch.path + "/theme", withDestinationPath: scratch.path + "/kept-elsewhere")
        let result = try CairnBinary.run(
            [
                "build", "--cache-dir", "cache", "--content", fixtures + "/minimal", "--templates",
                "theme", "--output",
                "site",
            ],
            in: scratch.path)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(scratch.read("site/index.html") == "<p>Linked theme: 1/2</p>\n")
    }

    @Test func `a template error in a relative templates folder names the file where it is`() throws
    {
        let scratch = try ScratchFolder()
        try scratch.write("theme/index.mustache", "{{#open}}\n")
        let result = try CairnBinary.run(
            [
                "build", "--cache-dir", "cache", "--content", fixtures + "/minimal", "--templates",
                "theme", "--output",
                "site",
            ],
            in: scratch.path)
        #expect(result.status == 2)
        let shown = URL(fileURLWithPath: scratch.path + "/theme/index.mustache")
            .standardizedFileURL.path
        #expect(result.standardError.hasPrefix(shown + ":1:1: error: template does not parse"))
        // Not as if the theme were inside the content folder.
        #expect(!result.standardError.contains("minimal/theme"))
    }

    @Test func `a template that does not parse is an error at its line`() throws {
        let scratch = try ScratchFolder()
        try scratch.write("theme/index.mustache", "line one\n{{#open}}never closed\n")
        let result = try CairnBinary.run(
            [
                "build", "--cache-dir", "cache", "--content", fixtures + "/minimal", "--templates",
                scratch.path + "/theme",
                "--output", scratch.path + "/site",
            ],
            in: scratch.path)
        #expect(result.status == 2)
        #expect(
            result.standardError.contains(
                "/theme/index.mustache:2:1: error: template does not parse: 'open' is opened here but never closed"
            ))
        #expect(result.standardError.contains("[template.invalid]"))
    }

    @Test func `a command line that does not parse is exit 2, as a run that could not be made`()
        throws
    {
        let check = try CairnBinary.run(
            ["check", "--format", "xml"], in: NSTemporaryDirectory())
        #expect(check.status == 2)
        #expect(
            check.standardError.hasPrefix(
                "Error: The value 'xml' is invalid for '--format <format>'"))
        let unknown = try CairnBinary.run(["build", "--bogus"], in: NSTemporaryDirectory())
        #expect(unknown.status == 2)
        #expect(unknown.standardError.hasPrefix("Error: Unknown option '--bogus'"))
        let help = try CairnBinary.run(["check", "--help"], in: NSTemporaryDirectory())
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("USAGE: cairn check"))
    }

    @Test func `--version prints the version`() throws {
        let result = try CairnBinary.run(["--version"], in: NSTemporaryDirectory())
        #expect(result.status == 0)
        #expect(result.standardOutput == "0.1.0\n")
    }
}

struct StandardStreamTests {
    /// Runs cairn through the shell with `redirection` applied (`> /dev/full`, where every
    /// write fails; `< /`, a folder, which cannot be read).
    private func run(_ arguments: [String], _ redirection: String) throws -> (
        status: Int32, error: String
    ) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments =
            ["-c", "exec \"$0\" \"$@\" \(redirection)", CairnBinary.path] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: NSTemporaryDirectory())
        let error = Pipe()
        process.standardError = error
        try process.run()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: errorData, as: UTF8.self))
    }

    @Test func `output that cannot be written is exit 2 with the reason, not a crash`() throws {
        let minimal = CairnBinary.fixtures + "/minimal"
        for arguments in [
            ["check", "--content", minimal, "--no-cache", "--format", "json"],
            ["check", "--content", minimal, "--no-cache", "--format", "sarif"],
            ["schema", "deploy"],
        ] {
            let result = try run(arguments, "> /dev/full")
            #expect(result.status == 2, "\(arguments)")
            #expect(
                result.error == "error: cannot write to standard output: No space left on device\n",
                "\(arguments)")
        }
    }

    @Test func `a record read from a standard input that cannot be read is exit 2 with the reason`()
        throws
    {
        let folder = try ScratchFolder()
        let result = try run(
            ["record", "deploy", "--content", folder.path, "--from-json", "-"], "< /")
        #expect(result.status == 2)
        #expect(result.error == "error: cannot read standard input: Is a directory\n")
    }
}

struct SpecialFileTests {
    /// Runs cairn in `folder` under `timeout`, which kills it after a minute (a read that waits
    /// on a named pipe never ends by itself): status 9, the signal. A child of the test runner may
    /// inherit SIGTERM blocked, so only SIGKILL is sure to end it.
    private func runWithDeadline(_ arguments: [String], in folder: String) throws -> (
        status: Int32, error: String
    ) {
        let result = try CairnBinary(path: "/usr/bin/timeout").run(
            ["--signal=KILL", "60", CairnBinary.path] + arguments, in: folder)
        return (result.status, result.standardError)
    }

    @Test func `a named pipe among the content or the templates is skipped with a warning`() throws
    {
        let folder = try ScratchFolder()
        try folder.write("content/plans/plan.md", "# Plan\n- [ ] Task\n")
        try folder.write("templates/assets/extra.css", "body { color: black; }\n")
        for pipe in [
            "content/plans/pipe.md", "content/status/deploys/pipe.json", "content/pipe.png",
            "templates/page.mustache",
        ] {
            try FileManager.default.createDirectory(
                atPath: ((folder.path + "/" + pipe) as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            #expect(mkfifo(folder.path + "/" + pipe, 0o644) == 0)
        }
        let build = try runWithDeadline(
            ["build", "--content", "content", "--templates", "templates", "--no-cache"],
            in: folder.path)
        #expect(build.status == 0)
        for pipe in ["plans/pipe.md", "status/deploys/pipe.json", "pipe.png"] {
            #expect(
                build.error.contains(
                    "content/\(pipe): warning: is not a file or a folder (a named pipe, socket or device); skipped [content.unreadable]"
                ))
        }
        #expect(folder.exists("public/plans/plan.html"))
        #expect(folder.exists("public/assets/extra.css"))
        #expect(!folder.exists("public/pipe.png"))

        let check = try runWithDeadline(
            ["check", "--content", "content", "--no-cache"], in: folder.path)
        #expect(check.status == 0)
        #expect(check.error.isEmpty)
    }
}
