import ArgumentParser
import CairnKit

@main
struct CairnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cairn",
        abstract: "Turns a migration plan and CI's status records into a browsable handbook.",
        version: CairnVersion.current,
        subcommands: [Build.self, Check.self, Record.self, Schema.self, Init.self, Serve.self],
        defaultSubcommand: Build.self
    )
}
