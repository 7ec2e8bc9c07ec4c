import Foundation

/// Hashes everything a template can see of a view: every stored value reachable from it,
/// found by reflection, so that a field added to a view model is covered without being
/// listed anywhere. Two views with the same fingerprint render to the same bytes through the
/// same templates, which is what lets a build reuse a page it made before.
///
/// An instance of a class adds its stored values like a structure, except the renderer's memo
/// of navigation items (`TemplateDecided`), which adds only its type: what it gives a page is
/// decided by the templates alone, and they are in every fingerprint.
///
/// Reflection is slow, so the views on every page (`FingerprintedView`) add their fields
/// themselves, in exactly the words reflection would add: a test holds the two equal, so a
/// field one of them forgets fails it.
struct ViewFingerprint {
    /// false: reflection only, for the test that holds the fast paths to it.
    let usesFastPaths: Bool
    /// How many objects deep the walk is. Objects may refer to each other in a ring, which a
    /// walk would never leave: past `objectDepthLimit` a fingerprint adds a value that never
    /// repeats, so that the page is made afresh rather than taken for another.
    private var objectDepth = 0
    private static let objectDepthLimit = 32

    init(usesFastPaths: Bool = true) {
        self.usesFastPaths = usesFastPaths
    }

    static func add(_ value: Any, to hasher: inout ContentHasher) {
        ViewFingerprint().add(value, to: &hasher)
    }

    func add(_ value: Any, to hasher: inout ContentHasher) {
        switch value {
        // Each kind of value has its own tag: the text "5" and the number 5 hash apart.
        case let text as String:
            hasher.add(word: Tag.text)
            hasher.add(text)
        case let number as Int:
            hasher.add(word: Tag.integer)
            hasher.add(word: UInt64(bitPattern: Int64(number)))
        case let flag as Bool:
            hasher.add(word: flag ? Tag.yes : Tag.no)
        case let view as FingerprintedView where usesFastPaths:
            hasher.add(word: Tag.structure)
            hasher.add(type(of: view).fingerprintName)
            var fields = Fields(hasher: hasher, walker: self)
            view.addFields(to: &fields)
            hasher = fields.hasher
        case let values as [String: Any]:
            addEntries(values.map { ($0.key, $0.value) }, to: &hasher)
        case let values as [Any] where usesFastPaths:
            hasher.add(word: Tag.listStart)
            hasher.add(word: UInt64(values.count))
            for element in values { add(element, to: &hasher) }
            hasher.add(word: Tag.listEnd)
        default:
            addReflecting(value, to: &hasher)
        }
    }

    enum Tag {
        static let text: UInt64 = 1
        static let integer: UInt64 = 2
        static let yes: UInt64 = 3
        static let no: UInt64 = 4
        static let none: UInt64 = 7
        static let listStart: UInt64 = 8
        static let listEnd: UInt64 = 9
        static let entries: UInt64 = 10
        static let set: UInt64 = 11
        static let reference: UInt64 = 12
        static let enumeration: UInt64 = 13
        static let structure: UInt64 = 14
        static let leaf: UInt64 = 15
    }

