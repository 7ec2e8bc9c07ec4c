/// Builds a `Document` from one parsed markdown file: sections from headings and bold-only
/// paragraphs, tasks with stable ids, then phases, checklists, procedures, targets,
/// workflows and links.
struct DocumentBuilder {
    let path: String
    private var anchors = AnchorRegistry()
    private var taskIDs = AnchorRegistry()
    private var openSections: [Section] = []
    /// For each open section that is a `Phase N:` heading, what its heading reads and where
    /// its phase goes in `phases`: read once, when the section opens; the phase is made when
    /// it closes, complete.
    private var openPhases: [(heading: PhaseHeading, slot: Int)?] = []
    /// Whether each open section's title names rollback triggers, or success metrics or
    /// criteria: read once, when the section opens, rather than for every list inside it.
    private var openSectionRoles: [(namesTriggers: Bool, namesTargets: Bool)] = []
    /// The document's phases in the order their headings open.
    private var phases: [Phase?] = []
    /// The last scope worked out from a section's title, and that section's anchor: every
    /// list under one section has the same scope.
    private var lastTaskScope: (anchor: String, scope: String)?
    private var sections: [Section] = []
    private var leadingTasks: [PlanTask] = []
    private var procedures: [Procedure] = []
    private var targets: [Target] = []
    private var workflows: [Workflow] = []
    private var duplicateTaskIDs: [DuplicateTaskID] = []
    private var triggerConditions: [TriggerCondition] = []

    static let procedureWords = ["rollback", "runbook", "steps", "procedure", "playbook"]
    static let targetSectionWords = ["success metrics", "success criteria"]
    static let triggerSectionWords = ["rollback trigger"]

    init(path: String) {
        self.path = path
    }

    mutating func build(frontMatter: FrontMatter, parsed: ParsedMarkdown) -> Document {
        for block in parsed.root.children { add(block) }
        closeSections { _ in true }
        let title =
            frontMatter.values["title"]
            ?? sections.first(where: { $0.level == 1 && $0.kind == .heading })?.title
            ?? fileStem
        return Document(
            path: path, title: title, frontMatter: frontMatter.values,
            progress: leadingTasks.progressSum(\.progress) + sections.progressSum(\.progress),
            sections: sections,
            leadingTasks: leadingTasks, phases: phases.compactMap { $0 },
            checklists: checklists(in: sections, parent: nil), procedures: procedures,
            targets: targets,
            workflows: workflows, links: links(in: parsed.root), duplicateTaskIDs: duplicateTaskIDs,
            triggerConditions: triggerConditions,
            bodyHTML: parsed.html)
    }

    private var fileStem: String {
        let name = path.split(onASCII: "/").last.map(String.init) ?? path
        return name.split(onASCII: ".").first.map(String.init) ?? name
    }

    private func location(_ block: MarkdownBlock) -> Diagnostic.Location {
        .init(path: path, line: block.line, column: block.column)
    }

    // MARK: Sections

    private mutating func add(_ block: MarkdownBlock) {
        switch block.kind {
        case .heading(let level):
            closeSections { $0.level >= level }
            openSection(.heading, title: block.text, level: level, at: block)
        case .paragraph where block.isBoldOnly && !block.text.isEmpty:
            closeSections { $0.kind == .boldParagraph }
            openSection(
                .boldParagraph, title: block.text, level: (openSections.last?.level ?? 0) + 1,
                at: block)
        case .paragraph:
            for field in block.fields {
                let key = field.key.lowercased()
                modifyCurrentSection { section in
                    section.fields[key] = field.value
                    guard key == "requires" else { return }
                    section.requires += field.value.split(onASCII: ",")
                        .map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
                }
            }
            if block.fields.isEmpty, !block.text.isEmpty {
                modifyCurrentSection { section in
                    if section.summary == nil { section.summary = block.text }
                }
            }
            markOtherContent()
        case .list(let isOrdered):
            addList(block, isOrdered: isOrdered)
        case .codeBlock(let info, let literal):
            let title = openSections.last?.title ?? ""
            if let workflow = Workflow(
                codeBlock: literal, info: info, title: title, documentPath: path,
                location: location(block))
            {
                workflows.append(workflow)
            }
            markOtherContent()
        case .blockQuote:
            for child in block.children { add(child) }
        case .thematicBreak:
            break
        default:
            markOtherContent()
        }
    }

