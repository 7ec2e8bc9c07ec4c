import ArgumentParser
import CairnKit

struct RecordBackup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Record a backup and its restore test (cairn.backup/v1).")

    @OptionGroup var options: RecordOptions
    @Option(help: "The environment backed up.") var environment: String?
    @Option(help: "database or assets.") var kind: String?
    @Option(help: "pg_dump, pgbackrest, restic, velero or other.") var tool: String?
    @Option(name: .customLong("backup-id"), help: "The backup's id in its tool.") var backupID:
        String?
    @Option(
        name: .customLong("taken-at"), help: "RFC 3339 time the backup was taken (default: now).")
    var takenAt: String?
    @Option(name: .customLong("size-bytes"), help: "The backup's size in bytes.") var sizeBytes:
        Int?
    @Flag(inversion: .prefixedNo, help: "Whether the backup is encrypted.") var encrypted: Bool?
    @Option(name: .customLong("retention-days"), help: "How long the backup is kept.")
    var retentionDays: Int?
    @Option(
        name: .customLong("restore-status"),
        help: "The restore test's result: pass, fail or partial.")
    var restoreStatus: String?
    @Option(
        name: .customLong("restore-tested-at"),
        help: "RFC 3339 time of the restore test (default: now).")
    var restoreTestedAt: String?
    @Option(name: .customLong("restore-duration-s"), help: "How long the restore took, in seconds.")
    var restoreDuration: Double?
    @Option(name: .customLong("restore-rto-s"), help: "The recovery time measured, in seconds.")
    var restoreRTO: Double?
    @Option(name: .customLong("restore-rpo-s"), help: "The recovery point measured, in seconds.")
    var restoreRPO: Double?
    @Option(
        name: .customLong("restore-check"),
        help: "A restore check as NAME:pass|fail[:EXPECTED[:OBSERVED]] (repeatable).")
    var restoreCheck: [String] = []

    func run() throws {
        try RecordCommand.write(options: options, kind: .backup) { flags in
            let kind: BackupRecord.Kind? = flags.word(
                flags.require(kind, flag: "kind"), flag: "kind")
            let tool: BackupRecord.Tool? = tool.flatMap { flags.word($0, flag: "tool") }
            let taken = flags.time(takenAt, flag: "taken-at") ?? flags.now
            let checks = flags.parsed(
                restoreCheck, flag: "restore-check", syntax: "NAME:pass|fail[:EXPECTED[:OBSERVED]]"
            ) {
                BackupRecord.RestoreCheck(flag: $0)
            }
            var restore: BackupRecord.Restore?
            if let restoreStatus {
                let status: BackupRecord.Restore.Status? = flags.word(
                    restoreStatus, flag: "restore-status")
                restore = BackupRecord.Restore(
                    testedAt: flags.time(restoreTestedAt, flag: "restore-tested-at")
                        ?? max(flags.now, taken),
                    status: status ?? .pass, durationS: restoreDuration, rtoS: restoreRTO,
                    rpoS: restoreRPO,
                    checks: checks.isEmpty ? nil : checks)
            } else if restoreTestedAt != nil || restoreDuration != nil || !restoreCheck.isEmpty {
                flags.fail("--restore-status is required when the record has a restore test")
            }
            let environment = flags.require(environment, flag: "environment")
            let record = BackupRecord(
                environment: environment, kind: kind ?? .database, tool: tool,
                takenAt: taken,
                backupID: backupID, sizeBytes: sizeBytes, encrypted: encrypted,
                retentionDays: retentionDays,
                restore: restore, notes: options.notes,
                evidenceFor: options.evidenceFor.isEmpty ? nil : options.evidenceFor)
            return (record, taken, environment)
        }
    }
}
