/// `cairn check --gate NAME`: what must hold before a step, and what of it does not.
public struct GateCheck: Sendable {
    /// A step that can be gated on, as `--list-gates` shows it.
    public struct Gate: Sendable, Equatable {
        public enum Kind: String, Sendable {
            case configured
            case phase
            case checklist
        }

        public var name: String
        public var kind: Kind
        /// The names of what must be complete first.
        public var requirements: [String]
        public var progress: Progress
    }

    public let handbook: Handbook
    private let context: CheckContext

    public init(handbook: Handbook, now: Timestamp) {
        self.handbook = handbook
        context = CheckContext(handbook: handbook, now: now)
    }

    /// Gates from `handbook.yml`, then every phase, then every prerequisite checklist.
    public var gates: [Gate] {
        var gates = handbook.config.gates.map { gate in
            Gate(
                name: gate.name, kind: .configured, requirements: gate.requirements,
                progress: progress(of: gate.requirements))
        }
        // A phase number is listed once, as `check` reads it: with what must come before that
        // phase in every document that has one.
        let phasesByNumber = Dictionary(grouping: handbook.phases, by: \.number)
        var listedNumbers: Set<Int> = []
        for phase in handbook.phases where listedNumbers.insert(phase.number).inserted {
            let requirements = requirements(of: phasesByNumber[phase.number] ?? [phase])
            gates.append(
                Gate(
                    name: "Phase \(phase.number)", kind: .phase,
                    requirements: requirements.map(\.name),
                    progress: requirements.progressSum { $0.tasks.progressSum(\.progress) }))
        }
        // A name is listed once, as `check` reads it: configured gates and phases first, and
        // a checklist with every section its name answers to (`Pre-Migration` is also
        // `4.1: Pre-Migration`).
        var listed = Set(handbook.config.gates.map { StepName.normalized($0.name) })
        for phase in handbook.phases {
            listed.formUnion([
                "phase \(phase.number)", "\(phase.number)", StepName.normalized(phase.title),
            ])
        }
        let checklists = handbook.prerequisiteChecklists.compactMap { checklist in
            let key = StepName.normalized(checklist.title)
            return listed.insert(key).inserted ? (checklist, key) : nil
        }
        let sectionsByName = context.sections(namedEach: checklists.map(\.0.title))
        for (checklist, key) in checklists {
            let sections = sectionsByName[key] ?? []
            let requirements =
                sections.count < 2
                ? ["its own tasks"]
                : sections.map { "\($0.title) (\($0.location.path):\($0.location.line))" }
            gates.append(
                Gate(
                    name: checklist.title, kind: .checklist, requirements: requirements,
                    progress: sections.progressSum(\.progress)))
        }
        return gates
    }

    /// The open prerequisites of `name`, one finding per unticked task; nil when no gate,
    /// phase or checklist has that name.
    public func check(_ name: String) -> [Diagnostic]? {
        let requirements: [(name: String, tasks: [PlanTask])]
        let key = StepName.normalized(name)
        if let gate = handbook.config.gates.first(where: { StepName.normalized($0.name) == key }) {
            requirements = gate.requirements.map { requirement in
                (requirement, context.sections(named: requirement).flatMap { $0.allTasks })
            }
        } else {
            // Every phase the name stands for, in whichever document.
            let phases = handbook.phases.filter {
                ["phase \($0.number)", "\($0.number)", StepName.normalized($0.title)].contains(key)
            }
            if !phases.isEmpty {
                requirements = self.requirements(of: phases)
            } else {
                let sections = context.sections(named: name)
                guard !sections.isEmpty else { return nil }
                requirements = [(name, sections.flatMap { $0.allTasks })]
            }
        }
        return requirements.flatMap { requirement in
            requirement.tasks.filter(\.isOpen).map { task in
                Diagnostic(
                    .gateUnticked, .error, at: task.location,
                    "\(requirement.name): '\(task.text)' is not ticked (required before \(name))",
                    hint: "tick it when it is done")
            }
        }.sorted()
    }

    /// What must be complete before each of `phases`, the phases one name stands for; when
    /// they are in several documents, each requirement says which document's phase it is for.
    private func requirements(of phases: [Phase]) -> [(name: String, tasks: [PlanTask])] {
        let documents = Set(phases.map(\.documentPath))
        return phases.flatMap { phase in
            phaseRequirements(phase).map { requirement in
                documents.count > 1
                    ? ("\(requirement.name) (\(phase.documentPath))", requirement.tasks)
                    : requirement
            }
        }
    }

    /// What must be complete before a phase: what its `**Requires:**` line names, or the
    /// previous phase's deliverables.
    private func phaseRequirements(_ phase: Phase) -> [(name: String, tasks: [PlanTask])] {
        if !phase.requires.isEmpty {
            return phase.requires.map { name in
                (name, context.sections(named: name).flatMap { $0.allTasks })
            }
        }
        // The phases of the phase's own document: looking through every phase of the handbook
        // for each one made `--list-gates` quadratic (40 s for 10,000 plans).
        guard let document = handbook.document(at: phase.documentPath) else { return [] }
        let phases = document.phases
        guard let index = phases.firstIndex(where: { $0.anchor == phase.anchor }), index > 0,
            let previous = document.allSections.first(where: {
                $0.anchor == phases[index - 1].anchor
            })
        else { return [] }
        let title = phases[index - 1].numberedTitle
        if let deliverables = previous.children.first(where: {
            StepName.normalized($0.title) == "deliverables"
        }) {
            return [("\(title) deliverables", deliverables.allTasks)]
        }
        return [(title, previous.allTasks)]
    }

    private func progress(of requirements: [String]) -> Progress {
        requirements.flatMap { context.sections(named: $0) }.progressSum(\.progress)
    }
}
