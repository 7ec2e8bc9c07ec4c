/// A ticked task whose newest evidence says otherwise (a failed restore test, a failed deploy).
struct EvidenceContradictsTickRule: Rule {
    let id = DiagnosticID(rawValue: "evidence.contradicts-tick")
    let severity = Diagnostic.Severity.error
    let summary = "A ticked task's latest evidence contradicts it."

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.evidence.keys.sorted().flatMap { id -> [Diagnostic] in
            guard let latest = context.evidence[id]?.first, latest.verdict == .contradicts else {
                return []
            }
            return context.tasks(withID: id).filter { $0.task.isChecked }.map { _, task in
                finding(
                    "'\(task.text)' is ticked but its latest evidence, \(latest.summary) on \(latest.timestamp.day) (\(latest.entryID)), says otherwise",
                    at: task.location, hint: "untick the task until a new record bears it out")
            }
        }
    }
}

/// An open task whose newest evidence bears it out (a passing restore test, a successful deploy).
struct EvidenceCompletesTaskRule: Rule {
    let id = DiagnosticID(rawValue: "evidence.would-complete")
    let severity = Diagnostic.Severity.warning
    let summary = "An unticked task's latest evidence shows it done."

    func check(_ context: CheckContext) -> [Diagnostic] {
        context.evidence.keys.sorted().flatMap { id -> [Diagnostic] in
            guard let latest = context.evidence[id]?.first, latest.verdict == .supports else {
                return []
            }
            return context.tasks(withID: id).filter {
                !$0.task.isChecked && !$0.task.isDescoped
            }.map { _, task in
                finding(
                    "'\(task.text)' is not ticked but \(latest.summary) on \(latest.timestamp.day) (\(latest.entryID)) shows it done",
                    at: task.location, hint: "tick the task")
            }
        }
    }
}

/// A record names, in `evidence_for`, a task id that no document has.
struct UnknownEvidenceTaskRule: Rule {
    let id = DiagnosticID(rawValue: "evidence.unknown-task")
    let severity = Diagnostic.Severity.warning
    let summary = "A status record is evidence for a task id that does not exist."

    func check(_ context: CheckContext) -> [Diagnostic] {
        let status = context.handbook.status
        var findings: [Diagnostic] = []
        func check(_ ids: [String]?, _ location: Diagnostic.Location) {
            for id in ids ?? [] where context.tasks(withID: id).isEmpty {
                findings.append(
                    finding(
                        "evidence_for names '\(id)', which is no task's id", at: location,
                        hint:
                            "use an id shown on the task's anchor, or give the task <!-- id: \(id) -->"
                    ))
            }
        }
        for entry in status.deploys where entry.record.evidenceFor != nil {
            check(entry.record.evidenceFor, entry.location)
        }
        for entry in status.backups where entry.record.evidenceFor != nil {
            check(entry.record.evidenceFor, entry.location)
        }
        for entry in status.metrics where entry.record.evidenceFor != nil {
            check(entry.record.evidenceFor, entry.location)
        }
        return findings
    }
}

/// The newest restore test of an environment is older than `max_evidence_age` (7 days unless
/// `handbook.yml` says otherwise).
struct StaleEvidenceRule: Rule {
    let id = DiagnosticID(rawValue: "evidence.stale")
    let severity = Diagnostic.Severity.warning
    let summary = "The latest restore test is older than max_evidence_age."

    func check(_ context: CheckContext) -> [Diagnostic] {
        let limit = context.handbook.config.maximumEvidenceAgeDays
        return context.handbook.status.latestRestoreTests.compactMap { entry in
            guard let tested = entry.record.restore?.testedAt else { return nil }
            let age = (context.now.secondsSince1970 - tested.secondsSince1970) / 86_400
            guard age > limit else { return nil }
            return finding(
                "the latest restore test of \(entry.record.environment) is \(CountedNoun.phrase(Int(age.rounded(.down)), "day")) old (\(tested.day)); evidence older than \(StatusFormat.decimal(limit)) days is stale",
                at: entry.location,
                hint: "run the restore test again and record it with cairn record backup")
        }
    }

    /// A fresh test goes stale when its age passes the limit; a stale one's message counts
    /// whole days, so it changes at the next whole day of age.
    func nextChange(_ context: CheckContext) -> Timestamp? {
        let limit = context.handbook.config.maximumEvidenceAgeDays
        let now = context.now.secondsSince1970
        return context.handbook.status.latestRestoreTests.compactMap { entry -> Timestamp? in
            guard let tested = entry.record.restore?.testedAt.secondsSince1970 else { return nil }
            let ageDays = (now - tested) / 86_400
            let changeDays = ageDays > limit ? ageDays.rounded(.down) + 1 : limit
            // The moment itself: a cached result expires no later than it could first differ.
            return Timestamp(secondsSince1970: tested + changeDays * 86_400)
        }.min()
    }
}
