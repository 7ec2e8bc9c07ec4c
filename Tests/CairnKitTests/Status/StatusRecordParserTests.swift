import CairnKit
import Foundation
import Testing

struct StatusRecordParserTests {
    static let validDeploy = """
        {
          "schema": "cairn.deploy/v1",
          "environment": "staging",
          "version": "1.4.2",
          "commit": "abc1234",
          "status": "success",
          "started_at": "2026-11-20T14:03:11Z",
          "finished_at": "2026-11-20T14:09:41Z",
          "health": {"status": "healthy", "checks": [{"name": "/health", "status": "pass", "latency_ms": 120}]}
        }
        """

    func messages(_ json: String, path: String = "status/deploys/x.json") -> [String] {
        StatusRecordParser().parse(Array(json.utf8), path: path).diagnostics.map(\.formatted)
    }

    func deploy(_ json: String) -> StatusEntry<DeployRecord>? {
        if case .deploy(let entry)? = StatusRecordParser().parse(
            Array(json.utf8), path: "status/deploys/a-b.json"
        ).entry {
            return entry
        }
        return nil
    }

    @Test func `a valid deploy is read with its id from the file name`() throws {
        let entry = try #require(deploy(Self.validDeploy))
        #expect(entry.id == "a-b")
        #expect(entry.record.status == .success)
        #expect(entry.record.duration == 390)
        #expect(entry.record.health?.checks?.first?.latencyMs == 120)
    }

