import Foundation
import Testing

@testable import CairnKit

/// Status records are decoded from Cairn's own positioned JSON tree, no longer by Foundation's
/// `JSONDecoder`. These tests hold the two to the same records and the same errors over every
/// field of all three formats, each replaced by every kind of wrong value and each removed.
struct JSONNodeDecoderTests {
    static let samples: [String: String] = [
        "deploy": """
        {"schema": "cairn.deploy/v1", "environment": "staging", "version": "1.4.2",
         "commit": "abc1234", "ref": "main", "status": "success",
         "started_at": "2026-11-20T14:03:11Z", "finished_at": "2026-11-20T14:09:41Z",
         "url": "https://ci.example/runs/7", "actor": "ci",
         "health": {"status": "healthy", "checks": [
            {"name": "/health", "status": "pass", "latency_ms": 120, "observed": "200"},
            {"name": "/ready", "status": "fail"}]},
         "migrations": {"applied": 3, "status": "ok"}, "rollback_of": "1.4.1",
         "producer": {"system": "github-actions", "run_url": "https://ci.example/r/1"},
         "notes": "n", "evidence_for": ["phase-3/deploy-to-staging", "x"]}
        """,
        "backup": """
        {"schema": "cairn.backup/v1", "environment": "staging", "kind": "database",
         "tool": "pg_dump", "backup_id": "stg-1", "taken_at": "2026-10-29T02:00:04Z",
         "size_bytes": 1384216503, "encrypted": true, "retention_days": 14,
         "restore": {"tested_at": "2026-10-30T02:00:00Z", "status": "pass", "duration_s": 81.5,
            "rto_s": 120, "rpo_s": 3600, "checks": [
              {"name": "rows", "status": "pass", "expected": "10", "observed": "10"}]},
         "notes": "n", "evidence_for": ["phase-2/test-backup-restoration"]}
        """,
        "metrics": """
        {"schema": "cairn.metrics/v1", "environment": "staging",
         "window": {"from": "2026-10-27T00:00:00Z", "to": "2026-11-03T00:00:00Z"},
         "values": [{"name": "Uptime", "value": 99.95, "unit": "%", "stat": "ratio",
                     "target": "uptime"},
                    {"name": "Response time", "value": 431, "unit": "ms"}],
         "notes": "n", "evidence_for": []}
        """,
    ]

    /// Every kind of value a field might wrongly hold.
    static var replacements: [Any] {
        [
            NSNull(), true, 1.5, 12, -3, 0, "text", "2026-11-20T14:03:11Z", "pass", [Any](),
            [String: Any](), [1], ["a"], [NSNull()], 1e30, 9_007_199_254_740_993, 1e3,
        ]
    }

    /// The record's JSON with the value at `path` replaced, or removed when `value` is nil.
    static func mutate(_ value: Any, at path: [FieldPathComponent], with replacement: Any?)
        -> Any?
    {
        guard let first = path.first else { return replacement }
        let rest = Array(path.dropFirst())
        switch (first, value) {
        case (.key(let key), var object as [String: Any]):
            guard let inner = object[key] else { return object }
            object[key] = mutate(inner, at: rest, with: replacement)
            return object
        case (.index(let index), var array as [Any]):
            if let changed = mutate(array[index], at: rest, with: replacement) {
                array[index] = changed
            } else {
                array.remove(at: index)
            }
            return array
        default: return value
        }
    }

    /// The path to every value in `value`.
    static func paths(_ value: Any, _ prefix: [FieldPathComponent] = []) -> [[FieldPathComponent]] {
        var found: [[FieldPathComponent]] = [prefix]
        if let object = value as? [String: Any] {
            for (key, inner) in object.sorted(by: { $0.key < $1.key }) {
                found += paths(inner, prefix + [.key(key)])
            }
        } else if let array = value as? [Any] {
            for (index, inner) in array.enumerated() {
                found += paths(inner, prefix + [.index(index)])
            }
        }
        return found
    }

