import Foundation

/// `cairn check`: load, check and report, or, for a whole check when nothing it depends on
/// has changed since a run kept in the cache folder, that run's report.
public struct CheckRun: Sendable {
    /// What is checked.
    public enum Scope: Sendable, Equatable {
        /// Every rule; the report may come from the cache.
        case everything
        /// Only what must hold before the step `name` (`--gate`).
        case gate(String)
        /// The steps `--gate` accepts, a line each (`--list-gates`).
        case listGates
    }

    public struct Options: Sendable {
        public var contentFolder: String
        public var scope: Scope = .everything
        public var format: CheckReport.Format
        public var isStrict: Bool
        /// Whether notes (each mojibake repair) are reported too.
        public var isVerbose: Bool
        public var isColored: Bool
        /// nil: no cache is read or written.
        public var cacheFolder: String?
        /// What tells this build of Cairn from another with the same version number (the
        /// executable's size and time): a result is reused only by the Cairn that made it.
        public var toolIdentity: String
        public var now: Timestamp

        public init(
            contentFolder: String, format: CheckReport.Format, isStrict: Bool, isVerbose: Bool,
            isColored: Bool, cacheFolder: String?, toolIdentity: String, now: Timestamp
        ) {
            self.contentFolder = contentFolder
            self.format = format
            self.isStrict = isStrict
            self.isVerbose = isVerbose
            self.isColored = isColored
            self.cacheFolder = cacheFolder
            self.toolIdentity = toolIdentity
            self.now = now
        }
    }

    public struct Result: Sendable {
        /// The report, in the requested format.
        public var output: [UInt8]
        /// 0, 1, or 2 when the content could not be read.
        public var exitCode: Int32
        public var cameFromCache: Bool
        /// Why the result could not be kept for next time; the check itself is unaffected.
        public var cacheProblem: String?
        /// The handbook that was checked, and the findings of the report, handed back so that
        /// the caller decides when they are freed: a command that ends right after the check
        /// need not free them at all (freeing the model of 10,000 documents value by value
        /// takes about a second, and their 100,000 findings another few hundredths).
        public var checkedHandbook: Handbook?
        public var findings: [Diagnostic] = []
    }

    public let options: Options

    public init(options: Options) {
        self.options = options
    }

    /// - Throws: `CairnError` when the content folder cannot be read at all, or a gate is not
    ///   known.
    public func run() throws -> Result {
        let tree = try ContentLoader().load(root: options.contentFolder)
        // Only a whole check is kept: gates are quick to ask for again.
        let cacheFolder = options.scope == .everything ? options.cacheFolder : nil
        let fingerprint = cacheFolder.map { _ in
            InputFingerprint.of(
                tree,
                settings: [
                    "check", options.toolIdentity, options.contentFolder, options.format.rawValue,
                    "strict \(options.isStrict)", "verbose \(options.isVerbose)",
                    "colored \(options.isColored)",
                ])
        }
        let key = fingerprint?.hash
        if let folder = cacheFolder, let key,
            let entry = CheckCacheReader(folder: folder).entry(for: key),
            entry.holds(at: options.now)
        {
            return Result(output: entry.output, exitCode: entry.exitCode, cameFromCache: true)
        }
        let loaded = HandbookLoading.load(
            tree, contentFolder: options.contentFolder, rendersHTML: false,
            statusFilesRead: fingerprint?.statusFiles)
        if loaded.diagnostics.hasErrors {
            let unreadable = loaded.diagnostics.filter { $0.severity != .note }
            let report = CheckReport(
                findings: unreadable, contentFolder: options.contentFolder,
                isStrict: options.isStrict)
            return Result(
                output: try report.renderBytes(options.format, isColored: options.isColored),
                exitCode: 2, cameFromCache: false, checkedHandbook: loaded.handbook)
        }
        switch options.scope {
        case .everything: break
        case .listGates: return listGates(loaded.handbook)
        case .gate(let name): return try gate(name, loaded.handbook)
        }
        let checked = Checker().checkWithValidity(loaded.handbook, now: options.now)
        // Reading's few findings merged into the checker's, which come in order.
        let findings =
            loaded.diagnostics.filter { options.isVerbose || $0.severity != .note }.sorted()
            .mergingInOrder(checked.findings)
        let report = CheckReport(
            findings: findings, contentFolder: options.contentFolder, isStrict: options.isStrict)
        let output = try report.renderBytes(options.format, isColored: options.isColored)
        var result = Result(
            output: output, exitCode: report.exitCode, cameFromCache: false,
            checkedHandbook: loaded.handbook, findings: report.findings)
        if let folder = cacheFolder, let key {
            let entry = CheckCacheEntry(
                output: output, exitCode: report.exitCode, validFrom: options.now,
                validUntil: checked.holdsUntil)
            do {
                try CheckCacheWriter(folder: folder).store(entry, for: key)
            } catch {
                result.cacheProblem = "\(folder): \(FailureReason.of(error))"
            }
        }
        return result
    }

    /// `name<TAB>kind<TAB>done/total<TAB>requires: …`, a line per gate.
    private func listGates(_ handbook: Handbook) -> Result {
        let lines = GateCheck(handbook: handbook, now: options.now).gates.map { gate in
            let requirements =
                gate.requirements.isEmpty ? "nothing" : gate.requirements.joined(separator: ", ")
            return
                "\(gate.name)\t\(gate.kind.rawValue)\t\(gate.progress.done)/\(gate.progress.total)\trequires: \(requirements)\n"
        }
        return Result(
            output: Array(lines.joined().utf8), exitCode: 0, cameFromCache: false,
            checkedHandbook: handbook)
    }

    /// Every unticked prerequisite of the step `name`, as a report.
    private func gate(_ name: String, _ handbook: Handbook) throws -> Result {
        guard let findings = GateCheck(handbook: handbook, now: options.now).check(name) else {
            throw CairnError.gateUnknown(name: name)
        }
        let report = CheckReport(
            findings: findings, contentFolder: options.contentFolder, isStrict: options.isStrict)
        return Result(
            output: try report.renderBytes(options.format, isColored: options.isColored),
            exitCode: report.exitCode, cameFromCache: false, checkedHandbook: handbook,
            findings: report.findings)
    }
}
