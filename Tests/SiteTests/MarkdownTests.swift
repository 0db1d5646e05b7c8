import Testing
@testable import Site

@Suite struct MarkdownTests {
    @Test func rendersCommonMark() {
        #expect(Markdown.html("# Title\n\nSome *text* and `code`.\n")
                == "<h1>Title</h1>\n<p>Some <em>text</em> and <code>code</code>.</p>\n")
    }

    @Test(arguments: [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "<a href=\"javascript:alert(1)\">x</a>",
    ])
    func participantTextCannotCarryScript(text: String) {
        let html = Markdown.html(text).lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror="))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("data:text/html"))
    }

    @Test func emptyTextGivesNothing() {
        #expect(Markdown.html("") == "")
    }
}
