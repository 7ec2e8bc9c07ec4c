import ArgumentParser
import CairnKit
import Foundation

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the content folder into a static handbook site."
    )

    @Option(help: "The content folder: markdown plans, status records, handbook.yml.")
    var content = "content"

    @Option(
        help:
            "A folder of templates and assets that replace the built-in theme's files of the same name."
    )
    var templates: String?

    @Option(help: "The folder to write the site into; replaced as a whole when the build succeeds.")
    var output = "public"

    @Flag(name: .shortAndLong, help: "Also list notes (each mojibake repair, hints).")
    var verbose = false

    @Option(
        name: .customLong("cache-dir"),
        help: ArgumentHelp(
            "Where to keep what the next build can reuse (default: .cairn-cache beside the content folder).",
            valueName: "cache-dir"))
    var cacheFolder: String?

    @Flag(name: .customLong("no-cache"), help: "Neither read nor write the cache: make every file.")
    var noCache = false

    @Flag(name: .shortAndLong, help: "Print only errors and warnings.")
    var quiet = false

    func run() throws {
        var options = SiteBuild.Options(
            contentFolder: content, outputFolder: output, templatesFolder: templates,
            themeCandidates: ThemeLoader().builtInThemeCandidates(
                executablePath: Terminal.executablePath),
            now: Terminal.now)
        options.cacheFolder =
            noCache ? nil : cacheFolder ?? CacheFolder.defaultPath(forContent: content)
        options.toolIdentity = Terminal.executableIdentity
        let bar = ProgressBar.make(quiet: quiet)
        if let bar { options.progress = { bar.update($0) } }
        let build = SiteBuild(options: options)
        defer { bar?.finish() }
        let outcome: SiteBuild.Outcome
        do {
            outcome = try build.run()
            bar?.finish()
        } catch {
            Terminal.printError("error: \(FailureReason.of(error))")
            throw ExitCode(2)
        }
        let report = DiagnosticReport(
            outcome.diagnostics, showsNotes: verbose, isColored: Terminal.isColoredStandardError,
            countsHiddenNotes: !quiet, contentFolder: content)
        for line in report.lines { Terminal.printError(line) }
        guard outcome.didWrite else {
            Terminal.printError(
                "build failed: \(CountedNoun.phrase(report.count(.error), "error")); '\(output)' was left as it was"
            )
            throw ExitCode(2)
        }
        if let problem = outcome.cacheProblem {
            Terminal.printError("warning: what was built was not kept in the cache: \(problem)")
        }
        if verbose {
            Terminal.printError(
                "note: \(outcome.reusedFiles) of \(outcome.writtenFiles) files were unchanged since the last build and reused"
            )
        }
        if !quiet, let handbook = outcome.handbook {
            let progress = handbook.progress
            Terminal.printOutput(
                "Built \(CountedNoun.phrase(handbook.documents.count, "document")) into \(output)/ (\(outcome.writtenFiles) files): "
                    + "\(progress.done)/\(progress.total) tasks done (\(progress.percent)%)")
            let checks = CheckReport(
                findings: outcome.findings, contentFolder: content, isStrict: false)
            if !outcome.findings.isEmpty {
                Terminal.printOutput(
                    "Checks: \(checks.summary); 'cairn check' lists them, and so does \(output)/checks.html"
                )
            }
        }
        Terminal.exitSuccessfully()
    }
}
