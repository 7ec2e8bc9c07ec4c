/// One page of a status history (`deploys.html`, `backups-2.html`, …): newest first, 100 rows a
/// page, charts on the first page.
struct HistoryPageView {
    let page: PageContext
    let heading: String
    let summary: String
    let charts: [Chart]
    let pagination: [PageLink]
    let hasPagination: Bool
    let rows: [[String: Any]]
    let hasRows: Bool

    /// An SVG chart and the caption shown under it.
    struct Chart {
        let svg: String
        let caption: String
    }

    struct PageLink {
        let number: Int
        let href: String
        let isCurrent: Bool
    }

    init(
        kind: StatusPages.Kind, pageNumber: Int, handbook: Handbook, rows: [[String: Any]],
        totalRows: Int,
        summary: String, charts: [Chart]
    ) {
        let path = StatusPages.path(kind, page: pageNumber)
        page = PageContext(
            handbook: handbook, pageTitle: kind.title, pagePath: path, currentDocument: nil)
        heading = kind.title
        self.summary = summary
        self.charts = charts
        let count = StatusPages.pageCount(rows: totalRows)
        pagination = (1...count).map { number in
            PageLink(
                number: number, href: StatusPages.path(kind, page: number),
                isCurrent: number == pageNumber)
        }
        hasPagination = count > 1
        self.rows = rows
        hasRows = !rows.isEmpty
    }
}

extension HistoryPageView: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "page": .of(page)
        case "heading": .of(heading)
        case "summary": .of(summary)
        case "charts": .of(charts)
        case "hasCharts": .of(!charts.isEmpty)
        case "pagination": .of(pagination)
        case "hasPagination": .of(hasPagination)
        case "rows": .of(rows)
        case "hasRows": .of(hasRows)
        default: nil
        }
    }
}

extension HistoryPageView.PageLink: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "number": .of(number)
        case "href": .of(href)
        case "isCurrent": .of(isCurrent)
        default: nil
        }
    }
}

extension HistoryPageView.Chart: TemplateContext {
    func child(named name: String) -> TemplateValue? {
        switch name {
        case "svg": .of(svg)
        case "caption": .of(caption)
        default: nil
        }
    }
}