    /// An error as what `StatusRecordParser` words from it: its kind, field path, and the type
    /// expected or the description given.
    static func shape(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not a DecodingError: \(error)" }
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.map(FieldPathComponent.init).joinedAsFieldPath
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "keyNotFound \(key.stringValue) in \(path(context.codingPath))"
        case .typeMismatch(let type, let context):
            return
                "typeMismatch \(StatusRecordParser.describe(type)) at \(path(context.codingPath))"
        case .valueNotFound(let type, let context):
            return
                "valueNotFound \(StatusRecordParser.describe(type)) at \(path(context.codingPath))"
        case .dataCorrupted(let context):
            return "dataCorrupted '\(context.debugDescription)' at \(path(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }

    /// What an error says, as `shape` gives it.
    struct Shape: Error, Equatable, CustomStringConvertible {
        var description: String
    }

    static func outcome<Record: Decodable & Equatable>(
        _ type: Record.Type, _ bytes: [UInt8]
    ) -> (foundation: Result<Record, Shape>, cairn: Result<Record, Shape>)? {
        guard let node = try? JSONReader().read(bytes) else { return nil }
        let foundation = Result { try JSONDecoder().decode(type, from: Data(bytes)) }
            .mapError { Shape(description: shape($0)) }
        let cairn = Result { try JSONNodeDecoder.decode(type, from: node) }
            .mapError { Shape(description: shape($0)) }
        return (foundation, cairn)
    }

    func compare<Record: Decodable & Equatable>(_ type: Record.Type, sample: String) throws
        -> (compared: Int, differences: [String], wholeFileComplaints: Int)
    {
        let original = try JSONSerialization.jsonObject(with: Data(sample.utf8))
        var compared = 0
        var differences: [String] = []
        var wholeFileComplaints = 0
        for path in Self.paths(original) where !path.isEmpty {
            // Each wrong value, then nil: the field removed.
            let choices: [Any?] = Self.replacements.map { $0 } + [nil]
            for choice in choices {
                guard let mutated = Self.mutate(original, at: path, with: choice),
                    let data = try? JSONSerialization.data(
                        withJSONObject: mutated, options: [.sortedKeys, .fragmentsAllowed]),
                    let (foundation, cairn) = Self.outcome(type, Array(data))
                else { continue }
                compared += 1
                switch (foundation, cairn) {
                case (.success(let left), .success(let right)) where left == right: continue
                case (.failure(let left), .failure(let right)) where left == right: continue
                case (.failure(let left), .failure(let right))
                where left.description == "dataCorrupted 'The given data was not valid JSON.' at "
                    && (right.description.hasPrefix("typeMismatch a whole number at ")
                        || right.description.hasPrefix(
                            "dataCorrupted 'the number is too large' at ")):
                    // JSONDecoder calls the whole file invalid for a fraction or a too large
                    // number in a whole-number field; the node decoder names the field.
                    wholeFileComplaints += 1
                default:
                    differences.append(
                        "\(String(decoding: data, as: UTF8.self)): \(foundation) vs \(cairn)")
                }
            }
        }
        return (compared, differences, wholeFileComplaints)
    }

    @Test func `every field of a deploy, wrong in every way, gives JSONDecoder's record or error`()
        throws
    {
        let result = try compare(DeployRecord.self, sample: try #require(Self.samples["deploy"]))
        #expect(result.compared > 500)
        #expect(result.differences.isEmpty, "\(result.differences.prefix(5))")
        #expect(result.wholeFileComplaints > 0)
    }

    @Test func `every field of a backup, wrong in every way, gives JSONDecoder's record or error`()
        throws
    {
        let result = try compare(BackupRecord.self, sample: try #require(Self.samples["backup"]))
        #expect(result.compared > 400)
        #expect(result.differences.isEmpty, "\(result.differences.prefix(5))")
        #expect(result.wholeFileComplaints > 0)
    }

    @Test
    func
        `every field of a metrics window, wrong in every way, gives JSONDecoder's record or error`()
        throws
    {
        let result = try compare(MetricsRecord.self, sample: try #require(Self.samples["metrics"]))
        #expect(result.compared > 300)
        #expect(result.differences.isEmpty, "\(result.differences.prefix(5))")
    }

    @Test func `whole numbers are read exactly, and a fraction or an overflow names its field`() {
        let backup = """
            {"schema": "cairn.backup/v1", "environment": "staging", "kind": "database",
             "taken_at": "2026-10-29T02:00:04Z", "size_bytes": SIZE}
            """
        func messages(_ size: String) -> [String] {
            StatusRecordParser().parse(
                Array(backup.replacingOccurrences(of: "SIZE", with: size).utf8),
                path: "status/backups/b.json"
            ).diagnostics.map(\.formatted)
        }
        func size(_ text: String) -> Int? {
            let bytes = Array(backup.replacingOccurrences(of: "SIZE", with: text).utf8)
            guard case .backup(let entry)? = StatusRecordParser().parse(bytes, path: "b.json").entry
            else { return nil }
            return entry.record.sizeBytes
        }
        #expect(size("9007199254740993") == 9_007_199_254_740_993)
        #expect(size("9223372036854775807") == Int.max)
        #expect(size("1e3") == 1000)
        #expect(size("2.0") == 2)
        #expect(
            messages("1.5") == [
                "status/backups/b.json:2:52: error: size_bytes: expected a whole number, found the number 1.5 [status.bad-field]"
            ])
        #expect(
            messages("9223372036854775808") == [
                "status/backups/b.json:2:52: error: size_bytes: the number is too large [status.bad-field]"
            ])
    }
}
