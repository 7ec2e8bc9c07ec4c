import ArgumentParser
import CairnKit

struct RecordDeploy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy", abstract: "Record a deploy (cairn.deploy/v1).")

    @OptionGroup var options: RecordOptions
    @Option(help: "The environment deployed to: staging, production, …") var environment: String?
    @Option(help: "The version deployed.") var version: String?
    @Option(help: "The commit deployed.") var commit: String?
    @Option(help: "queued, in_progress, success, failure, error, cancelled or rolled_back.")
    var status: String?
    @Option(help: "The branch or tag deployed.") var ref: String?
    @Option(name: .customLong("started-at"), help: "RFC 3339 start time (default: now).")
    var startedAt: String?
    @Option(
        name: .customLong("finished-at"),
        help: "RFC 3339 end time (default: now, once the deploy has ended).")
    var finishedAt: String?
    @Option(help: "The CI log of the deploy.") var url: String?
    @Option(help: "Who or what deployed.") var actor: String?
    @Option(help: "healthy, degraded or unhealthy, after the deploy.") var health: String?
    @Option(help: "A health check as NAME:pass|fail[:LATENCY_MS[:OBSERVED]] (repeatable).")
    var check: [String] = []
    @Option(name: .customLong("migrations-applied"), help: "How many database migrations ran.")
    var migrationsApplied: Int?
    @Option(name: .customLong("migrations-status"), help: "How the migrations went.")
    var migrationsStatus: String?
    @Option(name: .customLong("rollback-of"), help: "The id of the deploy this one reverted.")
    var rollbackOf: String?
    @Option(name: .customLong("producer-system"), help: "The CI system writing the record.")
    var producerSystem: String?
    @Option(name: .customLong("producer-run-url"), help: "The CI run writing the record.")
    var producerRunURL: String?

    func run() throws {
        try RecordCommand.write(options: options, kind: .deploy) { flags in
            let status: DeployRecord.Status? = flags.word(
                flags.require(status, flag: "status"), flag: "status")
            let started = flags.time(startedAt, flag: "started-at") ?? flags.now
            let hasEnded = status.map { ![.queued, .inProgress].contains($0) } ?? true
            let finished =
                flags.time(finishedAt, flag: "finished-at")
                ?? (hasEnded ? max(flags.now, started) : nil)
            let healthStatus: DeployRecord.Health.Status? = health.flatMap {
                flags.word($0, flag: "health")
            }
            let checks = flags.parsed(
                check, flag: "check", syntax: "NAME:pass|fail[:LATENCY_MS[:OBSERVED]]"
            ) {
                DeployRecord.HealthCheck(flag: $0)
            }
            if healthStatus == nil && !checks.isEmpty && health == nil {
                flags.fail("--check needs --health (healthy, degraded or unhealthy)")
            }
            let environment = flags.require(environment, flag: "environment")
            let record = DeployRecord(
                environment: environment, version: flags.require(version, flag: "version"),
                commit: flags.require(commit, flag: "commit"), status: status ?? .success,
                startedAt: started,
                finishedAt: finished, ref: ref, url: url, actor: actor,
                health: healthStatus.map {
                    DeployRecord.Health(status: $0, checks: checks.isEmpty ? nil : checks)
                },
                migrations: migrationsApplied.map {
                    DeployRecord.Migrations(applied: $0, status: migrationsStatus)
                },
                rollbackOf: rollbackOf,
                producer: producerSystem.map { Producer(system: $0, runURL: producerRunURL) },
                notes: options.notes,
                evidenceFor: options.evidenceFor.isEmpty ? nil : options.evidenceFor)
            return (record, started, environment)
        }
    }
}
