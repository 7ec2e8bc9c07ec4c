/// A production deploy is recorded while the checklist that guards deploying (the
/// `production-deploy` gate of `handbook.yml`, or every Pre-Deployment checklist) has open tasks.
struct DeployGateRule: Rule {
    let id = DiagnosticID(rawValue: "deploy.gate-unticked")
    let severity = Diagnostic.Severity.error
    let summary = "A production deploy is recorded while its gate's prerequisites are unticked."

    static let gateName = "production-deploy"
    /// What the gate requires when `handbook.yml` does not say.
    static let defaultRequirement = "Pre-Deployment"

    func check(_ context: CheckContext) -> [Diagnostic] {
        let production = context.handbook.status.deploys.filter {
            Environment.rank($0.record.environment).0 == 0
        }
        guard let newest = production.first else { return [] }
        let requirements =
            context.handbook.config.gates.first { $0.name == Self.gateName }?.requirements ?? [
                Self.defaultRequirement
            ]
        let open = requirements.flatMap {
            context.sections(named: $0).flatMap { $0.openTasks }
        }
        guard !open.isEmpty else { return [] }
        let count =
            production.count == 1
            ? "a production deploy is" : "\(production.count) production deploys are"
        return [
            finding(
                "\(count) recorded (newest \(newest.record.version), \(newest.record.startedAt.day)) while \(requirements.joined(separator: ", ")) has \(open.count) unticked: \(StepName.list(open))",
                at: newest.location,
                hint: "tick \(requirements.joined(separator: ", ")) before deploying to production")
        ]
    }
}
