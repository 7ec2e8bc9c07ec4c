/// A workflow arrow block drawn as boxes joined by arrows: an ordered list, so that it reads
/// in order to a screen reader too.
enum FlowDiagram {
    static func html(_ workflow: Workflow) -> String {
        let steps = workflow.steps.map { "<li><span>\(HTMLEscaping.text($0))</span></li>" }.joined()
        let title = HTMLEscaping.text(workflow.title)
        return
            "<figure class=\"flow flow-\(workflow.direction.rawValue)\"><ol aria-label=\"Workflow: \(title)\">"
            + steps + "</ol><figcaption>\(title)</figcaption></figure>\n"
    }
}
