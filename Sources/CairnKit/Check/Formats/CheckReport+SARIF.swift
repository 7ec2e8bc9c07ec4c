import Foundation

extension CheckReport {
    /// SARIF 2.1.0, with every rule described in the driver and one result per finding.
    func sarif() throws -> String {
        struct Log: Encodable {
            let schema = "https://json.schemastore.org/sarif-2.1.0.json"
            let version = "2.1.0"
            let runs: [Run]

            enum CodingKeys: String, CodingKey {
                case schema = "$schema"
                case version, runs
            }
        }
        struct Run: Encodable {
            let tool: Tool
            let results: [Result]
            let columnKind = "unicodeCodePoints"
        }
        struct Tool: Encodable { let driver: Driver }
        struct Driver: Encodable {
            let name = "cairn"
            let version = CairnVersion.current
            let rules: [RuleEntry]
        }
        struct RuleEntry: Encodable {
            let id: String
            let shortDescription: Text
            let defaultConfiguration: Configuration
        }
        struct Configuration: Encodable { let level: String }
        struct Text: Encodable { let text: String }
        struct Result: Encodable {
            let ruleId: String
            let ruleIndex: Int
            let level: String
            let message: Text
            let locations: [Location]
        }
        struct Location: Encodable { let physicalLocation: PhysicalLocation }
        struct PhysicalLocation: Encodable {
            let artifactLocation: Artifact
            let region: Region?
        }
        struct Artifact: Encodable { let uri: String }
        struct Region: Encodable {
            let startLine: Int
            let startColumn: Int
        }

        func level(_ severity: Diagnostic.Severity) -> String {
            switch severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "note"
            }
        }
        var descriptors = RuleDescriptor.all
        for finding in findings where !descriptors.contains(where: { $0.id == finding.id }) {
            descriptors.append(RuleDescriptor.describe(finding.id))
        }
        let index = Dictionary(
            descriptors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let results = findings.map { finding in
            Result(
                ruleId: finding.id.rawValue, ruleIndex: index[finding.id] ?? 0,
                level: level(finding.severity),
                message: Text(text: finding.message + (finding.hint.map { " Hint: \($0)." } ?? "")),
                locations: [
                    Location(
                        physicalLocation: PhysicalLocation(
                            artifactLocation: Artifact(uri: Self.uri(path(finding.location))),
                            region: finding.location.line > 0
                                ? Region(
                                    startLine: finding.location.line,
                                    startColumn: max(finding.location.column, 1)) : nil))
                ])
        }
        let log = Log(runs: [
            Run(
                tool: Tool(
                    driver: Driver(
                        rules: descriptors.map {
                            RuleEntry(
                                id: $0.id.rawValue, shortDescription: Text(text: $0.summary),
                                defaultConfiguration: Configuration(level: level($0.severity)))
                        })), results: results)
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(log), as: UTF8.self) + "\n"
    }

    /// A relative path as a URI reference: spaces and other reserved characters escaped.
    static func uri(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
