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

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, github, junit, sarif
    }

    func run() throws {
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
        var findings: [Diagnostic]
        if let gate {
            let gates = GateCheck(handbook: loaded.handbook, now: now)
            guard let gateFindings = gates.check(gate) else {
                Terminal.printError(
                    "error: no gate, phase or checklist is named '\(gate)'; cairn check --list-gates shows them"
                )
                throw ExitCode(2)
            }
            findings = gateFindings
        } else {
            findings = loaded.diagnostics.filter { verbose || $0.severity != .note }
            findings += Checker().check(loaded.handbook, now: now)
        }
        let report = CheckReport(findings: findings, contentFolder: content, isStrict: strict)
        try emit(report, format)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    private func emit(_ report: CheckReport, _ format: CheckReport.Format) throws {
        let colored =
            format == .text && isatty(STDOUT_FILENO) != 0
            && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        FileHandle.standardOutput.write(Data(try report.render(format, isColored: colored).utf8))
    }
}
