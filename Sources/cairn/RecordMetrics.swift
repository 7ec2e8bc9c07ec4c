import ArgumentParser
import CairnKit

struct RecordMetrics: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Record measured values over a window of time (cairn.metrics/v1).")

    @OptionGroup var options: RecordOptions
    @Option(help: "The environment measured.") var environment: String?
    @Option(help: "RFC 3339 start of the window.") var from: String?
    @Option(help: "RFC 3339 end of the window (default: now).") var to: String?
    @Option(
        help:
            "A value as NAME=VALUE UNIT[@STAT], e.g. 'Uptime=99.95%' or 'Response time=420ms@p95' (repeatable)."
    )
    var value: [String] = []

    func run() throws {
        try RecordCommand.write(options: options, kind: .metrics) { flags in
            let end = flags.time(to, flag: "to") ?? flags.now
            let start = flags.time(flags.require(from, flag: "from"), flag: "from") ?? end
            let values = flags.parsed(
                value, flag: "value", syntax: "NAME=VALUE UNIT[@STAT] (the unit is required)"
            ) {
                MetricsRecord.Value(flag: $0)
            }
            if value.isEmpty { flags.fail("--value is required at least once") }
            let environment = flags.require(environment, flag: "environment")
            let record = MetricsRecord(
                environment: environment, window: .init(from: start, to: end), values: values,
                notes: options.notes,
                evidenceFor: options.evidenceFor.isEmpty ? nil : options.evidenceFor)
            return (record, end, environment)
        }
    }
}
