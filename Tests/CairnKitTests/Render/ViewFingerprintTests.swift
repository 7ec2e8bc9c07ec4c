import Foundation
import Testing

@testable import CairnKit

/// A page is reused only when its fingerprint is unchanged, so the fingerprint must cover
/// everything its view holds. The views on every page add their own fields for speed; these
/// tests hold that shortcut to what reflection finds, field by field.
struct ViewFingerprintTests {
    func fingerprint(_ value: Any, reflectionOnly: Bool = false) -> ContentHash {
        var hasher = ContentHasher()
        ViewFingerprint(usesFastPaths: !reflectionOnly).add(value, to: &hasher)
        return hasher.finish()
    }

    func exampleViews() throws -> [(name: String, view: Any)] {
        let handbook = try ExampleContent.handbook().handbook
        var views: [(name: String, view: Any)] = []
        let evidence = EvidenceBadges(history: handbook.status)
        for (index, document) in handbook.documents.enumerated() {
            let body = SiteRenderer.decoratedBody(of: document, evidence: evidence, root: "../")
            #expect(!body.decorations.isEmpty)
            let view = DocumentPageView(document: document, at: index, in: handbook, body: body)
            views.append(
                (
                    document.path + " print body",
                    SiteRenderer.decoratedBody(
                        of: document, evidence: evidence, root: "", idPrefix: "d\(index + 1)-")
                ))
            views.append((document.path, view))
            views.append((document.path + " navigation", view.page))
            views.append((document.path + " contents", view.tableOfContents))
        }
        for runbook in handbook.runbooks {
            views.append((runbook.slug, RunbookPageView(runbook: runbook, handbook: handbook)))
        }
        let findings = Checker().check(handbook, now: ExampleContent.fixedNow)
        #expect(findings.count > 5)
        views.append(
            (
                "dashboard",
                DashboardView(handbook: handbook, now: ExampleContent.fixedNow, findings: findings)
            ))
        views.append(
            (
                "checks",
                ChecksPageView(
                    handbook: handbook, findings: findings,
                    locator: FindingLocator(handbook: handbook))
            ))
        views.append(("start", StartPageView(handbook: handbook)))
        views.append(("search", SearchPageView(handbook: handbook)))
        return views
    }

    @Test func `the views' own fingerprints are the ones reflection makes`() throws {
        let views = try exampleViews()
        #expect(views.count > 10)
        for (name, view) in views {
            #expect(
                fingerprint(view) == fingerprint(view, reflectionOnly: true),
                "\(name): the fast fingerprint misses or reorders a field")
        }
    }

    @Test func `a change to any field or to the navigation changes the fingerprint`() throws {
        let handbook = try ExampleContent.handbook().handbook
        let document = handbook.documents[0]
        func body(_ html: String) -> DecoratedBody {
            DecoratedBody(html: html, decorations: [:], idPrefix: "", linkFolder: "")
        }
        let view = DocumentPageView(
            document: document, at: 0, in: handbook, body: body(document.bodyHTML))
        let other = DocumentPageView(
            document: document, at: 0, in: handbook, body: body(document.bodyHTML + " "))
        #expect(fingerprint(view) != fingerprint(other))
        // The same document as the second page: its navigation marks another item current.
        let moved = DocumentPageView(
            document: document, at: 1, in: handbook, body: body(document.bodyHTML))
        #expect(fingerprint(view.page) != fingerprint(moved.page))
        #expect(fingerprint(view) == fingerprint(view))
    }

    @Test func `values of different kinds or in another order fingerprint apart`() {
        #expect(fingerprint("5") != fingerprint(5))
        #expect(fingerprint(true) != fingerprint("true"))
        #expect(fingerprint(["a", "b"]) != fingerprint(["b", "a"]))
        #expect(fingerprint(["ab", "c"]) != fingerprint(["a", "bc"]))
        let entries: [String: Any] = ["x": 1, "y": "two"]
        let same: [String: Any] = ["y": "two", "x": 1]
        #expect(fingerprint(entries) == fingerprint(same))
        #expect(fingerprint(entries) != fingerprint(["x": 1, "y": "three"] as [String: Any]))
        let nothing: String? = nil
        #expect(fingerprint(nothing as Any) != fingerprint(""))
    }

    /// Objects that refer to each other in a ring.
    final class Link {
        var next: Link?
        let name: String
        init(_ name: String) { self.name = name }
    }

    @Test func `objects that refer to each other in a ring are fingerprinted, never alike`() {
        let first = Link("first")
        let second = Link("second")
        first.next = second
        second.next = first
        #expect(fingerprint(first) != fingerprint(first))
        let chain = Link("alone")
        #expect(fingerprint(chain) == fingerprint(chain))
        #expect(fingerprint(chain) != fingerprint(Link("other")))
        first.next = nil
    }
}
