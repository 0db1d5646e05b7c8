import Foundation
import Testing

@testable import Plots

@Suite struct ChartPropertyTests {
    static let curves = [Fixtures.roc("Entry", k: 4, points: 500), Fixtures.roc("Baseline", k: 3, points: 500, baseline: true)]

    @Test func sameInputsGiveSameBytes() {
        let first = ROCChart.make(curves: Self.curves).svg()
        let second = ROCChart.make(curves: Self.curves).svg()
        #expect(first == second)
        let h1 = RejectionChart.make(curves: Self.curves).svg(), h2 = RejectionChart.make(curves: Self.curves).svg()
        #expect(h1 == h2)
    }

    @Test func rocOfManyPointsStaysWellUnder30KB() {
        // Five curves of 600 points each: an entry against every baseline.
        let curves = (0..<5).map { Fixtures.roc("Curve \($0)", k: 2 + Double($0) * 0.5, points: 600, baseline: $0 > 0) }
        let size = ROCChart.make(curves: curves).svg().utf8.count
        #expect(size < 30_000, "ROC chart is \(size) bytes")
        let single = ROCChart.make(curves: [Fixtures.roc("One", k: 4, points: 400)]).svg().utf8.count
        #expect(single < 10_000, "a single-curve ROC chart is \(single) bytes")
    }

    @Test func rawStaircaseROCIsThinned() {
        // A ROC curve as a metrics library gives it: a staircase with one point per event.
        var rng = Fixtures.LCG(state: 11)
        var fpr: [Double] = [0], tpr: [Double] = [0]
        for _ in 0..<20_000 {
            if rng.next() < 0.5 {
                fpr.append(fpr.last!); tpr.append(tpr.last! + 1.0 / 10_000)
            } else {
                fpr.append(fpr.last! + 1.0 / 10_000); tpr.append(tpr.last!)
            }
        }
        let size = ROCChart.make(curves: [ROCSeries(name: "Stairs", backgroundEfficiency: fpr, signalEfficiency: tpr)]).svg().utf8.count
        #expect(size < 30_000, "staircase ROC is \(size) bytes")
    }

    @Test func documentsAreAccessibleAndSelfContained() {
        let svg = ROCChart.make(curves: Self.curves).svg()
        #expect(svg.hasPrefix(#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 340""#))
        #expect(svg.contains("<title>ROC curve</title><desc>"))
        let withoutNamespace = svg.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
        for forbidden in ["href", "url(", "http", "<script", "<image", "@import", "<foreignObject"] {
            #expect(!withoutNamespace.contains(forbidden), "found \(forbidden)")
        }
    }

    @Test func numbersHaveAtMostTwoDecimals() throws {
        let svg = RejectionChart.make(curves: Self.curves).svg()
        // Inside attributes only: legend text shows AUCs with 4 decimals on purpose.
        let regex = try Regex(#"="[^"]*\.\d{3,}[^"]*""#)
        #expect(svg.firstMatch(of: regex) == nil)
    }

    @Test func paletteIsOkabeIto() {
        #expect(Palette.series.map(\.hex) == ["#0072b2", "#d55e00", "#009e73", "#e69f00", "#cc79a7", "#56b4e9", "#000000", "#f0e442"])
    }

    @Test func divergingScaleIsWhiteAtZero() {
        #expect(ColorScale.diverging().color(for: 0) == Color(hex: 0xF7F7F7))
        #expect(ColorScale.diverging().color(for: -5) == Color(hex: 0x2166AC))
    }

    @Test func histogramNormalisesToUnitArea() {
        let h = Histogram(values: [0.1, 0.2, 0.25, 0.9, 1.0, 2.0], bins: 4, range: 0...1)
        #expect(h.counts == [2, 1, 0, 2])
        let area = zip(h.densities, h.widths).map(*).reduce(0, +)
        #expect(abs(area - 1) < 1e-12)
    }

    @Test func emptyAndDegenerateInputsStillRender() {
        let svg = ROCChart.make(curves: [ROCSeries(name: "Empty", backgroundEfficiency: [], signalEfficiency: [])]).svg()
        #expect(svg.hasSuffix("</svg>\n"))
        let timeline = BestScoreTimelineChart.make(times: [], scores: []).svg()
        #expect(timeline.hasSuffix("</svg>\n"))
        let nan = RejectionChart.make(curves: [
            ROCSeries(name: "NaN", backgroundEfficiency: [.nan, 0, 1], signalEfficiency: [0.5, .nan, 1])
        ]).svg()
        #expect(!nan.contains("nan") && !nan.contains("inf"))
    }
}
