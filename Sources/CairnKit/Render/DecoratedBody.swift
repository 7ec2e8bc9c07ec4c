/// A document's body as a page shows it, kept as what it is decorated from until the page is
/// rendered: a page reused from the previous build is fingerprinted from these parts and
/// never decorated.
struct DecoratedBody {
    /// The parser's HTML, still carrying `data-sourcepos` attributes.
    let html: String
    /// Each decoration and where it goes, in source order.
    let decorations: [PlacedDecoration]
    /// Put before every id and same-page link, when several documents share a page.
    let idPrefix: String
    /// Put before every relative link, for a page that is not in the document's folder.
    let linkFolder: String

    struct PlacedDecoration {
        let line: Int
        let column: Int
        let decoration: BodyDecorator.Decoration
    }

    init(
        html: String, decorations: [BodyDecorator.SourcePosition: BodyDecorator.Decoration],
        idPrefix: String, linkFolder: String
    ) {
        self.html = html
        self.decorations = decorations.sorted {
            ($0.key.line, $0.key.column) < ($1.key.line, $1.key.column)
        }.map { PlacedDecoration(line: $0.key.line, column: $0.key.column, decoration: $0.value) }
        self.idPrefix = idPrefix
        self.linkFolder = linkFolder
    }

    /// The body with anchors, progress, evidence and drawn workflows.
    func rendered() -> RenderedHTML {
        // `decorations` is in source order with one decoration per place, as the decorator
        // looks them up.
        var decorator = BodyDecorator(
            positions: decorations.map {
                BodyDecorator.SourcePosition(line: $0.line, column: $0.column)
            },
            decorations: decorations.map(\.decoration))
        decorator.idPrefix = idPrefix
        decorator.linkFolder = linkFolder
        return RenderedHTML(bytes: decorator.decoratedBytes(html))
    }
}

extension DecoratedBody: FingerprintedView {
    static let fingerprintName = String(reflecting: DecoratedBody.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("html", html)
        fields.add("decorations", decorations)
        fields.add("idPrefix", idPrefix)
        fields.add("linkFolder", linkFolder)
    }
}

extension DecoratedBody.PlacedDecoration: FingerprintedView {
    static let fingerprintName = String(reflecting: DecoratedBody.PlacedDecoration.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("line", line)
        fields.add("column", column)
        fields.add("decoration", decoration)
    }
}

extension BodyDecorator.Decoration: FingerprintedView {
    static let fingerprintName = String(reflecting: BodyDecorator.Decoration.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("tag", tag)
        fields.add("id", id)
        fields.add("className", className)
        fields.add("trailingHTML", trailingHTML)
        fields.add("precedingHTML", precedingHTML)
    }
}