    private mutating func markOtherContent() {
        modifyCurrentSection { $0.hasOtherContent = true }
    }

    private mutating func modifyCurrentSection(_ change: (inout Section) -> Void) {
        guard !openSections.isEmpty else { return }
        change(&openSections[openSections.count - 1])
    }

    private mutating func openSection(
        _ kind: Section.Kind, title: String, level: Int, at block: MarkdownBlock
    ) {
        let anchor = anchors.unique(Slug.github(title))
        let phaseHeading = kind == .heading ? PhaseHeading(title) : nil
        if let phaseHeading {
            openPhases.append((phaseHeading, phases.count))
            phases.append(nil)
        } else {
            openPhases.append(nil)
        }
        openSectionRoles.append(
            (
                Self.triggerSectionWords.contains(where: title.containsIgnoringASCIICase),
                Self.targetSectionWords.contains(where: title.containsIgnoringASCIICase)
            ))
        openSections.append(
            Section(
                kind: kind, title: title, anchor: anchor, level: level, location: location(block),
                tasks: [],
                children: [], requires: [], fields: [:], hasOtherContent: false))
    }

    private mutating func closeSections(while shouldClose: (Section) -> Bool) {
        while var last = openSections.last, shouldClose(last) {
            openSections.removeLast()
            let openPhase = openPhases.removeLast()
            openSectionRoles.removeLast()
            last.progress =
                last.tasks.progressSum(\.progress) + last.children.progressSum(\.progress)
            if let openPhase {
                phases[openPhase.slot] = phase(of: last, heading: openPhase.heading)
            }
            if openSections.isEmpty {
                sections.append(last)
            } else {
                openSections[openSections.count - 1].children.append(last)
            }
        }
    }

    // MARK: Lists: tasks, procedures, targets

    private mutating func addList(_ list: MarkdownBlock, isOrdered: Bool) {
        let tasks = collectTasks(in: list)
        if openSections.isEmpty {
            leadingTasks += tasks
        } else {
            openSections[openSections.count - 1].tasks += tasks
        }
        let hasPlainItems = list.children.contains {
            if case .item(nil) = $0.kind { true } else { false }
        }
        guard hasPlainItems else { return }
        markOtherContent()
        if isOrdered, let title = openSections.last?.title,
            Self.procedureWords.contains(where: title.containsIgnoringASCIICase)
        {
            procedures.append(procedure(from: list, title: title))
        }
        let isTrigger = openSectionRoles.contains(where: \.namesTriggers)
        let isTarget = openSectionRoles.contains(where: \.namesTargets)
        if isTrigger {
            let parent = openSections.dropLast().last?.anchor
            triggerConditions += list.children.map { item in
                TriggerCondition(text: item.text, parentAnchor: parent, location: location(item))
            }
        }
        guard isTrigger || isTarget else { return }
        for item in list.children {
            if let target = Target(
                parsing: item.text, isRollbackTrigger: isTrigger, documentPath: path,
                location: location(item))
            {
                targets.append(target)
            }
        }
    }

    private func procedure(from list: MarkdownBlock, title: String) -> Procedure {
        let steps = list.children.map { item in
            let substeps = item.children.flatMap { child -> [String] in
                guard case .list = child.kind else { return [] }
                return child.children.map(\.text)
            }
            return ProcedureStep(text: item.text, substeps: substeps, location: location(item))
        }
        let parent = openSections.dropLast().last
        return Procedure(
            title: title, documentPath: path, anchor: openSections.last?.anchor ?? "",
            location: location(list), steps: steps, parentTitle: parent?.title,
            parentAnchor: parent?.anchor)
    }

    /// Tasks of a list; tasks nested under a plain item are lifted to this level.
    private mutating func collectTasks(in list: MarkdownBlock) -> [PlanTask] {
        collectTasks(in: list, scope: taskScope())
    }

