import Testing

@testable import Plots

@Suite struct RichTextTests {
    @Test func parsesScripts() {
        #expect(RichText("ε_{B}").runs == [.normal("ε"), .subscripted("B")])
        #expect(RichText("10^{-3}").runs == [.normal("10"), .superscripted("-3")])
        #expect(RichText("lepton_pT").runs == [.normal("lepton_pT")])
        #expect(RichText("a_{b").runs == [.normal("a_{b")])
    }

    @Test func scriptsAreEscapedAndBaselineRestored() {
        let markup = SVGNode.label(RichText("x^{<1>} y"), x: 0, y: 0).markup
        #expect(markup == #"<text x="0" y="0">x<tspan dy="-0.45em" font-size="92%">&lt;1&gt;</tspan><tspan dy="0.45em"> y</tspan></text>"#)
    }
}
