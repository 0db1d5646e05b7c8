import Foundation
import Testing

@testable import Plots

/// Where the layout puts legends and tick labels, checked against the marks' own footprints
/// and the measured label widths.
struct ChartLayoutTests {
    /// A chart of straight lines through the given points, each with a legend entry.
    static func chart(
        _ lines: [[(Double, Double)]], legend: LegendPlacement = .automatic, size: ChartSize = .standard,
        xTicks: [Tick]? = nil
    ) -> XYChart {
        let marks: [any Mark] = lines.enumerated().map { i, points in
            LineMark(x: points.map(\.0), y: points.map(\.1), style: .series(i), label: "Series number \(i + 1)")
        }
        return XYChart(
            title: "Test", description: "Lines.", xAxis: Axis(label: "x", range: 0...1, customTicks: xTicks),
            yAxis: Axis(label: "y", range: 0...1), marks: marks, legend: legend, size: size)
    }

    static func footprint(_ chart: XYChart, _ layout: XYChart.Layout) -> Footprint {
        chart.marks.reduce(Footprint()) { $0 + $1.footprint(in: layout.frame) }
    }

    @Test func aROCLegendGoesWhereTheCurvesAreNot() throws {
        let curve = (0...20).map { i -> (Double, Double) in
            let x = Double(i) / 20; return (x, pow(x, 0.3))
        }
        let chart = Self.chart([curve, [(0, 0), (1, 1)]])
        let layout = chart.layout()
        let box = try #require(layout.legend?.box)
        let area = layout.frame.area
        #expect(area.contains(box))
        #expect(!Self.footprint(chart, layout).meets(box))
        // The curves fill the top left: the legend sits low and to the right.
        #expect(box.x + box.width / 2 > area.x + area.width / 2 && box.y + box.height / 2 > area.y + area.height / 2)
        #expect(layout.height == chart.size.height)
    }

    @Test func thePreferredCornerIsTakenWhenItIsFree() throws {
        let low = [(0.0, 0.1), (1.0, 0.1)]
        let layout = Self.chart([low], legend: .topLeft).layout()
        let box = try #require(layout.legend?.box)
        let area = layout.frame.area
        #expect(box.x + box.width / 2 < area.x + area.width / 2 && box.y + box.height / 2 < area.y + area.height / 2)
    }

    @Test func dataInEveryCornerSendsTheLegendBelowThePlot() throws {
        let chart = Self.chart([[(0, 0.98), (1, 0.98)], [(0, 0.02), (1, 0.02)], [(0.02, 0), (0.02, 1)], [(0.98, 0), (0.98, 1)]])
        let layout = chart.layout()
        let box = try #require(layout.legend?.box)
        #expect(box.y > layout.frame.area.maxY + Theme.fontSize)
        #expect(layout.height >= box.maxY && layout.height > chart.size.height)
        let svg = chart.svg()
        #expect(svg.contains("height=\"\(SVGNumber.format(layout.height))\""))
    }

    @Test func aHiddenLegendIsNotDrawn() {
        let chart = Self.chart([[(0, 0), (1, 1)]], legend: .hidden)
        #expect(chart.layout().legend == nil)
        #expect(!chart.svg().contains("plot-legend"))
    }

    @Test func xTickLabelsNeverTouchEvenWhenLong() {
        let ticks = (0...10).map { i in Tick(value: Double(i) / 10, label: "2026-11-\(10 + i)", isMajor: true) }
        for size in [ChartSize.panel, .standard] {
            let chart = Self.chart([[(0, 0), (1, 1)]], size: size, xTicks: ticks)
            let layout = chart.layout()
            let spans = layout.xTicks.compactMap { tick -> ClosedRange<Double>? in
                guard let label = tick.label else { return nil }
                let x = layout.frame.area.x + layout.frame.xScale.fraction(tick.value) * layout.frame.area.width
                let half = TextMetrics.width(label, fontSize: Theme.fontSize) / 2
                return (x - half)...(x + half)
            }
            #expect(spans.count >= 2, "some labels stay at \(size.width)")
            #expect(spans.count < ticks.count || size.width > 600, "labels thinned at \(size.width)")
            for (a, b) in zip(spans, spans.dropFirst()) {
                #expect(b.lowerBound - a.upperBound >= XYChart.labelGap)
            }
            #expect((spans.first?.lowerBound ?? 0) >= 0 && (spans.last?.upperBound ?? 0) <= size.width)
        }
    }

    @Test func longLegendLabelsAreShortenedToTheChart() throws {
        let long = String(repeating: "A very long team name ", count: 6) + "(AUC = 0.8123)"
        let mark = LineMark(x: [0, 1], y: [0, 1], style: .series(0), label: long)
        let chart = XYChart(
            title: nil, description: "", xAxis: Axis(label: "x", range: 0...1), yAxis: Axis(label: "y", range: 0...1),
            marks: [mark], size: .panel)
        let legend = try #require(chart.layout().legend)
        #expect(legend.box.width <= ChartSize.panel.width)
        #expect(legend.legend.entries[0].label.hasSuffix("… (AUC = 0.8123)") || legend.legend.entries[0].label.hasSuffix("…"))
    }

    @Test func aSingleEpochIsDrawnWholeInTheMiddleOfItsAxis() {
        // One epoch of a log: its loss 1.14 is where the axis's nice range starts.
        let chart = TrainingHistoryChart.make(trainingLoss: [1.14], validationLoss: [1.15])[0]
        let frame = chart.layout().frame
        #expect(abs(frame.px(1) - (frame.area.x + frame.area.width / 2)) < 0.5)
        #expect(chart.marks.count == 2)
        // Both points are drawn: neither is lost at the frame's edge.
        var marks = ""
        for mark in chart.marks { mark.render(in: frame).write(to: &marks) }
        #expect(marks.components(separatedBy: "<circle").count - 1 == 2)
    }

    @Test func xLabelsWithPowersOfTenClearTheLowestYLabel() {
        // A feature in units that make its values tiny: x labels such as -2×10^{-7}.
        let values = (0..<400).map { Double($0 - 200) * 1.2e-9 }
        let panel = FeatureHistogramChart.panels(
            [FeatureHistogramInput(name: "eta", signalValues: values, backgroundValues: values.map { $0 * 0.8 })])[0]
        let layout = panel.layout()
        #expect(layout.xTicks.contains { $0.label?.contains("^{") == true })
        // Liberation Sans rises 0.905 em above its baseline and falls 0.212 em below it; the y
        // label at the frame's bottom corner has its baseline 4 units below the frame.
        let font = Theme.fontSize
        let superscriptTop = layout.xLabelY - 0.905 * font - RichText.superscriptRaise * font
        let lowestYLabelBottom = layout.frame.area.maxY + 4 + 0.212 * font
        #expect(superscriptTop >= lowestYLabelBottom)
    }
}
