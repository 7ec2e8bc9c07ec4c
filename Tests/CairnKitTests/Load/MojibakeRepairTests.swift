import CairnKit
import Testing

struct MojibakeRepairTests {
    @Test func `UTF-8 read as Windows-1252 is repaired`() {
        let repaired = MojibakeRepair.repair(
            "## ðŸŽ¯ Overview\n- âœ… Done\nA â†“ B\n", path: "p.md")
        #expect(repaired.text == "## 🎯 Overview\n- ✅ Done\nA ↓ B\n")
    }

    @Test func `each repaired line is reported as a note with its line and column`() {
        let repaired = MojibakeRepair.repair("ok\n## ðŸŽ¯ Overview\n", path: "p.md")
        #expect(
            repaired.diagnostics.map(\.formatted) == [
                "p.md:2:4: note: repaired mis-encoded text: 'ðŸŽ¯' → '🎯' [encoding.repaired]"
            ])
    }

    @Test func `a sequence that lost a byte is reported and left out, not guessed`() {
        let repaired = MojibakeRepair.repair("## ðŸ“ Deployment Checklist\n", path: "p.md")
        #expect(repaired.text == "##  Deployment Checklist\n")
        #expect(repaired.diagnostics.map(\.id) == [.mojibakeLostBytes])
        #expect(repaired.diagnostics.first?.location == .init(path: "p.md", line: 1, column: 4))
        #expect(repaired.diagnostics.first?.severity == .warning)
    }

    @Test func `correct accented text is left alone`() {
        let text = "Café résumé — naïve ðæ Ísland, 10 °C, café—bar\n"
        let repaired = MojibakeRepair.repair(text, path: "p.md")
        #expect(repaired.text == text)
        #expect(repaired.diagnostics.isEmpty)
    }
}

struct SourceTextDecoderTests {
    @Test func `invalid UTF-8 is an error at its line and column`() {
        let bytes = Array("line one\nab".utf8) + [0xFF] + Array("\n".utf8)
        let decoded = SourceTextDecoder.decode(bytes, path: "plans/bad.md")
        #expect(decoded.text == nil)
        #expect(
            decoded.diagnostics.map(\.formatted) == [
                "plans/bad.md:2:3: error: invalid UTF-8 (byte 0xFF); save the file as UTF-8 [encoding.invalid-utf8]"
            ])
    }

    @Test func `a NUL byte is an error`() {
        let decoded = SourceTextDecoder.decode(Array("a\u{0}b".utf8), path: "x.md")
        #expect(decoded.text == nil)
        #expect(decoded.diagnostics.first?.id == .nulByte)
        #expect(decoded.diagnostics.first?.location.column == 2)
    }

    @Test func `a byte-order mark is dropped`() {
        let decoded = SourceTextDecoder.decode(
            [0xEF, 0xBB, 0xBF] + Array("# T".utf8), path: "x.md")
        #expect(decoded.text == "# T")
    }
}
