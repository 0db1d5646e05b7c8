/// A legend on its own, its entries in a row: the one legend a grid of small charts shares.
public struct LegendChart: Chart {
    /// The entries, in reading order.
    var entries: [LegendEntry]
    /// The accessible description.
    var description: String

    /// Space between one entry's label and the next swatch.
    static let entryGap = 18.0

    /// See `Chart`.
    public func document() -> SVGDocument {
        var x = 4.0
        var nodes: [SVGNode] = []
        let midY = 12.0
        for entry in entries {
            let x1 = x + Legend.swatchWidth
            nodes.append(Legend.swatch(entry.swatch, x0: x, x1: x1, midY: midY))
            nodes.append(.plainLabel(entry.label, x: x1 + Legend.padding, y: midY + 4))
            x = x1 + Legend.padding + TextMetrics.width(entry.label, fontSize: Theme.fontSize) + LegendChart.entryGap
        }
        return SVGDocument(
            width: x - LegendChart.entryGap + 4, height: 24, title: "Legend", description: description,
            children: [.group(class: "plot-legend", nodes)])
    }
}
