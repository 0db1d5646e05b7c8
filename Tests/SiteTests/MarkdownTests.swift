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
        "[x](JaVaScRiPt:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "<javascript:alert(1)>",
        "<data:text/html,<script>alert(1)</script>>",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
        "[png link](data:image/png;base64,iVBORw0KGgo=)",
        "![img](javascript:alert(1))",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://example.org\"></iframe>",
        "<style>body{display:none}</style>",
        "<details open ontoggle=alert(1)>",
        "[x](\"onmouseover=alert(1))",
        "`<script>` in code is text",
    ])
    func participantTextCannotCarryScript(text: String) {
        let html = Markdown.html(text).lowercased()
        // What would act: tags and handlers, and dangerous URLs in attributes (as text they are inert).
        for inert in ["<script", "onerror=", "onload=", "ontoggle=", "<iframe", "<style", "<svg", "<details",
                      "=\"javascript:", "=\"vbscript:", "href=\"data:", "=\"data:text/html", "\"onmouseover"] {
            #expect(!html.contains(inert), "\(inert) survives in \(html)")
        }
    }

    @Test func dataImagesStayForInlinePlots() {
        #expect(Markdown.html("![roc](data:image/png;base64,iVBORw0KGgo=)").contains("src=\"data:image/png;base64,iVBORw0KGgo=\""))
    }

    @Test func emptyTextGivesNothing() {
        #expect(Markdown.html("") == "")
    }
}