    private func addReflecting(_ value: Any, to hasher: inout ContentHasher) {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            // A value that is there adds what it holds, as a cast out of `Any` would find it.
            if let wrapped = mirror.children.first {
                add(wrapped.value, to: &hasher)
            } else {
                hasher.add(word: Tag.none)
            }
        case .collection, .tuple:
            hasher.add(word: Tag.listStart)
            hasher.add(word: UInt64(mirror.children.count))
            for child in mirror.children {
                if let label = child.label, mirror.displayStyle == .tuple { hasher.add(label) }
                add(child.value, to: &hasher)
            }
            hasher.add(word: Tag.listEnd)
        case .dictionary:
            // Reflection lists a dictionary in its process's own order: sorted, it is stable.
            addEntries(
                mirror.children.map { child in
                    let pair = Mirror(reflecting: child.value).children.map(\.value)
                    return (pair.first.map { String(describing: $0) } ?? "", pair.last as Any)
                }, to: &hasher)
        case .set:
            var members: [ContentHash] = mirror.children.map { child in
                var member = ContentHasher()
                add(child.value, to: &member)
                return member.finish()
            }
            members.sort { ($0.high, $0.low) < ($1.high, $1.low) }
            hasher.add(word: Tag.set)
            hasher.add(word: UInt64(members.count))
            for member in members { hasher.add(member.description) }
        case .class where value is TemplateDecided:
            hasher.add(word: Tag.reference)
            hasher.add(String(reflecting: type(of: value)))
        case .class, .foreignReference:
            hasher.add(word: Tag.reference)
            hasher.add(String(reflecting: type(of: value)))
            guard objectDepth < Self.objectDepthLimit else {
                hasher.add(UUID().uuidString)
                return
            }
            var inner = self
            inner.objectDepth += 1
            var level: Mirror? = mirror
            while let current = level {
                for child in current.children {
                    hasher.add(child.label ?? "")
                    inner.add(child.value, to: &hasher)
                }
                level = current.superclassMirror
            }
        case .enum:
            hasher.add(word: Tag.enumeration)
            hasher.add(String(reflecting: type(of: value)))
            if let payload = mirror.children.first {
                hasher.add(payload.label ?? "")
                add(payload.value, to: &hasher)
            } else {
                hasher.add(String(describing: value))
            }
        case .struct:
            hasher.add(word: Tag.structure)
            hasher.add(String(reflecting: type(of: value)))
            for child in mirror.children {
                hasher.add(child.label ?? "")
                add(child.value, to: &hasher)
            }
        case nil:
            // Numbers of other widths, characters and other leaves print what they hold.
            hasher.add(word: Tag.leaf)
            hasher.add(String(reflecting: type(of: value)))
            hasher.add(String(describing: value))
        @unknown default:
            hasher.add(word: Tag.leaf)
            hasher.add(String(reflecting: type(of: value)))
            hasher.add(String(describing: value))
        }
    }

    private func addEntries(_ entries: [(String, Any)], to hasher: inout ContentHasher) {
        hasher.add(word: Tag.entries)
        hasher.add(word: UInt64(entries.count))
        for (key, value) in entries.sorted(by: { $0.0 < $1.0 }) {
            hasher.add(key)
            add(value, to: &hasher)
        }
        hasher.add(word: Tag.listEnd)
    }

    /// A view's fields as it adds them, each a label and a value.
    struct Fields {
        fileprivate(set) var hasher: ContentHasher
        fileprivate let walker: ViewFingerprint

        mutating func add(_ label: String, _ value: String) {
            hasher.add(label)
            hasher.add(word: Tag.text)
            hasher.add(value)
        }

        mutating func add(_ label: String, _ value: Int) {
            hasher.add(label)
            hasher.add(word: Tag.integer)
            hasher.add(word: UInt64(bitPattern: Int64(value)))
        }

        mutating func add(_ label: String, _ value: Bool) {
            hasher.add(label)
            hasher.add(word: value ? Tag.yes : Tag.no)
        }

        mutating func add(_ label: String, _ value: String?) {
            hasher.add(label)
            guard let value else {
                hasher.add(word: Tag.none)
                return
            }
            hasher.add(word: Tag.text)
            hasher.add(value)
        }

        mutating func add(_ label: String, _ values: [String]) {
            hasher.add(label)
            hasher.add(word: Tag.listStart)
            hasher.add(word: UInt64(values.count))
            for value in values {
                hasher.add(word: Tag.text)
                hasher.add(value)
            }
            hasher.add(word: Tag.listEnd)
        }

        mutating func add(_ label: String, _ view: some FingerprintedView) {
            hasher.add(label)
            addView(view)
        }

        mutating func add<View: FingerprintedView>(_ label: String, _ view: View?) {
            hasher.add(label)
            guard let view else {
                hasher.add(word: Tag.none)
                return
            }
            addView(view)
        }

        mutating func add(_ label: String, _ views: [some FingerprintedView]) {
            hasher.add(label)
            hasher.add(word: Tag.listStart)
            hasher.add(word: UInt64(views.count))
            for view in views { addView(view) }
            hasher.add(word: Tag.listEnd)
        }

        /// A view in place, without a cast through `Any`: what `ViewFingerprint.add` adds.
        private mutating func addView(_ view: some FingerprintedView) {
            hasher.add(word: Tag.structure)
            hasher.add(type(of: view).fingerprintName)
            view.addFields(to: &self)
        }

        /// Any other value, as reflection would add it.
        mutating func add(_ label: String, _ value: Any) {
            hasher.add(label)
            walker.add(value, to: &hasher)
        }

        /// An optional reference to a class decided by the templates alone: its presence and
        /// type, as reflection adds them.
        mutating func add(_ label: String, reference value: (any TemplateDecided)?) {
            hasher.add(label)
            guard let value else {
                hasher.add(word: Tag.none)
                return
            }
            hasher.add(word: Tag.reference)
            hasher.add(String(reflecting: type(of: value)))
        }
    }
}

