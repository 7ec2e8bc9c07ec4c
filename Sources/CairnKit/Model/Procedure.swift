/// An ordered list under a heading that names a procedure (Rollback, Runbook, Steps…).
public struct Procedure: Sendable, Equatable {
    public var title: String
    public var documentPath: String
    public var anchor: String
    public var location: Diagnostic.Location
    public var steps: [ProcedureStep]
}

/// One numbered step of a procedure and the sub-steps listed under it.
public struct ProcedureStep: Sendable, Equatable {
    public var text: String
    public var substeps: [String]
    public var location: Diagnostic.Location
}
