/// A status record as loaded: the record, the file it came from, and the fields it carried
/// that this version of Cairn does not know (kept, and otherwise ignored).
public struct StatusEntry<Record: Sendable>: Sendable {
    /// The file name without `.json` (`2026-11-20T14-03-11Z-staging`): unique, and the anchor
    /// of the record on its history page.
    public var id: String
    public var location: Diagnostic.Location
    public var record: Record
    public var unknownFields: [String]

    public init(
        id: String, location: Diagnostic.Location, record: Record, unknownFields: [String] = []
    ) {
        self.id = id
        self.location = location
        self.record = record
        self.unknownFields = unknownFields
    }
}

/// One record of any kind, as a status file gives it.
public enum AnyStatusEntry: Sendable {
    case deploy(StatusEntry<DeployRecord>)
    case backup(StatusEntry<BackupRecord>)
    case metrics(StatusEntry<MetricsRecord>)
}
