import Testing

@testable import CairnKit

/// Findings' text is written as bytes by `FindingText`: it must read exactly as `String`'s own
/// interpolation of the same pieces reads.
struct FindingTextTests {
    @Test func `a finding's text reads as the same interpolation into a string`() {
        let name = "café ✅ 🎯 'quoted'"
        let count = -42
        let ratio = 99.95
        let part: Substring = "sub"[...]
        let missing: String? = nil
        let text: FindingText =
            "\(name) has \(count) of \(Int.max) at \(ratio) (\(part)), \(String(describing: missing)), \(1e300)"
        #expect(
            text.string
                == "\(name) has \(count) of \(Int.max) at \(ratio) (\(part)), \(String(describing: missing)), \(1e300)"
        )
        let literal: FindingText = "plain words, no pieces"
        #expect(literal.string == "plain words, no pieces")
    }
}
