import Foundation

/// The search index as a script file (`assets/search-index.js`), so that search works from
/// `file://` where a page cannot fetch a JSON file: documents, headings, tasks and runbooks,
/// each with its page, relative to the site root.
enum SearchIndex {
    struct Entry: Encodable {
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
    /// text can never end the script or break the line.
    static func script(_ handbook: Handbook) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        let json = String(decoding: try encoder.encode(entries(handbook)), as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
        return Array("window.CAIRN_SEARCH_INDEX = \(json);\n".utf8)
    }
}
