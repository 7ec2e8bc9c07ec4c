/// What every page's layout needs: titles, the way back to the site root, the navigation.
struct PageContext {
    let siteTitle: String
    let pageTitle: String
    /// `""` for a page at the root, `../` for one a folder down: every link is relative.
    let root: String
    let navigation: [NavigationItem]
    let dashboardHref: String
    let isDashboard: Bool

    struct NavigationItem {
        let title: String
        let href: String
        let progress: ProgressView
        let isCurrent: Bool
    }

    init(handbook: Handbook, pageTitle: String, pagePath: String, currentDocument: String?) {
        siteTitle = handbook.title
        self.pageTitle = pageTitle
        let depth = pagePath.split(separator: "/").count - 1
        root = String(repeating: "../", count: depth)
        let root = self.root
        navigation = handbook.documents.map { document in
            NavigationItem(
                title: document.title, href: root + document.pagePath,
                progress: ProgressView(document.progress),
                isCurrent: document.path == currentDocument)
        }
        dashboardHref = root + "index.html"
        isDashboard = currentDocument == nil && pagePath == "index.html"
    }
}
