import ArgumentParser
import CairnKit
import Foundation

@main
struct CairnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cairn",
        abstract: "Turns a migration plan and CI's status records into a browsable handbook.",
        version: CairnVersion.current,
        subcommands: [Build.self, Check.self, Record.self, Schema.self, Init.self, Serve.self],
        defaultSubcommand: Build.self
    )

    /// Runs the command; a command line that does not parse (an unknown flag, a value not
    /// allowed) ends with exit code 2, as every other run that could not be made does, not
    /// with ArgumentParser's 64: CI tells findings (1) from a run that did not happen (2).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            Terminal.printError(fullMessage(for: error))
            Terminal.exit(with: 2)
        }
    }
}