/// A class whose part in a page the templates decide alone, such as a memo of what they
/// rendered: a fingerprint adds only its type.
protocol TemplateDecided: AnyObject {}

extension NavigationItemRenderer: TemplateDecided {}

/// A view model that adds its own fields to a fingerprint, label and value in the order they
/// are declared, so that the fingerprint is the one reflection would make.
protocol FingerprintedView {
    /// `String(reflecting: Self.self)`, worked out once.
    static var fingerprintName: String { get }
    func addFields(to fields: inout ViewFingerprint.Fields)
}

extension PageContext: FingerprintedView {
    static let fingerprintName = String(reflecting: PageContext.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("siteTitle", siteTitle)
        fields.add("pageTitle", pageTitle)
        fields.add("root", root)
        fields.add("navigation", navigation)
        fields.add("dashboardHref", dashboardHref)
        fields.add("isDashboard", isDashboard)
        fields.add("itemRenderer", reference: itemRenderer)
        fields.add("hiddenDocumentCount", hiddenDocumentCount)
        fields.add("isNavigationShortened", isNavigationShortened)
    }
}

extension PageContext.NavigationItem: FingerprintedView {
    static let fingerprintName = String(reflecting: PageContext.NavigationItem.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("title", title)
        fields.add("href", href)
        fields.add("progress", progress)
        fields.add("isCurrent", isCurrent)
        fields.add("renderer", reference: renderer)
    }
}

extension ProgressView: FingerprintedView {
    static let fingerprintName = String(reflecting: ProgressView.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("done", done)
        fields.add("total", total)
        fields.add("percent", percent)
        fields.add("hasTasks", hasTasks)
        fields.add("isComplete", isComplete)
        // `figures` and `summary` are made from the fields above.
    }
}

extension DocumentPageView: FingerprintedView {
    static let fingerprintName = String(reflecting: DocumentPageView.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("page", page)
        fields.add("title", title)
        fields.add("sourcePath", sourcePath)
        fields.add("progress", progress)
        fields.add("tableOfContents", tableOfContents)
        fields.add("hasTableOfContents", hasTableOfContents)
        fields.add("body", body)
        fields.add("previous", previous)
        fields.add("next", next)
    }
}

extension DocumentPageView.ContentsEntry: FingerprintedView {
    static let fingerprintName = String(reflecting: DocumentPageView.ContentsEntry.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("title", title)
        fields.add("href", href)
        fields.add("level", level)
        fields.add("progress", progress)
    }
}

extension DocumentPageView.Neighbour: FingerprintedView {
    static let fingerprintName = String(reflecting: DocumentPageView.Neighbour.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("title", title)
        fields.add("href", href)
    }
}

