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
        guard gate == nil, !listGates else { return try runGates() }
        let format = CheckReport.Format(rawValue: self.format.rawValue) ?? .text
        let run = CheckRun(
            options: .init(
                contentFolder: content, format: format, isStrict: strict, isVerbose: verbose,
                isColored: isColored(format),
                cacheFolder: noCache
                    ? nil : cacheFolder ?? CacheFolder.defaultPath(forContent: content),
                toolIdentity: Terminal.executableIdentity, now: Terminal.now))
        let result: CheckRun.Result
        do {
            result = try run.run()
        } catch {
            Terminal.printError("error: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        FileHandle.standardOutput.write(Data(result.output))
        if verbose && result.cameFromCache {
            Terminal.printError(
                "note: nothing changed since the last check; its report came from the cache")
        }
        if let problem = result.cacheProblem {
            Terminal.printError("warning: the result was not kept in the cache: \(problem)")
        }
        if result.exitCode != 0 { throw ExitCode(result.exitCode) }
    }

    /// `--gate` and `--list-gates`, which read the whole model every time.
    private func runGates() throws {
        let loaded: HandbookLoading.Loaded
        do {
            loaded = try HandbookLoading.load(contentFolder: content, rendersHTML: false)
        } catch {
            Terminal.printError("error: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        let format = CheckReport.Format(rawValue: self.format.rawValue) ?? .text
        if loaded.diagnostics.hasErrors {
            let unreadable = loaded.diagnostics.filter { $0.severity != .note }
            try emit(
                CheckReport(findings: unreadable, contentFolder: content, isStrict: strict), format)
            throw ExitCode(2)
        }
        let now = Terminal.now
        if listGates {
            for gate in GateCheck(handbook: loaded.handbook, now: now).gates {
                let requirements =
                    gate.requirements.isEmpty
                    ? "nothing" : gate.requirements.joined(separator: ", ")
                print(
                    "\(gate.name)\t\(gate.kind.rawValue)\t\(gate.progress.done)/\(gate.progress.total)\trequires: \(requirements)"
                )
            }
            return
        }
        let gates = GateCheck(handbook: loaded.handbook, now: now)
        guard let gate, let findings = gates.check(gate) else {
            Terminal.printError(
                "error: no gate, phase or checklist is named '\(gate ?? "")'; cairn check --list-gates shows them"
            )
            throw ExitCode(2)
        }
        let report = CheckReport(findings: findings, contentFolder: content, isStrict: strict)
        try emit(report, format)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    private func emit(_ report: CheckReport, _ format: CheckReport.Format) throws {
        FileHandle.standardOutput.write(
            Data(try report.render(format, isColored: isColored(format)).utf8))
    }

    private func isColored(_ format: CheckReport.Format) -> Bool {
        format == .text && isatty(STDOUT_FILENO) != 0
            && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }
}