    @Test func `a record's id is its file name without every .json in it`() {
        let ids = [
            "status/deploys/2026-11-20T14-03-11Z-production.json", "status/backups/a.json.json",
            "status/metrics/x.jsonl.json", "status/deploys/no-extension", "status/deploys//",
            "b.json", "/", "", "status/deploys/café.json", "x/.json", "x/e\u{301}.json",
            "x/\u{600}.json",
        ].map(StatusRecordParser.recordID)
        #expect(
            ids == [
                "2026-11-20T14-03-11Z-production", "a", "xl", "no-extension", "deploys", "b", "/",
                "", "café", "", "e\u{301}", "\u{600}",
            ])
    }

    @Test func `a misspelt status names the field, its position and the allowed values`() {
        let json = Self.validDeploy.replacingOccurrences(of: "\"success\"", with: "\"sucess\"")
        #expect(
            messages(json) == [
                "status/deploys/x.json:6:13: error: status: 'sucess' is not one of queued, in_progress, success, failure, "
                    + "error, cancelled, rolled_back [status.bad-field]"
            ])
    }

    @Test func `a nested bad value is named by its whole path`() {
        let json = Self.validDeploy.replacingOccurrences(
            of: "\"status\": \"pass\"", with: "\"status\": \"ok\"")
        #expect(
            messages(json) == [
                "status/deploys/x.json:9:76: error: health.checks[0].status: 'ok' is not one of pass, fail [status.bad-field]"
            ])
    }

    @Test func `truncated JSON is reported where it ends`() {
        let json = String(Self.validDeploy.prefix(60))
        #expect(
            messages(json) == [
                "status/deploys/x.json:3:28: error: not valid JSON: the JSON ends early inside an object (is the file truncated?) [status.invalid-json]"
            ])
    }

    @Test func `a wrong type says what was expected and what was found`() {
        let json = Self.validDeploy.replacingOccurrences(
            of: "\"latency_ms\": 120", with: "\"latency_ms\": \"fast\"")
        #expect(
            messages(json) == [
                "status/deploys/x.json:9:98: error: health.checks[0].latency_ms: expected a number, found the string \"fast\" [status.bad-field]"
            ])
    }

    @Test func `a missing required field is reported at the object that lacks it`() {
        let json = Self.validDeploy.replacingOccurrences(
            of: "  \"version\": \"1.4.2\",\n", with: "")
        #expect(
            messages(json) == [
                "status/deploys/x.json:1:1: error: missing required field 'version' [status.bad-field]"
            ])
    }

    @Test func `an unknown schema version is an error that names the version this Cairn reads`() {
        let json = Self.validDeploy.replacingOccurrences(
            of: "cairn.deploy/v1", with: "cairn.deploy/v2")
        #expect(
            messages(json) == [
                "status/deploys/x.json:2:13: error: unknown schema version 'cairn.deploy/v2': this Cairn reads cairn.deploy/v1 [status.unknown-schema]"
            ])
    }

    @Test func `an impossible timestamp is refused`() {
        let json = Self.validDeploy.replacingOccurrences(
            of: "2026-11-20T14:03:11Z", with: "2026-02-30T14:03:11Z")
        #expect(
            messages(json) == [
                "status/deploys/x.json:7:17: error: started_at: '2026-02-30T14:03:11Z' is not an RFC 3339 timestamp such as 2026-11-20T14:03:11Z [status.bad-field]"
            ])
    }

    @Test func `a deploy that finished before it started is refused`() {
        let json = Self.validDeploy.replacingOccurrences(
            of: "2026-11-20T14:09:41Z", with: "2026-11-20T13:00:00Z")
        #expect(
            messages(json) == [
                "status/deploys/x.json:8:18: error: finished_at: 2026-11-20T13:00:00Z is before started_at 2026-11-20T14:03:11Z [status.bad-field]"
            ])
    }

    @Test func `duplicate keys, trailing commas, NaN and huge numbers are not JSON`() {
        #expect(
            messages("{\"a\": 1, \"a\": 2}") == [
                "status/deploys/x.json:1:10: error: not valid JSON: duplicate key 'a' [status.invalid-json]"
            ])
        #expect(
            messages("{\"a\": [1, 2,]}") == [
                "status/deploys/x.json:1:13: error: not valid JSON: trailing comma before ']' [status.invalid-json]"
            ])
        #expect(
            messages("{\"a\": NaN}") == [
                "status/deploys/x.json:1:7: error: not valid JSON: NaN is not a JSON number [status.invalid-json]"
            ])
        #expect(
            messages("{\"a\": 1e999}") == [
                "status/deploys/x.json:1:7: error: not valid JSON: number 1e999 is too large [status.invalid-json]"
            ])
    }

    @Test func `a key repeated anywhere in a large object is a duplicate`() {
        // Keys are compared one by one up to sixteen, and through a set after that.
        for (count, repeated) in [(15, 3), (16, 0), (40, 17), (40, 39)] {
            let members = (0..<count).map { "\"k\($0)\": \($0)" } + ["\"k\(repeated)\": 0"]
            let json = "{" + members.joined(separator: ", ") + "}"
            let column = json.utf8.count - "\"k\(repeated)\": 0}".utf8.count + 1
            #expect(
                messages(json) == [
                    "status/deploys/x.json:1:\(column): error: not valid JSON: duplicate key 'k\(repeated)' [status.invalid-json]"
                ], "\(count) keys")
        }
    }

    @Test func `a size too large for an integer is refused with its field`() {
        let json = """
            {"schema": "cairn.backup/v1", "environment": "staging", "kind": "database", "tool": "pg_dump",
             "taken_at": "2026-11-19T02:00:00Z", "size_bytes": 1e30}
            """
        #expect(
            messages(json) == [
                "status/deploys/x.json:2:52: error: size_bytes: the number is too large [status.bad-field]"
            ])
    }

    @Test func `unknown fields are kept and ignored`() throws {
        let json = Self.validDeploy.replacingOccurrences(
            of: "\"schema\"", with: "\"pipeline\": {\"id\": 7}, \"schema\"")
        let entry = try #require(deploy(json))
        #expect(entry.unknownFields == ["pipeline"])
    }

    @Test func `a record that is not an object is refused`() {
        #expect(
            messages("[1, 2]") == [
                "status/deploys/x.json:1:1: error: a status record must be a JSON object [status.bad-field]"
            ])
    }
}

struct TimestampTests {
    @Test func `RFC 3339 times with offsets and fractions are read as UTC instants`() throws {
        let utc = try #require(Timestamp(rfc3339: "2026-11-20T14:03:11Z"))
        let offset = try #require(Timestamp(rfc3339: "2026-11-20T15:03:11.500+01:00"))
        #expect(offset.secondsSince1970 - utc.secondsSince1970 == 0.5)
        #expect(utc.description == "2026-11-20T14:03:11Z")
        #expect(utc.fileNameStamp == "2026-11-20T14-03-11Z")
    }

    @Test func `impossible dates and other formats are refused`() {
        for text in [
            "2026-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2026-11-20 14:03",
            "2026-11-20T24:00:00Z", "yesterday",
        ] {
            #expect(Timestamp(rfc3339: text) == nil, "\(text)")
        }
        #expect(Timestamp(rfc3339: "2024-02-29T00:00:00Z") != nil)
    }
}