extension RunbookPageView: FingerprintedView {
    static let fingerprintName = String(reflecting: RunbookPageView.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("page", page)
        fields.add("slug", slug)
        fields.add("title", title)
        fields.add("version", version)
        fields.add("triggers", triggers)
        fields.add("stepCount", stepCount)
        fields.add("documentTitle", documentTitle)
        fields.add("sourceHref", sourceHref)
        fields.add("groups", groups)
    }
}

extension RunbookPageView.StepGroup: FingerprintedView {
    static let fingerprintName = String(reflecting: RunbookPageView.StepGroup.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("start", start)
        fields.add("steps", steps)
        fields.add("title", title)
    }
}

extension RunbookPageView.Step: FingerprintedView {
    static let fingerprintName = String(reflecting: RunbookPageView.Step.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("id", id)
        fields.add("number", number)
        fields.add("text", text)
        fields.add("substeps", substeps)
    }
}

// The rows of the site-wide pages, of which a large handbook has tens of thousands.

extension DashboardView.PhaseRow: FingerprintedView {
    static let fingerprintName = String(reflecting: DashboardView.PhaseRow.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("number", number)
        fields.add("title", title)
        fields.add("href", href)
        fields.add("progress", progress)
        fields.add("statusLabel", statusLabel)
        fields.add("statusClass", statusClass)
        fields.add("estimate", estimate)
        fields.add("isCurrent", isCurrent)
        fields.add("isMarkedComplete", isMarkedComplete)
    }
}

extension DashboardView.TaskLink: FingerprintedView {
    static let fingerprintName = String(reflecting: DashboardView.TaskLink.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("text", text)
        fields.add("href", href)
        fields.add("context", context)
    }
}

extension DashboardView.ChecklistRow: FingerprintedView {
    static let fingerprintName = String(reflecting: DashboardView.ChecklistRow.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("title", title)
        fields.add("href", href)
        fields.add("context", context)
        fields.add("progress", progress)
    }
}

extension DashboardView.DocumentRow: FingerprintedView {
    static let fingerprintName = String(reflecting: DashboardView.DocumentRow.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("title", title)
        fields.add("href", href)
        fields.add("path", path)
        fields.add("progress", progress)
    }
}

extension ChecksPageView.Group: FingerprintedView {
    static let fingerprintName = String(reflecting: ChecksPageView.Group.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("heading", heading)
        fields.add("severityClass", severityClass)
        fields.add("findings", findings)
    }
}

extension ChecksPageView.Row: FingerprintedView {
    static let fingerprintName = String(reflecting: ChecksPageView.Row.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("message", message)
        fields.add("hint", hint)
        fields.add("rule", rule)
        fields.add("location", location)
        fields.add("href", href)
    }
}

// The rows of the start, search and dashboard pages' lists, tens of thousands in a large
// handbook.

extension LinkRow: FingerprintedView {
    static let fingerprintName = String(reflecting: LinkRow.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("title", title)
        fields.add("href", href)
    }
}

extension StartPageView.DocumentRow: FingerprintedView {
    static let fingerprintName = String(reflecting: StartPageView.DocumentRow.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("number", number)
        fields.add("title", title)
        fields.add("href", href)
        fields.add("tasks", tasks)
        fields.add("summary", summary)
    }
}

extension StartPageView.PhaseRow: FingerprintedView {
    static let fingerprintName = String(reflecting: StartPageView.PhaseRow.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("number", number)
        fields.add("title", title)
        fields.add("href", href)
        fields.add("status", status)
        fields.add("goal", goal)
        fields.add("estimate", estimate)
    }
}

extension RunbookRow: FingerprintedView {
    static let fingerprintName = String(reflecting: RunbookRow.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("title", title)
        fields.add("href", href)
        fields.add("steps", steps)
        fields.add("isIncident", isIncident)
    }
}

extension SearchPageView.DocumentEntry: FingerprintedView {
    static let fingerprintName = String(reflecting: SearchPageView.DocumentEntry.self)

    func addFields(to fields: inout ViewFingerprint.Fields) {
        fields.add("title", title)
        fields.add("href", href)
        fields.add("headings", headings)
    }
}
