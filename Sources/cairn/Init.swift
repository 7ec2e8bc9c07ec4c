import ArgumentParser
import CairnKit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a handbook: a content folder with a short plan, or a CI recipe.")

    @Argument(help: "The project folder (default: the current folder).") var directory = "."
    @Option(help: "Write the CI recipe for github or gitlab instead of the content folder.") var ci:
        CI?

    enum CI: String, ExpressibleByArgument, CaseIterable {
        case github, gitlab
    }

    func run() throws {
        let initializer = ProjectInit(
            themeCandidates: ThemeLoader().builtInThemeCandidates(
                executablePath: Terminal.executablePath))
        let written: [String]
        do {
            written = try initializer.run(
                directory: directory, ci: ci.flatMap { ProjectInit.CISystem(rawValue: $0.rawValue) }
            )
        } catch {
            Terminal.printError("error: \(FailureReason.of(error))")
            throw ExitCode(2)
        }
        for path in written { Terminal.printOutput("wrote \(path)") }
        let folder = directory == "." ? "" : "cd \(directory) && "
        if ci == nil {
            Terminal.printOutput(
                """

                Next:
                  \(folder)cairn build          # renders content/ into public/; open public/index.html
                  cairn check                 # checks the plan against itself and the records
                  cairn record deploy --environment staging --version 1.0.0 --commit abc1234 --status success
                  cairn init --ci github      # or gitlab: a workflow that records, builds, publishes and gates
                """)
        } else {
            Terminal.printOutput(
                "\nCommit it; the recipe runs cairn record, cairn check --gate production-deploy and cairn build."
            )
        }
    }
}
