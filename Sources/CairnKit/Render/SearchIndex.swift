/// The search index as a script file (`assets/search-index.js`), so that search works from
/// `file://` where a page cannot fetch a JSON file: documents, headings, tasks and runbooks,
/// each with its page, relative to the site root.
enum SearchIndex {
    struct Entry {
        /// The text searched and shown.
        let t: String
        /// The page, from the site root, and the anchor on it: written as `page#anchor`.
        let page: String
        let anchor: String?
        /// What it is: `document`, `runbook`, `heading` or `task`.
        let k: String
        /// The document it is in.
        let d: String
    }

    /// The document, its headings below the title, and its tasks.
    static func entries(of document: Document) -> [Entry] {
        var entries = [
            Entry(
                t: document.title, page: document.pagePath, anchor: nil, k: "document",
                d: document.path)
        ]
        for section in document.allSections where section.level > 1 {
            entries.append(
                Entry(
                    t: section.title, page: document.pagePath, anchor: section.anchor,
                    k: "heading", d: document.title))
        }
        for task in document.allTasks {
            entries.append(
                Entry(
                    t: task.text, page: document.pagePath, anchor: task.id, k: "task",
                    d: document.title))
        }
        return entries
    }

    static func runbookEntries(_ handbook: Handbook) -> [Entry] {
        handbook.runbooks.map { runbook in
            Entry(
                t: runbook.title, page: RunbookPageView.path(runbook), anchor: nil, k: "runbook",
                d: "Runbook")
        }
    }

    static let path = "assets/search-index.js"

    /// Every entry's text, page, kind and document, in order: the file is made from these
    /// alone, so a build whose entries hash the same reuses the last build's file.
    static func fingerprint(_ handbook: Handbook) -> ContentHash {
        var hasher = ContentHasher()
        hasher.add("search index")
        for entries in handbook.documents.lazy.map(entries(of:)) + [runbookEntries(handbook)] {
            for entry in entries {
                hasher.add(entry.t)
                hasher.add(entry.page)
                if let anchor = entry.anchor {
                    hasher.add(word: 1)
                    hasher.add(anchor)
                } else {
                    hasher.add(word: 0)
                }
                hasher.add(entry.k)
                hasher.add(entry.d)
            }
        }
        return hasher.finish()
    }

    /// `window.CAIRN_SEARCH_INDEX = [...];`, with `<` and the line separators escaped so the
    /// text can never end the script or break the line. Handed to `sink` a document at a time:
    /// on a large handbook this file has millions of entries.
    static func write(_ handbook: Handbook, into sink: SiteFile.Sink) throws {
        var output = PieceBuffer()
        try output.append("window.CAIRN_SEARCH_INDEX = [".utf8, to: sink)
        var isFirst = true
        for entries in handbook.documents.lazy.map(entries(of:)) + [runbookEntries(handbook)] {
            for entry in entries {
                if !isFirst { output.bytes.append(UInt8(ascii: ",")) }
                isFirst = false
                // Keys in sorted order, as the index has always been written.
                output.bytes += #"{"d":"#.utf8
                JSONText.appendQuoted(entry.d, to: &output.bytes, forScript: true)
                output.bytes += #","k":"#.utf8
                JSONText.appendQuoted(entry.k, to: &output.bytes, forScript: true)
                output.bytes += #","t":"#.utf8
                JSONText.appendQuoted(entry.t, to: &output.bytes, forScript: true)
                output.bytes += #","u":""#.utf8
                // `page#anchor`, written in its parts.
                JSONText.appendEscaped(entry.page, to: &output.bytes, forScript: true)
                if let anchor = entry.anchor {
                    output.bytes.append(UInt8(ascii: "#"))
                    JSONText.appendEscaped(anchor, to: &output.bytes, forScript: true)
                }
                output.bytes += "\"}".utf8
            }
            try output.flushIfFull(to: sink)
        }
        try output.append("];\n".utf8, to: sink)
        try output.flush(to: sink)
    }
}
