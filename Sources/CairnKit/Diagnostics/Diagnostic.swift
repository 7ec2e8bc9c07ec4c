/// A problem found in the content, pointing at the file, line and column it comes from.
///
/// Diagnostics are collected, never thrown: a run gathers all of them, sorts them and lets the
/// caller decide what to print and which exit code to give.
public struct Diagnostic: Sendable, Hashable, Comparable {
    /// How serious a diagnostic is; `error` stops a build from writing any page.
    public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        case note
        case warning
        case error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A position in a content file: a path relative to the content root, 1-based line and
    /// column (columns count UTF-8 bytes, as cmark does). Line and column are 0 when the
    /// problem concerns the whole file.
    public struct Location: Sendable, Hashable, Comparable, Codable {
        public var path: String
        public var line: Int
        public var column: Int

        public init(path: String, line: Int = 0, column: Int = 0) {
            self.path = path
            self.line = line
            self.column = column
        }

        /// By path, line and column. Field by field rather than as tuples, which copy (and
        /// so retain and release) the paths at every comparison of a large sort.
        public static func < (lhs: Location, rhs: Location) -> Bool {
            if lhs.path != rhs.path { return lhs.path < rhs.path }
            if lhs.line != rhs.line { return lhs.line < rhs.line }
            return lhs.column < rhs.column
        }

        /// The path as a user in the working folder names it: content paths are relative to the
        /// content folder, so they are printed behind it (`content/plans/PLAN.md`).
        public func displayPath(contentFolder: String?) -> String {
            guard let contentFolder, !contentFolder.isEmpty, contentFolder != ".",
                !path.hasPrefix("/"),
                path != contentFolder
            else { return path }
            return (contentFolder.hasSuffix("/") ? contentFolder : contentFolder + "/") + path
        }

        /// `path:line:column`, or just `path` when the location is the whole file.
        public var description: String {
            line > 0 ? "\(path):\(line):\(max(column, 1))" : path
        }
    }

    public var id: DiagnosticID
    public var severity: Severity
    public var location: Location
    public var message: String
    /// One line on how to put it right, where there is one.
    public var hint: String?

    public init(
        _ id: DiagnosticID, _ severity: Severity, at location: Location, _ message: String,
        hint: String? = nil
    ) {
        self.id = id
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    /// By location, then rule id, then message, field by field (see `Location.<`).
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.id.rawValue != rhs.id.rawValue { return lhs.id.rawValue < rhs.id.rawValue }
        return lhs.message < rhs.message
    }

    /// The compiler-style line `path:line:column: severity: message [id]`.
    public var formatted: String {
        "\(location.description): \(severity.rawValue): \(message) [\(id.rawValue)]"
    }
}

extension Array where Element == Diagnostic {
    /// Whether the diagnostics are in order already, as `sorted()` would leave them.
    public var isInOrder: Bool {
        indices.dropFirst().allSatisfy { !(self[$0] < self[$0 - 1]) }
    }

    /// `(self + others).sorted()` for two arrays each in order, by one merge: where two
    /// diagnostics are neither before the other, this array's comes first, as the stable sort
    /// of the two would have it.
    public func mergingInOrder(_ others: [Diagnostic]) -> [Diagnostic] {
        guard !isEmpty else { return others }
        guard !others.isEmpty else { return self }
        var merged: [Diagnostic] = []
        merged.reserveCapacity(count + others.count)
        var mine = startIndex
        var theirs = others.startIndex
        while mine < endIndex, theirs < others.endIndex {
            if others[theirs] < self[mine] {
                merged.append(others[theirs])
                theirs += 1
            } else {
                merged.append(self[mine])
                mine += 1
            }
        }
        merged += self[mine...]
        merged += others[theirs...]
        return merged
    }

    /// Whether any diagnostic is an error, which means no page may be written.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// How many are of `severity`, counted without copying them into a filtered array.
    public func count(of severity: Diagnostic.Severity) -> Int {
        var count = 0
        for diagnostic in self where diagnostic.severity == severity { count += 1 }
        return count
    }
}
