import CairnKit
import Testing

/// Ids made from titles: ASCII titles take a byte-wise path, others the Unicode one; both must
/// give what a reader sees in the task ids and anchors.
struct SlugTests {
    @Test func `a compact id keeps letters and digits and joins the rest with one dash`() {
        #expect(
            Slug.compact("Phase 2: Staging Environment Setup")
                == "phase-2-staging-environment-setup")
        #expect(Slug.compact("  --Back__up   the DB!!  ") == "back-up-the-db")
        #expect(Slug.compact("Café — Setup ✅") == "café-setup")
        #expect(Slug.compact("ÜBER Plan") == "über-plan")
    }

    @Test func `a compact id is cut at a word boundary under its limit`() {
        #expect(Slug.compact("Create staging deployment workflow", limit: 20) == "create-staging")
        #expect(Slug.compact("Supercalifragilistic", limit: 5) == "super")
        #expect(Slug.compact("Crème brûlée recipes", limit: 10) == "crème")
    }

    @Test func `a title with no letters or digits gets the id item`() {
        #expect(Slug.compact("") == "item")
        #expect(Slug.compact("!!! --- ???") == "item")
        #expect(Slug.compact("✅ 🎯") == "item")
    }

    @Test func `a GitHub anchor is the same by the ASCII path as by the Unicode one`() {
        // Each pair: an ASCII heading, and the same with a non-ASCII letter that GitHub keeps,
        // so the second takes the Unicode path.
        let headings = [
            "Phase 2: Staging Environment Setup", "  Back_up -- the DB!! ", "C++ & C#: 100%",
            "Tabs\tand\r\nbreaks", "A/B (test) v1.2",
        ]
        for heading in headings {
            #expect(Slug.github(heading + " é") == Slug.github(heading) + "-é", "\(heading)")
        }
        #expect(
            Slug.github("Phase 2: Staging Environment Setup") == "phase-2-staging-environment-setup"
        )
        #expect(Slug.github("  Back_up -- the DB!! ") == "--back_up----the-db-")
        #expect(Slug.github("C++ & C#: 100%") == "c--c-100")
    }
}
