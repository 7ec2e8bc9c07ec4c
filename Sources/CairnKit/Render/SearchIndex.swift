/// The search index as a script file (`assets/search-index.js`), so that search works from
/// `file://` where a page cannot fetch a JSON file: documents, headings, tasks and runbooks,
/// each with its page, relative to the site root.
enum SearchIndex {
    struct Entry {
        /// The text searched and shown.
        let t: String
        /// The page and anchor, from the site root.
        let u: String
        /// What it is: `document`, `runbook`, `heading` or `task`.
        let k: String
        /// The document it is in.
        let d: String
    }

    static func entries(_ handbook: Handbook) -> [Entry] {
        var entries: [Entry] = []
        for document in handbook.documents {
            entries.append(
                Entry(t: document.title, u: document.pagePath, k: "document", d: document.path))
            for section in document.allSections where section.level > 1 {
                entries.append(
                    Entry(
                        t: section.title, u: document.pagePath + "#" + section.anchor, k: "heading",
                        d: document.title))
            }
            for task in document.allTasks {
                entries.append(
                    Entry(
                        t: task.text, u: document.pagePath + "#" + task.id, k: "task",
                        d: document.title))
            }
        }
        for runbook in handbook.runbooks {
            entries.append(
                Entry(
                    t: runbook.title, u: RunbookPageView.path(runbook), k: "runbook", d: "Runbook"))
        }
        return entries
    }

    /// `window.CAIRN_SEARCH_INDEX = [...];`, with `<` and the line separators escaped so the
    /// text can never end the script or break the line. Written byte by byte: on a large
    /// handbook this file has hundreds of thousands of entries.
    static func script(_ handbook: Handbook) -> [UInt8] {
        var output = Array("window.CAIRN_SEARCH_INDEX = [".utf8)
        for (index, entry) in entries(handbook).enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            // Keys in sorted order, as the index has always been written.
            output += #"{"d":"#.utf8
            JSONText.appendQuoted(entry.d, to: &output, forScript: true)
            output += #","k":"#.utf8
            JSONText.appendQuoted(entry.k, to: &output, forScript: true)
            output += #","t":"#.utf8
            JSONText.appendQuoted(entry.t, to: &output, forScript: true)
            output += #","u":"#.utf8
            JSONText.appendQuoted(entry.u, to: &output, forScript: true)
            output.append(UInt8(ascii: "}"))
        }
        output += "];\n".utf8
        return output
    }
}
