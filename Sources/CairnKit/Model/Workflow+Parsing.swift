extension Workflow {
    static let arrows: Set<String> = ["↓", "⬇", "⇩", "→", "➡", "⇨", "->", "-->", "=>"]
    static let workflowInfoStrings: Set<String> = ["", "text", "txt", "plain", "flow", "workflow"]

    /// Reads a code block whose lines are steps joined by arrow lines (`↓`), or one line of
    /// steps joined by `→`; nil when the block is anything else.
    init?(
        codeBlock literal: String, info: String, title: String, documentPath: String,
        location: Diagnostic.Location
    ) {
        guard Self.workflowInfoStrings.contains(info.lowercased()) else { return nil }
        let lines = literal.split(onASCII: "\n").map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
        var steps: [String] = []
        var direction = Direction.vertical
        if lines.count == 1 {
            let parts = lines[0].split(separator: "→").map {
                $0.trimmingWhitespace()
            }
            steps = parts
            direction = .horizontal
        } else {
            var expectsStep = true
            for line in lines {
                let isArrow = Self.arrows.contains(line)
                guard isArrow != expectsStep else { return nil }
                if !isArrow { steps.append(line) }
                expectsStep = isArrow
            }
            guard expectsStep == false else { return nil }
        }
        guard steps.count >= 2, steps.allSatisfy({ !$0.isEmpty }) else { return nil }
        self.init(
            title: title, steps: steps, direction: direction, documentPath: documentPath,
            location: location)
    }
}
