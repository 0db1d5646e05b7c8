/// Something drawn inside a chart's plotting area: a line, a histogram, points, a reference line.
protocol Mark: Sendable {
    /// The data the mark needs to be visible; nil to leave the axes' ranges alone.
    var extent: Extent? { get }
    /// The mark's line in the legend, or nil for none.
    var legendEntry: LegendEntry? { get }
    /// Draws the mark in `frame`, clipped to its area.
    func render(in frame: PlotFrame) -> SVGNode
    /// Where the mark has ink in `frame`, for placing the legend away from data.
    func footprint(in frame: PlotFrame) -> Footprint
}
