/// A link to a document that is not in the handbook, or to an anchor the document lacks.
struct BrokenLinkRule: Rule {
    let id = DiagnosticID(rawValue: "link.broken")
    let severity = Diagnostic.Severity.error
    let summary = "A link points to a document or anchor that does not exist."

    func check(_ context: CheckContext) -> [Diagnostic] {
        let documents = Dictionary(
            context.handbook.documents.map { ($0.path, $0) },
            uniquingKeysWith: { first, _ in first })
        var anchors: [String: Set<String>] = [:]
        func anchorsOf(_ document: Document) -> Set<String> {
            if let known = anchors[document.path] { return known }
            let found = Set(document.allSections.map(\.anchor) + document.allTasks.map(\.id))
            anchors[document.path] = found
            return found
        }
        var findings: [Diagnostic] = []
        for document in context.handbook.documents {
            for link in document.links where !link.isImage {
                let target: Document?
                if let path = link.targetDocument {
                    target = documents[path]
                    if target == nil {
                        findings.append(
                            finding(
                                "links to \(link.destination), which is not a document of the handbook (\(path))",
                                at: link.location,
                                hint: "fix the path, or add the document to the content folder"))
                        continue
                    }
                } else if link.destination.hasPrefix("#") {
                    target = document
                } else if PagePath.splitMarkdownLink(link.destination) != nil {
                    findings.append(
                        finding(
                            "links to \(link.destination), which is outside the content folder",
                            at: link.location,
                            hint: "link to a document inside the content folder, or use a full URL")
                    )
                    continue
                } else {
                    continue
                }
                let fragment =
                    link.targetDocument == nil
                    ? String(link.destination.dropFirst()) : link.fragment
                guard let fragment, !fragment.isEmpty, let target else { continue }
                let anchor = fragment.removingPercentEncodingOrSelf
                if !anchorsOf(target).contains(anchor) {
                    findings.append(
                        finding(
                            "links to #\(anchor) in \(target.path), which has no such heading or task",
                            at: link.location,
                            hint: "link to an anchor the page shows (hover a heading's #)"))
                }
            }
        }
        return findings
    }
}

/// The same explicit task id on two tasks: evidence naming it could mean either.
struct DuplicateTaskIDRule: Rule {
    let id = DiagnosticID(rawValue: "task.duplicate-id")
    let severity = Diagnostic.Severity.error
    let summary = "Two tasks have the same explicit id."

    func check(_ context: CheckContext) -> [Diagnostic] {
        var findings = context.handbook.documents.flatMap { document in
            document.duplicateTaskIDs.map { duplicate in
                finding(
                    "the task id '\(duplicate.id)' is given to an earlier task of this document too",
                    at: duplicate.location, hint: "give each task its own <!-- id: … -->")
            }
        }
        for (id, holders) in context.tasksByID where holders.count > 1 {
            let documents = Set(holders.map(\.documentPath))
            guard documents.count > 1, holders.contains(where: \.task.hasExplicitID) else {
                continue
            }
            for holder in holders.dropFirst() {
                findings.append(
                    finding(
                        "the task id '\(id)' is also used in \(holders[0].documentPath)",
                        at: holder.task.location,
                        hint: "give each task its own <!-- id: … -->"))
            }
        }
        return findings
    }
}

extension String {
    var removingPercentEncodingOrSelf: String {
        guard utf8.contains(UInt8(ascii: "%")) else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
