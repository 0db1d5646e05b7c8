/// A chart with two continuous axes and marks drawn in between: the frame every line,
/// histogram and point chart is built on.
///
/// The look follows HEP habit: a closed frame, ticks drawn inward on all four sides, the x
/// label at the right end of its axis and the y label at the top of its own.
public struct XYChart: Chart {
    /// The title above the frame, or nil.
    public var title: String?
    /// The accessible description: what the chart shows, in words.
    public var description: String
    /// Horizontal axis.
    var xAxis: Axis
    /// Vertical axis.
    var yAxis: Axis
    /// What is drawn, in order (later marks on top).
    var marks: [any Mark]
    /// Where the legend goes.
    var legend: LegendPlacement
    /// Natural size.
    public var size: ChartSize

    /// A chart. See the properties for each argument.
    init(
        title: String?, description: String, xAxis: Axis, yAxis: Axis, marks: [any Mark],
        legend: LegendPlacement = .automatic, size: ChartSize = .standard
    ) {
        self.title = title
        self.description = description
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.marks = marks
        self.legend = legend
        self.size = size
    }

    /// See `Chart`.
    public func document() -> SVGDocument {
        SVGDocument(
            width: size.width, height: size.height, title: title ?? description,
            description: description, children: body(titleSize: Theme.titleSize))
    }

    /// The scales the axes get for the marks' data.
    func scales() -> (x: AxisScale, y: AxisScale) {
        let extents = marks.compactMap(\.extent)
        return (xAxis.scale(covering: extents.flatMap(\.xValues)), yAxis.scale(covering: extents.flatMap(\.yValues)))
    }

    /// The drawing in a box of `size` with its origin at (0, 0).
    func body(titleSize: Double) -> [SVGNode] {
        let (xScale, yScale) = scales()
        let xTicks = xAxis.ticks(on: xScale), yTicks = yAxis.ticks(on: yScale)
        let tickFont = Theme.fontSize
        let yLabelWidth = yTicks.compactMap { $0.label.map { RichText($0).estimatedWidth(fontSize: tickFont) } }.max() ?? 0
        let left = 8 + Theme.axisLabelSize + 8 + yLabelWidth + 6
        let top = title == nil ? 14 : 14 + titleSize + 10
        let bottom = 6 + tickFont + 8 + Theme.axisLabelSize + 8
        let right = 18.0
        let area = Rect(x: left, y: top, width: max(10, size.width - left - right), height: max(10, size.height - top - bottom))
        let frame = PlotFrame(area: area, xScale: xScale, yScale: yScale)

        var nodes: [SVGNode] = []
        nodes.append(grid(frame: frame, xTicks: xTicks, yTicks: yTicks))
        nodes.append(.group(class: "plot-marks", marks.map { $0.render(in: frame) }))
        nodes.append(axes(frame: frame, xTicks: xTicks, yTicks: yTicks))
        let entries = marks.compactMap(\.legendEntry)
        if !entries.isEmpty {
            let legend = Legend(entries: entries)
            let occupied = marks.flatMap { $0.occupiedPoints(in: frame) }
            if let box = legend.box(in: area, placement: self.legend, occupied: occupied) {
                nodes.append(legend.render(in: box))
            }
        }
        if let title {
            nodes.append(
                .plainLabel(
                    title, x: area.x, y: 14 + titleSize * 0.8,
                    [
                        SVGAttribute("class", "plot-title"), SVGAttribute("font-size", titleSize),
                        SVGAttribute("font-weight", "bold"), SVGAttribute("fill", Theme.axisColor.hex),
                    ]))
        }
        return nodes
    }

    private func grid(frame: PlotFrame, xTicks: [Tick], yTicks: [Tick]) -> SVGNode {
        let area = frame.area
        var path = PathData()
        if xAxis.showsGrid {
            for tick in xTicks where tick.isMajor {
                let x = frame.px(tick.value)
                path.move(x, area.y)
                path.line(x, area.maxY)
            }
        }
        if yAxis.showsGrid {
            for tick in yTicks where tick.isMajor {
                let y = frame.py(tick.value)
                path.move(area.x, y)
                path.line(area.maxX, y)
            }
        }
        return .path(
            path.string,
            [
                SVGAttribute("class", "plot-grid"), SVGAttribute("fill", "none"),
                SVGAttribute("stroke", Theme.gridColor.hex), SVGAttribute("stroke-width", 0.8),
            ])
    }

    private func axes(frame: PlotFrame, xTicks: [Tick], yTicks: [Tick]) -> SVGNode {
        let area = frame.area
        var ticks = PathData()
        var labels: [SVGNode] = []
        for tick in xTicks {
            let x = frame.px(tick.value)
            let length = tick.isMajor ? Theme.majorTickLength : Theme.minorTickLength
            ticks.move(x, area.maxY)
            ticks.line(x, area.maxY - length)
            ticks.move(x, area.y)
            ticks.line(x, area.y + length)
            if let label = tick.label {
                labels.append(.label(RichText(label), x: x, y: area.maxY + 6 + Theme.fontSize, anchor: "middle"))
            }
        }
        for tick in yTicks {
            let y = frame.py(tick.value)
            let length = tick.isMajor ? Theme.majorTickLength : Theme.minorTickLength
            ticks.move(area.x, y)
            ticks.line(area.x + length, y)
            ticks.move(area.maxX, y)
            ticks.line(area.maxX - length, y)
            if let label = tick.label {
                labels.append(.label(RichText(label), x: area.x - 6, y: y + 4, anchor: "end"))
            }
        }
        let ink = Theme.axisColor.hex
        let xTitleY = area.maxY + 6 + Theme.fontSize + 8 + Theme.axisLabelSize
        let yTitleX = 8 + Theme.axisLabelSize * 0.8
        return .group(
            class: "plot-axes", attributes: [SVGAttribute("fill", ink)],
            [
                .rect(
                    x: area.x, y: area.y, width: area.width, height: area.height,
                    [
                        SVGAttribute("class", "plot-frame"), SVGAttribute("fill", "none"), SVGAttribute("stroke", ink),
                        SVGAttribute("stroke-width", 1),
                    ]),
                .path(ticks.string, [SVGAttribute("class", "plot-ticks"), SVGAttribute("stroke", ink), SVGAttribute("stroke-width", 1)]),
                .group(class: "plot-tick-labels", labels),
                .label(
                    RichText(xAxis.title), x: area.maxX, y: xTitleY, anchor: "end",
                    [SVGAttribute("class", "plot-axis-label"), SVGAttribute("font-size", Theme.axisLabelSize)]),
                .label(
                    RichText(yAxis.title), x: yTitleX, y: area.y, anchor: "end",
                    [
                        SVGAttribute("class", "plot-axis-label"), SVGAttribute("font-size", Theme.axisLabelSize),
                        SVGAttribute("transform", "rotate(-90 \(SVGNumber.format(yTitleX)) \(SVGNumber.format(area.y)))"),
                    ]),
            ])
    }
}
