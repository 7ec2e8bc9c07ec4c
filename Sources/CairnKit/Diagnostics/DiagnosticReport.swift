/// Diagnostics as a user reads them: one compiler-style line each, coloured on request, with
/// notes folded into a count unless they are asked for.
public struct DiagnosticReport: Sendable {
    public var diagnostics: [Diagnostic]
    public var showsNotes: Bool
    public var isColored: Bool
    /// Whether a line says how many notes were not shown.
    public var countsHiddenNotes: Bool
    /// The content folder as the user named it: paths relative to it are printed from the
    /// working folder (`content/plans/PLAN.md:17:1`), so editors and terminals can open them.
    public var contentFolder: String?

    public init(
        _ diagnostics: [Diagnostic], showsNotes: Bool, isColored: Bool,
        countsHiddenNotes: Bool = true, contentFolder: String? = nil
    ) {
        self.contentFolder = contentFolder
        self.diagnostics = diagnostics.sorted()
        self.showsNotes = showsNotes
        self.isColored = isColored
        self.countsHiddenNotes = countsHiddenNotes
    }

    /// The lines to print, errors and warnings always, notes when `showsNotes`.
    public var lines: [String] {
        var lines = diagnostics.filter { showsNotes || $0.severity != .note }.map(format)
        let hidden = diagnostics.count(of: .note)
        if !showsNotes && countsHiddenNotes && hidden > 0 {
            lines.append(
                "\(CountedNoun.phrase(hidden, "note")) (repairs and hints) not shown; --verbose lists them"
            )
        }
        return lines
    }

    public func count(_ severity: Diagnostic.Severity) -> Int {
        diagnostics.count(of: severity)
    }

    private func format(_ diagnostic: Diagnostic) -> String {
        Self.line(
            for: diagnostic,
            displayPath: diagnostic.location.displayPath(contentFolder: contentFolder),
            isColored: isColored)
    }

    /// One diagnostic's line, its path already as `displayPath(contentFolder:)` gives it.
    static func line(for original: Diagnostic, displayPath: String, isColored: Bool) -> String {
        var diagnostic = original
        diagnostic.location.path = displayPath
        guard isColored else { return diagnostic.formatted }
        let reset = "\(Self.reset)"
        return
            "\(Self.bold)\(diagnostic.location.description):\(reset) \(Self.color(of: diagnostic.severity))\(diagnostic.severity.rawValue):\(reset) "
            + "\(diagnostic.message) [\(diagnostic.id.rawValue)]"
    }

    /// The terminal's codes for a colored line: its location bold, its severity in color.
    static let bold: StaticString = "\u{1B}[1m"
    static let reset: StaticString = "\u{1B}[0m"

    static func color(of severity: Diagnostic.Severity) -> StaticString {
        switch severity {
        case .error: "\u{1B}[1;31m"
        case .warning: "\u{1B}[1;33m"
        case .note: "\u{1B}[1;36m"
        }
    }
}
