import ArgumentParser
import CairnKit

@main
struct CairnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cairn")
}
