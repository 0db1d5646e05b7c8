import Testing

@testable import Plots

@Suite struct XMLEscapingTests {
    @Test func textEscapesMarkup() {
        #expect(XMLEscaping.text("<script>alert(1)</script> & co") == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co")
    }

    @Test func attributesEscapeQuotes() {
        #expect(XMLEscaping.attribute(#"a"b'c<d"#) == "a&quot;b&#39;c&lt;d")
    }

    @Test func forbiddenControlCharactersAreReplaced() {
        #expect(XMLEscaping.text("a\u{0}b\u{1B}c\td") == "a\u{FFFD}b\u{FFFD}c\td")
    }

    @Test func plainTextIsUnchanged() {
        #expect(XMLEscaping.text("ε_B = 0.1 — ok") == "ε_B = 0.1 — ok")
    }

    @Test func nodesEscapeTextAndAttributesButNotTheOptOut() {
        let node = SVGNode.element("text", [SVGAttribute("data-x", "\"><script>")], [.text("<b>")])
        #expect(node.markup == #"<text data-x="&quot;&gt;&lt;script&gt;">&lt;b&gt;</text>"#)
        #expect(SVGNode.unescapedMarkup("<g/>").markup == "<g/>")
    }

    @Test func hostileTitleAndLegendAreEscapedInACHart() {
        let hostile = #"<script>alert("x")</script>"#
        let chart = ROCChart.make(
            curves: [
                ROCSeries(
                    name: hostile + "\" onload=\"x", backgroundEfficiency: [0, 1],
                    signalEfficiency: [0, 1], auc: 0.5)
            ], title: hostile)
        let svg = chart.svg()
        #expect(!svg.contains("<script"))
        #expect(svg.contains("<title>&lt;script&gt;alert(\"x\")&lt;/script&gt;</title>"))
        // The quote is harmless in text; what matters is that no element gained an attribute.
        #expect(!svg.contains("onload=\"x\""))
    }
}

@Suite struct LegendTextTests {
    @Test func participantNamesAreNotMarkup() {
        let svg = ROCChart.make(curves: [ROCSeries(name: "team_{x}", backgroundEfficiency: [0, 1], signalEfficiency: [0, 1])]).svg()
        #expect(svg.contains(">team_{x}</text>"))
    }
}
