import Foundation

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
        /// Renders `partials/navigation-item` for the item, once per site.
        var renderer: NavigationItemRenderer?

        /// The item through `partials/navigation-item`: a document's entry reads the same on
        /// every page of a folder, so it is rendered once, not once per page.
        var html: String { renderer?.html(for: self) ?? "" }
    }

    /// Set by the renderer when the page is rendered.
    var itemRenderer: NavigationItemRenderer?

    /// Documents beyond this many are not all listed on every page: the navigation shows
    /// the current document's neighbours and links to the dashboard's full list.
    static let navigationLimit = 60
    static let navigationNeighbours = 15

    /// How many documents the navigation leaves out; the dashboard lists them all.
    let hiddenDocumentCount: Int
    let isNavigationShortened: Bool

    /// - Parameters:
    ///   - currentDocument: the index of the page's document in the handbook, or nil.
    ///   - nearDocument: for a page about a document that is not its page (a runbook), the
    ///     document whose neighbours a shortened navigation shows.
    init(
        handbook: Handbook, pageTitle: String, pagePath: String, currentDocument: Int?,
        nearDocument: Int? = nil
    ) {
        siteTitle = handbook.title
        self.pageTitle = pageTitle
        let depth = pagePath.split(separator: "/").count - 1
        root = String(repeating: "../", count: depth)
        let root = self.root
        let documents = handbook.documents
        var shown = documents.indices
        if documents.count > Self.navigationLimit {
            let width = 2 * Self.navigationNeighbours + 1
            let start = max(
                0,
                min(
                    (currentDocument ?? nearDocument ?? 0) - Self.navigationNeighbours,
                    documents.count - width))
            shown = start..<min(documents.count, start + width)
        }
        navigation = shown.map { index in
            let document = documents[index]
            return NavigationItem(
                title: document.title, href: root + document.pagePath,
                progress: ProgressView(document.progress), isCurrent: index == currentDocument,
                renderer: nil)
        }
        hiddenDocumentCount = documents.count - shown.count
        isNavigationShortened = hiddenDocumentCount > 0
        dashboardHref = root + "index.html"
        isDashboard = currentDocument == nil && pagePath == "index.html"
    }
}

/// Renders navigation items through the theme's `partials/navigation-item`, each distinct
/// item once: a site of thousands of pages shows the same few dozen items on most of them.
final class NavigationItemRenderer: @unchecked Sendable {
    private let render: @Sendable (PageContext.NavigationItem) -> String
    private let lock = NSLock()
    private var rendered: [String: String] = [:]

    init(render: @escaping @Sendable (PageContext.NavigationItem) -> String) {
        self.render = render
    }

    func html(for item: PageContext.NavigationItem) -> String {
        // The page's way to the root is in the link, so the key tells folders apart.
        let key = (item.isCurrent ? "1" : "0") + item.href
        if let known = lock.withLock({ rendered[key] }) { return known }
        let html = render(item)
        lock.withLock { rendered[key] = html }
        return html
    }
}
