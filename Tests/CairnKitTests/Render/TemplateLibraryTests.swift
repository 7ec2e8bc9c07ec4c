import Foundation
import Testing

@testable import CairnKit

/// Cairn's own Mustache: what a theme's templates render to, and what a template that does not
/// compile is told.
struct TemplateLibraryTests {
    private struct Item: TemplateContext {
        let name: String
        func child(named name: String) -> TemplateValue? {
            name == "name" ? .text(self.name) : nil
        }
    }

    private func render(
        _ source: String, _ value: some TemplateContext, partials: [String: String] = [:]
    ) throws -> String {
        var library = TemplateLibrary()
        for (name, partial) in partials { try library.register(partial, named: name) }
        try library.register(source, named: "page")
        return try #require(library.render(value, withTemplate: "page"))
    }

    private func syntaxError(_ source: String) -> TemplateSyntaxError? {
        var library = TemplateLibrary()
        do {
            try library.register(source, named: "page")
            return nil
        } catch {
            return error
        }
    }

    @Test func `a name is escaped for HTML unless it is written with three braces or an ampersand`()
        throws
    {
        let value: [String: Any] = ["text": "<b>&'\"", "number": 42, "flag": true]
        #expect(
            try render("{{text}}|{{{text}}}|{{& text }}|{{number}} {{flag}}|{{missing}}.", value)
                == "&lt;b&gt;&amp;&#39;&quot;|<b>&'\"|<b>&'\"|42 true|.")
    }

    @Test func `a section repeats for a list, shows for true, enters a value and skips the rest`()
        throws
    {
        let value: [String: Any] = [
            "items": [Item(name: "a"), Item(name: "b")], "yes": true, "no": false,
            "item": Item(name: "c"), "empty": [Item](), "title": "T",
        ]
        #expect(
            try render(
                "{{#items}}{{name}}{{title}};{{/items}}{{#yes}}Y{{/yes}}{{#no}}N{{/no}}"
                    + "{{#item}}{{name}}{{/item}}{{#empty}}E{{/empty}}{{#missing}}M{{/missing}}",
                value) == "aT;bT;Yc")
        #expect(
            try render(
                "{{^empty}}1{{/empty}}{{^no}}2{{/no}}{{^missing}}3{{/missing}}"
                    + "{{^items}}4{{/items}}{{^yes}}5{{/yes}}{{^title}}6{{/title}}", value)
                == "123")
    }

    @Test func `dotted names look inside values, and a broken chain renders nothing`() throws {
        let value: [String: Any] = [
            "a": ["b": ["c": "deep"]], "outer": "found", "item": Item(name: "inner"),
            "list": ["x", "y"],
        ]
        #expect(try render("{{a.b.c}}|{{a.b.missing}}|{{a.outer}}", value) == "deep||")
        #expect(try render("{{#item}}{{.name}}{{.outer}}{{outer}}{{/item}}", value) == "innerfound")
        #expect(try render("{{#list}}({{.}}){{/list}}", value) == "(x)(y)")
    }

    @Test func `a tag alone on its line takes the line with it`() throws {
        let value: [String: Any] = ["flag": true]
        #expect(
            try render("Begin\n  {{#flag}}\nLine\n  {{/flag}}  \n{{! note }}\nEnd\n", value)
                == "Begin\nLine\nEnd\n")
        #expect(try render("  {{#flag}}x{{/flag}}  \n", value) == "  x  \n")
        #expect(try render("{{#flag}}\r\nA\r\n{{/flag}}\r\nB", value) == "A\r\nB")
    }

    @Test func `a partial alone on its line is indented by that line's whitespace`() throws {
        let partials = ["rows": "<li>{{a}}</li>\n<li>{{b}}</li>\n"]
        let value: [String: Any] = ["a": "1", "b": "2"]
        #expect(
            try render("<ul>\n  {{>rows}}\n</ul>\n", value, partials: partials)
                == "<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>\n")
        #expect(
            try render("<p>{{>rows}}</p>", value, partials: partials)
                == "<p><li>1</li>\n<li>2</li>\n</p>")
    }

    @Test
    func `a template fills the blocks of the layout it inherits, the outermost override winning`()
        throws
    {
        let partials = [
            "layout":
                "<title>{{$title}}Default{{/title}}</title>\n<main>\n{{$body}}{{/body}}\n</main>\n",
            "middle":
                "{{<layout}}{{$title}}Middle{{/title}}{{$body}}middle body{{/body}}{{/layout}}",
        ]
        let value: [String: Any] = ["name": "World"]
        #expect(
            try render(
                "{{<layout}}\n{{$body}}\nHello {{name}}\n{{/body}}\n{{/layout}}\n", value,
                partials: partials)
                == "<title>Default</title>\n<main>\nHello World\n\n</main>\n")
        #expect(
            try render(
                "{{<middle}}{{$title}}Top{{/title}}{{/middle}}", value, partials: partials)
                == "<title>Top</title>\n<main>\nmiddle body\n</main>\n")
    }

    @Test func `delimiters, content type and partials named by a value`() throws {
        let value: [String: Any] = ["a": "<x>", "which": "chosen"]
        #expect(try render("{{=<% %>=}}<% a %> {{a}}", value) == "&lt;x&gt; {{a}}")
        #expect(try render("{{% CONTENT_TYPE: TEXT}}{{a}}", value) == "<x>")
        #expect(try render("[{{>*which}}]", value, partials: ["chosen": "C"]) == "[C]")
    }

    @Test func `a template that does not compile is reported where the problem is`() throws {
        let unclosed = try #require(syntaxError("line one\n{{#open}}never closed\n"))
        #expect((unclosed.line, unclosed.column) == (2, 1))
        #expect(unclosed.message == "'open' is opened here but never closed")

        let mismatched = try #require(syntaxError("{{#a}}\n  {{/b}}"))
        #expect((mismatched.line, mismatched.column) == (2, 6))
        #expect(mismatched.message.contains("'b' is closed where 'a'"))

        let transform = try #require(syntaxError("x {{uppercased(name)}}"))
        #expect((transform.line, transform.column) == (1, 5))
        #expect(transform.message.contains("transforms are not supported"))

        #expect(syntaxError("{{name") != nil)
        #expect(syntaxError("{{! never closed") != nil)
        #expect(syntaxError("{{% CONTENT_TYPE: XML}}") != nil)
        #expect(syntaxError("{{<layout}}{{name}}{{/layout}}") != nil)
    }
}
