/// An ordered list under a heading that names a procedure (Rollback, Runbook, Steps…).
public struct Procedure: Sendable, Equatable {
    public var title: String
    public var documentPath: String
    public var anchor: String
    public var location: Diagnostic.Location
    public var steps: [ProcedureStep]
    /// The section the procedure's own section sits in (`Rollback Procedures`), if any.
    public var parentTitle: String?
    public var parentAnchor: String?
}

/// A bullet under a "Rollback Triggers" heading: a condition that calls for the procedure,
/// numeric (`Error rate > 5%`) or not (`Health check failures`).
public struct TriggerCondition: Sendable, Equatable {
    public var text: String
    /// The anchor of the section holding the trigger list's section, to find its procedure.
    public var parentAnchor: String?
    public var location: Diagnostic.Location
}

/// One numbered step of a procedure and the sub-steps listed under it.
public struct ProcedureStep: Sendable, Equatable {
    public var text: String
    public var substeps: [String]
    public var location: Diagnostic.Location
}
