/// Where the history pages are and which page holds which record: newest first, 100 rows a page.
public enum StatusPages {
    static let rowsPerPage = 100

    public enum Kind: String, CaseIterable, Sendable {
        case deploys
        case backups
        case metrics

        var title: String {
            switch self {
            case .deploys: "Deploys"
            case .backups: "Backups and restore tests"
            case .metrics: "Metrics"
            }
        }
    }

    static func pageCount(rows: Int) -> Int {
        max(1, (rows + rowsPerPage - 1) / rowsPerPage)
    }

    /// `deploys.html`, then `deploys-2.html`, … (page numbers from 1).
    static func path(_ kind: Kind, page: Int) -> String {
        page <= 1 ? "\(kind.rawValue).html" : "\(kind.rawValue)-\(page).html"
    }

    /// The page and anchor of the record at `index` of its newest-first list.
    static func href(_ kind: Kind, index: Int, id: String) -> String {
        path(kind, page: index / rowsPerPage + 1) + "#" + id
    }
}