    /// - Parameter scope: what each task's id starts with, the same for the whole list.
    private mutating func collectTasks(in list: MarkdownBlock, scope: String?) -> [PlanTask] {
        var tasks: [PlanTask] = []
        for item in list.children {
            let nested = item.children.lazy.filter {
                if case .list = $0.kind { true } else { false }
            }
            guard case .item(let checked?) = item.kind else {
                for child in nested { tasks += collectTasks(in: child, scope: scope) }
                continue
            }
            let explicitID = item.comments.lazy.compactMap(Self.explicitID).first
            let id = taskIDs.unique(
                explicitID ?? scope.map { Slug.compact(item.text, scope: $0) }
                    ?? Slug.compact(item.text))
            if let explicitID, id != explicitID {
                duplicateTaskIDs.append(DuplicateTaskID(id: explicitID, location: location(item)))
            }
            var children: [PlanTask] = []
            for child in nested { children += collectTasks(in: child, scope: scope) }
            tasks.append(
                PlanTask(
                    id: id, text: item.text, isChecked: checked, isDescoped: item.isStruckThrough,
                    hasExplicitID: explicitID != nil, location: location(item), children: children))
        }
        return tasks
    }

    /// `phase-3` inside a phase; otherwise the slug of the outermost section below the title.
    private mutating func taskScope() -> String? {
        if let number = openPhases.lazy.compactMap({ $0?.heading.number }).first {
            return "phase-\(number)"
        }
        guard let section = openSections.first(where: { $0.level > 1 || $0.kind == .boldParagraph })
        else { return nil }
        if let last = lastTaskScope, last.anchor == section.anchor { return last.scope }
        let scope = Slug.compact(section.unnumberedTitle)
        lastTaskScope = (section.anchor, scope)
        return scope
    }

    /// `id: backup-restore` from the body of an HTML comment.
    static func explicitID(_ comment: String) -> String? {
        let trimmed = comment.trimmingWhitespace()
        guard trimmed.lowercased().hasPrefix("id:") else { return nil }
        let id = trimmed.dropFirst(3).trimmingWhitespace()
        return id.isEmpty || id.utf8.contains(UInt8(ascii: " ")) ? nil : id
    }

    // MARK: Post-passes

    /// The phase a closed `Phase N:` section declares.
    private func phase(of section: Section, heading: PhaseHeading) -> Phase {
        let statusText = section.fields["status"]
        let estimateText =
            section.fields["estimated time"] ?? section.fields["estimate"]
            ?? section.fields["duration"]
        return Phase(
            number: heading.number, title: heading.title,
            declaredStatus: statusText.flatMap(PhaseStatus.init(declared:)),
            declaredStatusText: statusText,
            estimate: estimateText.map(Estimate.init(parsing:)),
            isMarkedComplete: heading.isMarkedComplete, documentPath: path,
            anchor: section.anchor,
            location: section.location, progress: section.progress, tasks: section.allTasks,
            requires: section.requires)
    }

    private func checklists(in sections: [Section], parent: Section?) -> [Checklist] {
        var found: [Checklist] = []
        addChecklists(in: sections, parent: parent, to: &found)
        return found
    }

    /// Adds each checklist among `sections` and below them, in document order.
    private func addChecklists(
        in sections: [Section], parent: Section?, to found: inout [Checklist]
    ) {
        for section in sections {
            if section.isChecklist {
                let gates =
                    section.isPrerequisite
                    ? sections.filter { $0.anchor != section.anchor }.map(\.title) : []
                found.append(
                    Checklist(
                        title: section.title, documentPath: path, anchor: section.anchor,
                        location: section.location,
                        progress: section.progress, isPrerequisite: section.isPrerequisite,
                        parentTitle: parent?.title,
                        gates: gates))
            }
            addChecklists(in: section.children, parent: section, to: &found)
        }
    }

    /// The block's links, then those of the blocks inside it, in document order.
    private func links(in block: MarkdownBlock) -> [DocumentLink] {
        block.linksWithin.map { link in
            DocumentLink(
                destination: link.destination,
                targetDocument: PagePath.resolve(link.destination, from: path),
                fragment: link.destination.split(onASCII: "#", maxSplits: 1).dropFirst()
                    .first.map(String.init),
                isImage: link.isImage,
                location: .init(path: path, line: link.line, column: link.column))
        }
    }
}
