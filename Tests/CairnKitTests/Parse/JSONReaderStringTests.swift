import Foundation
import Testing

@testable import CairnKit

/// Strings are read in one piece when they have no escape and copied byte by byte from their
/// first escape on: both must give what RFC 8259 says, and errors at the right column.
struct JSONReaderStringTests {
    private func string(_ json: String) throws(JSONSyntaxError) -> String? {
        try JSONReader().read(Array(json.utf8)).string
    }

    private func failure(_ json: String) -> JSONSyntaxError? {
        do {
            _ = try JSONReader().read(Array(json.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func `strings with and without escapes read as Foundation reads them`() throws {
        let samples = [
            #""""#, #""plain ASCII""#, #""café ✅ 🎯""#, #""a\"b""#, #""back\\slash""#,
            #""\/\b\f\n\r\t""#, #""\u00e9 and \u2705""#, #""\ud83c\udfaf""#,
            #""text then \n escape""#, #""\"leading""#, #""trailing\\""#, #""é\u0301""#,
        ]
        for sample in samples {
            let foundation =
                try JSONSerialization.jsonObject(
                    with: Data(sample.utf8), options: .fragmentsAllowed) as? String
            #expect(try string(sample) == foundation, "\(sample)")
        }
    }

    @Test func `a byte that is not UTF-8 inside a string reads as a replacement character`() throws
    {
        var bytes = Array(#""ab"#.utf8)
        bytes += [0xFF, UInt8(ascii: "\"")]
        #expect(try JSONReader().read(bytes).string == "ab\u{FFFD}")
    }

    @Test func `control characters, line breaks and a missing quote are errors where they stand`() {
        let tab = failure("{\"key\": \"a\tb\"}")
        #expect(tab?.message == "control character inside a string")
        #expect(tab?.line == 1 && tab?.column == 11)
        let escapedThenTab = failure("\"a\\nb\tc\"")
        #expect(escapedThenTab?.message == "control character inside a string")
        #expect(escapedThenTab?.column == 6)
        let lineBreak = failure("[\"open\n\"]")
        #expect(lineBreak?.message == "line break inside a string (is a closing quote missing?)")
        #expect(lineBreak?.column == 7)
        let truncated = failure("\"never closed")
        #expect(
            truncated?.message == "the JSON ends early inside a string (is the file truncated?)")
        #expect(failure(#""bad \x escape""#)?.message == "invalid escape '\\x' in a string")
    }
}
