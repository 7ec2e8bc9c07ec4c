import Foundation

/// A procedure or checklist as a page to practise and to print: numbered steps with their
/// sub-steps, in groups, and the conditions that call for it.
public struct Runbook: Sendable, Equatable {
    /// The page's name: `runbooks/<slug>.html`.
    public var slug: String
    public var title: String
    public var documentPath: String
    /// The section of the document the runbook comes from.
    public var anchor: String
    /// Conditions that call for the runbook (`Error rate > 5%`).
    public var triggers: [String]
    public var groups: [RunbookGroup]
    /// Changes whenever a step's text does, so that drill progress saved in a browser is
    /// forgotten when the runbook it was saved for changes.
    public var version: String

    public var stepCount: Int { groups.map(\.steps.count).reduce(0, +) }
}

/// A titled run of steps (`Pre-Deployment`, `During Deployment`).
public struct RunbookGroup: Sendable, Equatable {
    public var title: String?
    public var steps: [RunbookStep]
}

/// One step and the sub-steps listed under it.
public struct RunbookStep: Sendable, Equatable {
    public var text: String
    public var substeps: [String]
}

extension Handbook {
    /// A runbook for every procedure (with its section's triggers) and every section whose
    /// title ends in "Checklist", in document order, with unique slugs.
    static func runbooks(in documents: [Document]) -> [Runbook] {
        // Each document's runbooks, with their slugs as their titles give them, on whichever
        // core is free; then the slugs made unique across the handbook, in document order.
        let found = ParallelMap.map(
            documents, concurrency: ProcessInfo.processInfo.activeProcessorCount
        ) { document in
            Self.runbooks(in: document).map { runbook in
                var runbook = runbook
                runbook.slug = Runbook.slug(for: runbook.title)
                return runbook
            }
        }
        var slugs = AnchorRegistry()
        var runbooks: [Runbook] = []
        runbooks.reserveCapacity(found.reduce(0) { $0 + $1.count })
        for var runbook in found.joined() {
            runbook.slug = slugs.unique(runbook.slug)
            runbooks.append(runbook)
        }
        return runbooks
    }

    /// The runbooks of one document in the order they start, each with its version and no
    /// slug yet.
    private static func runbooks(in document: Document) -> [Runbook] {
        var found: [(line: Int, runbook: Runbook)] = []
        var procedureParents: Set<String> = []
        for procedure in document.procedures {
            let parentAnchor = procedure.parentAnchor
            let title =
                procedure.parentTitle.flatMap { parent in
                    DocumentBuilder.procedureWords.contains(where: parent.containsIgnoringASCIICase)
                        ? parent : nil
                } ?? procedure.title
            if let parentAnchor, title != procedure.title {
                guard procedureParents.insert(parentAnchor).inserted else { continue }
            }
            let triggers = document.triggerConditions.filter {
                $0.parentAnchor != nil && $0.parentAnchor == parentAnchor
            }
            let group = RunbookGroup(
                title: title == procedure.title ? nil : procedure.title,
                steps: procedure.steps.map { RunbookStep(text: $0.text, substeps: $0.substeps) }
            )
            found.append(
                (
                    procedure.location.line,
                    Runbook(
                        slug: "", title: Runbook.cleanTitle(title), documentPath: document.path,
                        anchor: title == procedure.title
                            ? procedure.anchor : (parentAnchor ?? procedure.anchor),
                        triggers: triggers.map(\.text), groups: [group], version: "")
                ))
        }
        for section in document.allSections
        where section.title.hasSuffixIgnoringASCIICase("checklist") {
            var groups: [RunbookGroup] = []
            if !section.tasks.isEmpty {
                groups.append(RunbookGroup(title: nil, steps: section.tasks.map(Runbook.step)))
            }
            for child in section.children where !child.allTasks.isEmpty {
                groups.append(
                    RunbookGroup(
                        title: child.title,
                        steps: child.tasks.map(Runbook.step)
                            + child.children.flatMap { $0.tasks.map(Runbook.step) }))
            }
            guard !groups.isEmpty else { continue }
            found.append(
                (
                    section.location.line,
                    Runbook(
                        slug: "", title: Runbook.cleanTitle(section.title),
                        documentPath: document.path, anchor: section.anchor,
                        triggers: [], groups: groups, version: "")
                ))
        }
        return found.sorted(by: { $0.line < $1.line }).map { _, runbook in
            var runbook = runbook
            runbook.version = Runbook.fingerprint(runbook)
            return runbook
        }
    }
}

extension Runbook {
    static let noiseWords: Set<String> = [
        "procedures", "procedure", "steps", "runbook", "checklist", "manual", "the",
    ]

    /// `Rollback Procedures` → `rollback`; `6.1: Pre-Launch Checklist` → `pre-launch`.
    static func slug(for title: String) -> String {
        let words = Slug.compact(title, limit: 200).split(onASCII: "-").filter { word in
            !noiseWords.contains(String(word)) && !(word.allSatisfy(\.isNumber))
        }
        return words.isEmpty ? Slug.compact(title) : words.joined(separator: "-")
    }

    /// The title without a leading section number (`6.1: `).
    static func cleanTitle(_ title: String) -> String {
        Section(
            kind: .heading, title: title, anchor: "", level: 1, location: .init(path: ""),
            tasks: [], children: [],
            requires: [], fields: [:], hasOtherContent: false
        ).unnumberedTitle
    }

    static func step(_ task: PlanTask) -> RunbookStep {
        RunbookStep(text: task.text, substeps: task.children.map(\.text))
    }

    /// FNV-1a over the steps' text: the same runbook gives the same version on every machine.
    static func fingerprint(_ runbook: Runbook) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for group in runbook.groups {
            for step in group.steps {
                for byte in (step.text + "\u{1}" + step.substeps.joined(separator: "\u{2}")).utf8 {
                    hash ^= UInt64(byte)
                    hash = hash &* 0x100_0000_01b3
                }
            }
        }
        return String(hash, radix: 16)
    }
}
