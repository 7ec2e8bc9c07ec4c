import ArgumentParser
import CairnKit
import Foundation

struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a status record (deploy, backup, metrics) under content/status/.",
        subcommands: [RecordDeploy.self, RecordBackup.self, RecordMetrics.self]
    )
}

/// Options every `cairn record` subcommand takes.
struct RecordOptions: ParsableArguments {
    @Option(help: "The content folder; the record goes into its status/ folder.")
    var content = "content"

    @Option(
        name: .customLong("from-json"),
        help: "Read the whole record as JSON from FILE, or from standard input with '-'.")
    var fromJSON: String?

    @Option(
        name: .customLong("evidence-for"),
        help: "A task id this record is evidence for (repeatable).")
    var evidenceFor: [String] = []

    @Option(help: "Free text shown with the record.")
    var notes: String?
}

/// Turns flag values into record values, collecting one message per bad flag.
struct FlagReader {
    private(set) var errors: [String] = []
    let now = Terminal.now

    mutating func word<Value: RecordVocabulary>(_ text: String, flag: String) -> Value? {
        guard let value = Value(rawValue: text) else {
            errors.append("--\(flag): '\(text)' is not one of \(Value.allowedValues)")
            return nil
        }
        return value
    }

    mutating func time(_ text: String?, flag: String) -> Timestamp? {
        guard let text else { return nil }
        guard let value = Timestamp(rfc3339: text) else {
            errors.append(
                "--\(flag): '\(text)' is not an RFC 3339 time such as 2026-11-20T14:03:11Z")
            return nil
        }
        return value
    }

    mutating func parsed<Value>(
        _ texts: [String], flag: String, syntax: String, _ parse: (String) -> Value?
    ) -> [Value] {
        texts.compactMap { text in
            guard let value = parse(text) else {
                errors.append("--\(flag): '\(text)' does not read as \(syntax)")
                return nil
            }
            return value
        }
    }

    mutating func fail(_ message: String) {
        errors.append(message)
    }

    mutating func require(_ value: String?, flag: String) -> String {
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            errors.append("--\(flag) is required (or give the whole record with --from-json)")
            return ""
        }
        return value
    }

    /// Prints every collected message and stops with exit code 2 when there is any.
    func finish() throws {
        guard !errors.isEmpty else { return }
        for error in errors { Terminal.printError("error: \(error)") }
        throw ExitCode(2)
    }
}

/// Runs a recording and reports it: the path on success, the problems and exit code 2 otherwise.
enum RecordCommand {
    static func write<Record: Encodable & ValidatedRecord>(
        options: RecordOptions, kind: StatusRecording.Kind,
        build: (inout FlagReader) -> (Record, Timestamp, String)
    ) throws {
        let recording = StatusRecording(contentFolder: options.content)
        let outcome: StatusRecording.Outcome
        do {
            if options.fromJSON == "-" {
                let bytes: [UInt8]
                do {
                    bytes = [UInt8](try FileHandle.standardInput.readToEnd() ?? Data())
                } catch {
                    Terminal.printError(
                        "error: cannot read standard input: \(FailureReason.of(error))")
                    throw ExitCode(2)
                }
                outcome = try recording.record(json: bytes, sourceName: "<stdin>", kind: kind)
            } else if let source = options.fromJSON {
                outcome = try recording.record(jsonFile: source, kind: kind)
            } else {
                var reader = FlagReader()
                let (record, recordedAt, environment) = build(&reader)
                try reader.finish()
                outcome = try recording.record(
                    record, kind: kind, recordedAt: recordedAt, environment: environment)
            }
        } catch let error as CairnError {
            Terminal.printError("error: \(FailureReason.of(error))")
            throw ExitCode(2)
        }
        for diagnostic in outcome.diagnostics { Terminal.printError(diagnostic.formatted) }
        guard let path = outcome.writtenPath else { throw ExitCode(2) }
        Terminal.printOutput(path)
    }
}
