import ArgumentParser
import CairnKit
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Check the plan against itself and the status records; exit 1 when an error stands.",
        discussion:
            "Exit codes: 0 nothing fails, 1 errors (or warnings with --strict), 2 the content could not be read."
    )

    @Option(help: "The content folder.") var content = "content"
    @Option(help: "text, json, github, junit or sarif.") var format: OutputFormat = .text
    @Option(
        help:
            "Check only what must hold before this step: a gate of handbook.yml, a phase, or a checklist."
    )
    var gate: String?
    @Flag(name: .customLong("list-gates"), help: "List the steps --gate accepts.") var listGates =
        false
    @Flag(help: "Warnings fail the check too.") var strict = false
    @Flag(name: .shortAndLong, help: "Also report notes (each mojibake repair).") var verbose =
        false
    @Option(
        name: .customLong("cache-dir"),
        help:
            "Where to keep results for the next run with the same content (default: .cairn-cache beside the content folder)."
    )
    var cacheFolder: String?
    @Flag(name: .customLong("no-cache"), help: "Neither read nor write the cache.") var noCache =
        false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, github, junit, sarif
    }

    func run() throws {
        let format = CheckReport.Format(rawValue: self.format.rawValue) ?? .text
        var options = CheckRun.Options(
            contentFolder: content, format: format, isStrict: strict, isVerbose: verbose,
            isColored: isColored(format),
            cacheFolder: noCache
                ? nil : cacheFolder ?? CacheFolder.defaultPath(forContent: content),
            toolIdentity: Terminal.executableIdentity, now: Terminal.now)
        if listGates {
            options.scope = .listGates
        } else if let gate {
            options.scope = .gate(gate)
        }
        let result: CheckRun.Result
        do {
            result = try CheckRun(options: options).run()
        } catch {
            Terminal.printError("error: \(FailureReason.of(error))")
            throw ExitCode(2)
        }
        Terminal.writeOutput(result.output)
        if verbose && result.cameFromCache {
            Terminal.printError(
                "note: nothing changed since the last check; its report came from the cache")
        }
        if let problem = result.cacheProblem {
            Terminal.printError("warning: the result was not kept in the cache: \(problem)")
        }
        // Ends here, with the checked model still held, rather than freeing it on the way out.
        withExtendedLifetime(result) { Terminal.exit(with: result.exitCode) }
    }

    private func isColored(_ format: CheckReport.Format) -> Bool {
        format == .text && isatty(STDOUT_FILENO) != 0
            && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
