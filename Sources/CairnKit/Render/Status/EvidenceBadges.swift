/// The badges shown after a task that status records name as evidence, each linking to its
/// record on the history pages.
struct EvidenceBadges {
    /// At most this many badges stand beside a task, newest first.
    static let limit = 3

    private let byTask: [String: [Evidence]]
    private let hrefs: [String: String]

    init(history: StatusHistory) {
        byTask = history.evidenceByTask
        var hrefs: [String: String] = [:]
        for (index, entry) in history.deploys.enumerated() where entry.record.evidenceFor != nil {
            hrefs[entry.id] = StatusPages.href(.deploys, index: index, id: entry.id)
        }
        for (index, entry) in history.backups.enumerated() where entry.record.evidenceFor != nil {
            hrefs[entry.id] = StatusPages.href(.backups, index: index, id: entry.id)
        }
        for (index, entry) in history.metrics.enumerated() where entry.record.evidenceFor != nil {
            hrefs[entry.id] = StatusPages.href(.metrics, index: index, id: entry.id)
        }
        self.hrefs = hrefs
    }

    func html(for taskID: String, root: String) -> String? {
        guard let evidence = byTask[taskID], !evidence.isEmpty else { return nil }
        var html = ""
        for item in evidence.prefix(Self.limit) {
            let mark =
                switch item.verdict {
                case .supports: "✓"
                case .contradicts: "✗"
                case .neutral: "•"
                }
            let href = root + (hrefs[item.entryID] ?? "")
            html +=
                " <a class=\"evidence evidence-\(item.verdict.rawValue)\" href=\"\(HTMLEscaping.attribute(href))\" "
                + "title=\"Evidence: \(HTMLEscaping.attribute(item.summary)), \(item.timestamp.day)\">"
                + "\(mark) \(HTMLEscaping.text(item.summary)) <span class=\"evidence-date\">\(item.timestamp.day)</span></a>"
        }
        if evidence.count > Self.limit {
            html += " <span class=\"evidence-more\">+\(evidence.count - Self.limit) more</span>"
        }
        return html
    }
}
