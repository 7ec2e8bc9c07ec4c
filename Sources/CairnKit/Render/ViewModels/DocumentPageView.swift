/// The view model of one document's page.
struct DocumentPageView {
    let page: PageContext
    let title: String
    let sourcePath: String
    let progress: ProgressView
    let tableOfContents: [ContentsEntry]
    let hasTableOfContents: Bool
    /// The document's HTML, decorated with anchors and progress when the page is rendered;
    /// trusted, rendered unescaped.
    let body: DecoratedBody
    let previous: Neighbour?
    let next: Neighbour?

    struct ContentsEntry {
        let title: String
        let href: String
        let level: Int
        let progress: ProgressView
    }

    struct Neighbour {
        let title: String
        let href: String
    }

    init(document: Document, at index: Int, in handbook: Handbook, body: DecoratedBody) {
        page = PageContext(
            handbook: handbook, pageTitle: document.title, pagePath: document.pagePath,
            currentDocument: index)
        title = document.title
        sourcePath = document.path
        progress = ProgressView(document.progress)
        let headings = document.allSections.filter {
            $0.kind == .heading && $0.level >= 2 && $0.level <= 4
        }
        let shallowest = headings.map(\.level).min() ?? 2
        tableOfContents = headings.map { section in
            ContentsEntry(
                title: section.title, href: "#" + section.anchor,
                level: section.level - shallowest + 1,
                progress: ProgressView(section.progress))
        }
        hasTableOfContents = !tableOfContents.isEmpty
        self.body = body
        let root = page.root
        func neighbour(_ offset: Int) -> Neighbour? {
            guard handbook.documents.indices.contains(index + offset) else { return nil }
            let other = handbook.documents[index + offset]
            return Neighbour(title: other.title, href: root + other.pagePath)
        }
        previous = neighbour(-1)
        next = neighbour(1)
    }
}
