/// Markup already made, as bytes: a template writes it as it is (`{{{body}}}`), with no trip
/// through `String` and its UTF-8 check; escaped (`{{body}}`), it is shown as text.
struct RenderedHTML: Sendable {
    let bytes: [UInt8]
}
