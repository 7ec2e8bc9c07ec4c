import ArgumentParser
import CairnKit

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of a status record format.")

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case deploy
        case backup
        case metrics
    }

    @Argument(help: "deploy, backup or metrics.") var kind: Kind

    func run() {
        switch kind {
        case .deploy: Terminal.printOutput(StatusSchemas.deploy)
        case .backup: Terminal.printOutput(StatusSchemas.backup)
        case .metrics: Terminal.printOutput(StatusSchemas.metrics)
        }
    }
}
