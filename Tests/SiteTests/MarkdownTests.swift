import Testing

@testable import Site

@Suite struct MarkdownTests {
    @Test func rendersCommonMark() {
        #expect(
            Markdown.html("# Title\n\nSome *text* and `code`.\n")
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
        "[x](DATA:image/png;base64,iVBORw0KGgo=)",
        "[x](<Data:image/gif;base64,R0lGODlh>)",
        "[x](<java\tscript:alert(1)>)",
        "[x](&#x4A;avascript:alert(1))",
        "[x](<&#32;javascript:alert(1)>)",
        "[x][r]\n\n[r]: <DATA:image/webp;base64,UklGRg==>",
        // GitHub's extensions: an autolink, a table cell and a task item carry nothing that acts.
        "www.example.org/<script>alert(1)</script>",
        "javascript:alert(1)",
        "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
        "- [x] <svg onload=alert(1)>",
        "~~<iframe src=x>~~",
    ])
    func participantTextCannotCarryScript(text: String) {
        let html = Markdown.html(text).lowercased()
        // What would act: tags and handlers, and dangerous URLs in attributes (as text they are inert).
        for inert in [
            "<script", "onerror=", "onload=", "ontoggle=", "<iframe", "<style", "<svg", "<details",
            "=\"javascript:", "=\"vbscript:", "href=\"data:", "=\"data:text/html", "\"onmouseover",
        ] {
            #expect(!html.contains(inert), "\(inert) survives in \(html)")
        }
    }

    @Test(arguments: [
        "![tracker](https://evil.example/pixel.png)",
        "![tracker](HTTP://evil.example/pixel.png)",
        "![tracker](//evil.example/pixel.png)",
        "![tracker](<\\\\evil.example/pixel.png>)",
        "![tracker](pixel.png)",
        "![tracker][r]\n\n[r]: https://evil.example/pixel.png",
        "[![tracker](https://evil.example/pixel.png)](https://example.org)",
        "![tracker](data:image/svg+xml;base64,PHN2Zz4=)",
        "![tracker](DATA:image/pngx,AAAA)",
    ])
    func noImageLoadsFromAnywhere(text: String) {
        let html = Markdown.html(text)
        #expect(!html.contains("<img"), "an image survives in \(html)")
        #expect(html.contains("tracker"), "the description is kept as a link's text: \(html)")
    }

    @Test func aRemoteImageBecomesALinkToIt() {
        #expect(
            Markdown.html("![the plot](https://example.org/roc.png)")
                == "<p><a href=\"https://example.org/roc.png\">the plot</a></p>\n")
    }

    @Test func linksKeepOnlyRelativeWebAndMailURLs() {
        let html = Markdown.html(
            "[a](https://x.org) [b](HTTP://x.org) [c](mailto:t@x.org) [d](notes.html#top) "
                + "[e](ftp://x.org) [f](file:///etc/passwd) [g](tel:123)")
        for kept in ["href=\"https://x.org\"", "href=\"HTTP://x.org\"", "href=\"mailto:t@x.org\"", "href=\"notes.html#top\""] {
            #expect(html.contains(kept), "\(kept) missing from \(html)")
        }
        for dropped in ["ftp:", "file:", "tel:"] { #expect(!html.contains(dropped), "\(dropped) in \(html)") }
    }

    /// Texts on which cmark-gfm (as libcmark 0.30.2) takes time quadratic or worse in their size.
    static let pathological = [
        // 37 s at 256 KiB on this machine.
        "brackets": String(repeating: "![[]()", count: (256 << 10) / 6),
        // 87 s at 128 KiB.
        "deep quote of emphasis": String(repeating: ">", count: 64 << 10) + String(repeating: "a*", count: 32 << 10),
    ]

    /// Rendering stops at its CPU limit (1 s) and the text is shown escaped; the wall-clock
    /// bound checked is the child's, since a loaded machine stretches one CPU second.
    @Test(arguments: ["brackets", "deep quote of emphasis"])
    func pathologicalTextIsBoundedInTime(name: String) throws {
        let text = try #require(Self.pathological[name])
        let start = ContinuousClock.now
        let html = Markdown.html(text)
        let elapsed = ContinuousClock.now - start
        #expect(elapsed < .seconds(Int(BoundedMarkdown.wallSeconds)), "took \(elapsed)")
        #expect(html.hasPrefix("<p><em>This text took too long to render"))
        #expect(!html.contains("<img"))
    }

    @Test func dataImagesStayForInlinePlots() {
        #expect(Markdown.html("![roc](data:image/png;base64,iVBORw0KGgo=)").contains("src=\"data:image/png;base64,iVBORw0KGgo=\""))
    }

    @Test func emptyTextGivesNothing() {
        #expect(Markdown.html("") == "")
    }

    /// READMEs are written for GitHub: its extensions render as they do there.
    @Test func rendersGitHubsTablesStrikethroughAutolinksAndTaskLists() {
        let table = Markdown.html("| model | AUC |\n|:---|---:|\n| BDT | 0.80 |\n")
        #expect(table.contains("<table>"))
        #expect(table.contains("<th align=\"left\">model</th>"))
        #expect(table.contains("<td align=\"right\">0.80</td>"))
        // No smart punctuation: a table's rule stays a rule, and "--" stays two hyphens.
        #expect(!table.contains("\u{2013}") && !table.contains("\u{2014}"))
        #expect(Markdown.html("lr -- 0.1, \"quoted\"\n") == "<p>lr -- 0.1, &quot;quoted&quot;</p>\n")
        #expect(Markdown.html("~~old~~ new\n") == "<p><del>old</del> new</p>\n")
        #expect(Markdown.html("see www.example.org\n").contains("<a href=\"http://www.example.org\">www.example.org</a>"))
        let tasks = Markdown.html("- [x] trained\n- [ ] tuned\n")
        #expect(tasks.contains("<input type=\"checkbox\" checked=\"\" disabled=\"\" />"))
        #expect(tasks.contains("<input type=\"checkbox\" disabled=\"\" />"))
    }
}