struct TargetEvaluationTests {
    func target(_ text: String, trigger: Bool = false) throws -> Target {
        try #require(
            Target(
                parsing: text, isRollbackTrigger: trigger, documentPath: "p.md",
                location: .init(path: "p.md")))
    }

    func window(_ values: [MetricsRecord.Value]) throws -> StatusEntry<MetricsRecord> {
        let from = try #require(Timestamp(rfc3339: "2026-11-17T00:00:00Z"))
        let to = try #require(Timestamp(rfc3339: "2026-11-24T00:00:00Z"))
        return StatusEntry(
            id: "w", location: .init(path: "w.json"),
            record: MetricsRecord(
                environment: "staging", window: .init(from: from, to: to), values: values))
    }

    @Test func `a ratio is compared with a percent target after converting, never guessed`() throws
    {
        let evaluations = TargetEvaluation.evaluate(
            [try target("Uptime > 99.9%")],
            against: [try window([.init(name: "uptime", value: 0.9985, unit: "ratio")])])
        #expect(evaluations.map(\.outcome) == [.missed])
        #expect(abs((evaluations.first?.margin ?? 0) - 0.05) < 1e-9)
    }

    @Test func `a value in a unit that does not convert is not compared`() throws {
        let evaluations = TargetEvaluation.evaluate(
            [try target("Response time < 500ms")],
            against: [try window([.init(name: "Response time", value: 0.4, unit: "%")])])
        #expect(evaluations.map(\.outcome) == [.unitMismatch])
    }

    @Test func `a rollback trigger fires when its condition holds`() throws {
        let evaluations = TargetEvaluation.evaluate(
            [try target("Error rate > 5%", trigger: true)],
            against: [try window([.init(name: "Error rate", value: 6.2, unit: "%")])])
        #expect(evaluations.map(\.outcome) == [.fired])
    }

    @Test func `the target's statistic is preferred when several values match`() throws {
        let values: [MetricsRecord.Value] = [
            .init(name: "Response time", value: 200, unit: "ms", stat: "avg"),
            .init(name: "Response time", value: 620, unit: "ms", stat: "p95"),
        ]
        let evaluations = TargetEvaluation.evaluate(
            [try target("Response time (p95) < 500ms")], against: [try window(values)])
        #expect(evaluations.map(\.measured.value) == [620])
        #expect(evaluations.map(\.outcome) == [.missed])
    }
}

struct RecordFlagSyntaxTests {
    @Test func `health checks, restore checks and values read from their short forms`() throws {
        let check = try #require(DeployRecord.HealthCheck(flag: "/health:pass:120"))
        #expect(check == DeployRecord.HealthCheck(name: "/health", status: .pass, latencyMs: 120))
        let restore = try #require(BackupRecord.RestoreCheck(flag: "row counts:fail:3518:3101"))
        #expect(
            restore
                == BackupRecord.RestoreCheck(
                    name: "row counts", status: .fail, expected: "3518", observed: "3101"))
        #expect(
            MetricsRecord.Value(flag: "Response time=512ms@p95")
                == .init(name: "Response time", value: 512, unit: "ms", stat: "p95"))
        #expect(
            MetricsRecord.Value(flag: "Uptime=99.95%")
                == .init(name: "Uptime", value: 99.95, unit: "%"))
    }

    @Test func `a value without a unit is refused`() {
        #expect(MetricsRecord.Value(flag: "Uptime=99.95") == nil)
        #expect(DeployRecord.HealthCheck(flag: "/health:maybe") == nil)
    }
}

struct StatusSchemaFileTests {
    @Test(arguments: [
        ("cairn.deploy.v1.json", StatusSchemas.deploy),
        ("cairn.backup.v1.json", StatusSchemas.backup),
        ("cairn.metrics.v1.json", StatusSchemas.metrics),
    ])
    func `the shipped schema file is what cairn schema prints`(file: String, printed: String) throws
    {
        let path = ExampleContent.packageRoot.appendingPathComponent("schemas/" + file).path
        let shipped = try #require(FileManager.default.contents(atPath: path))
        #expect(String(decoding: shipped, as: UTF8.self) == printed + "\n")
    }
}

struct ExampleStatusTests {
    @Test func `every example record loads, and the history has every panel's data`() throws {
        let tree = try ContentLoader().load(root: ExampleContent.contentFolder)
        let status = SiteBuild.readStatus(tree.statusFiles)
        #expect(status.diagnostics.isEmpty)
        let history = status.history
        #expect(history.deploys.contains { $0.record.status == .failure })
        #expect(history.deploys.contains { $0.record.status == .rolledBack })
        #expect(history.deploys.contains { $0.record.rollbackOf != nil })
        #expect(history.backups.filter { $0.record.restore?.status == .fail }.count == 1)
        let handbook = try ExampleContent.handbook().handbook
        #expect(handbook.targetEvaluations.contains { $0.outcome == .missed })
        #expect(
            history.evidenceByTask["phase-3/test-backup-restoration"]?.first?.verdict == .supports)
    }
}
