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
    /// The title's font size (smaller for small multiples).
    var titleSize: Double

    /// A chart. See the properties for each argument.
    init(
        title: String?, description: String, xAxis: Axis, yAxis: Axis, marks: [any Mark],
        legend: LegendPlacement = .automatic, size: ChartSize = .standard, titleSize: Double = Theme.titleSize
    ) {
        self.titleSize = titleSize
        self.title = title
        self.description = description
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.marks = marks
        self.legend = legend
        self.size = size
    }

    /// See `Chart`. The document grows below `size` when the legend goes under the chart.
    public func document() -> SVGDocument {
        let layout = self.layout()
        return SVGDocument(
            width: size.width, height: layout.height, title: title ?? description,
            description: description, children: body(layout))
    }

    /// The scales the axes get for the marks' data.
    func scales() -> (x: AxisScale, y: AxisScale) {
        let extents = marks.compactMap(\.extent)
        return (xAxis.scale(covering: extents.flatMap(\.xValues)), yAxis.scale(covering: extents.flatMap(\.yValues)))
    }

    /// Where everything goes: decided from the measured widths of the labels and from where the
    /// data lies.
    struct Layout {
        /// The plotting area and its scales.
        var frame: PlotFrame
        /// Ticks to draw on each axis, labels thinned so none touch.
        var xTicks: [Tick], yTicks: [Tick]
        /// The legend and its box (inside the area, or below the axis title), or nil.
        var legend: (legend: Legend, box: Rect)?
        /// The document's height: `size.height`, plus the legend's when it is below.
        var height: Double
        /// The baseline of the x tick labels.
        var xLabelY: Double
    }

    /// Space between neighbouring tick labels.
    static let labelGap = 6.0

    /// The layout in `size`.
    func layout() -> Layout {
        let (xScale, yScale) = scales()
        let yTicks = yAxis.ticks(on: yScale)
        let tickFont = Theme.fontSize
        let yLabelWidth = yTicks.compactMap { $0.label.map { RichText($0).width(fontSize: tickFont) } }.max() ?? 0
        let left = (yAxis.title.isEmpty ? 6 : 8 + Theme.axisLabelSize + 8) + yLabelWidth + 6
        let top = title == nil ? 14 : 10 + titleSize + 10
        // A superscript (`2×10^{12}`) stands above its label's line: the x labels then sit lower
        // by as much, so it clears the lowest y label beside the frame's corner.
        let xScript = xAxis.ticks(on: xScale).contains { $0.label?.contains("^{") == true } ? RichText.superscriptRaise * tickFont : 0
        let bottom = 6 + xScript + tickFont + 8 + (xAxis.title.isEmpty ? 0 : Theme.axisLabelSize + 8)
        var right = 14.0
        var area = Rect(x: left, y: top, width: max(10, size.width - left - right), height: max(10, size.height - top - bottom))
        var xTicks = fittedXTicks(scale: xScale, area: area)
        // The last label is centred on its tick: widen the right margin so it stays inside.
        if let last = xTicks.last(where: { $0.label != nil }), let label = last.label {
            let x = area.x + xScale.fraction(last.value) * area.width
            let overhang = x + RichText(label).width(fontSize: tickFont) / 2 + 4 - size.width
            if overhang > 0 {
                right += overhang
                area.width = max(10, size.width - left - right)
                xTicks = fittedXTicks(scale: xScale, area: area)
            }
        }
        let frame = PlotFrame(area: area, xScale: xScale, yScale: yScale)
        var height = size.height
        var placed: (Legend, Rect)?
        let entries = marks.compactMap(\.legendEntry)
        if !entries.isEmpty && legend != .hidden {
            let legend = Legend(entries: entries, maxWidth: size.width - 8)
            let footprint = marks.reduce(Footprint()) { $0 + $1.footprint(in: frame) }
            if let box = legend.box(in: area, placement: self.legend, footprint: footprint) {
                placed = (legend, box)
            } else {
                let (w, h) = legend.size
                let box = Rect(x: max(4, min(area.x, size.width - 4 - w)), y: size.height + 2, width: w, height: h)
                placed = (legend, box)
                height = box.maxY + 8
            }
        }
        return Layout(
            frame: frame, xTicks: xTicks, yTicks: yTicks, legend: placed, height: height, xLabelY: area.maxY + 6 + xScript + tickFont)
    }

    /// The x axis's ticks with labels that do not touch: fewer automatic ticks, or (for ticks
    /// given by the chart) every second, third… label, until neighbours are `labelGap` apart.
    private func fittedXTicks(scale: AxisScale, area: Rect) -> [Tick] {
        func fits(_ ticks: [Tick]) -> Bool {
            var previousEnd = -Double.infinity
            for tick in ticks {
                guard let label = tick.label else { continue }
                let x = area.x + scale.fraction(tick.value) * area.width
                let half = RichText(label).width(fontSize: Theme.fontSize) / 2
                if x - half < previousEnd + XYChart.labelGap { return false }
                previousEnd = x + half
            }
            return true
        }
        if xAxis.customTicks == nil && scale.kind == .linear {
            for count in stride(from: xAxis.maxTickCount, through: 1, by: -1) {
                var axis = xAxis
                axis.maxTickCount = count
                let ticks = axis.ticks(on: scale)
                if fits(ticks) { return ticks }
            }
        }
        let ticks = xAxis.ticks(on: scale)
        let labelled = ticks.indices.filter { ticks[$0].label != nil }
        for every in 1...max(1, labelled.count) {
            let kept = Set(labelled.enumerated().filter { $0.offset % every == 0 }.map(\.element))
            let thinned = ticks.indices.map { i in
                kept.contains(i) || ticks[i].label == nil ? ticks[i] : Tick(value: ticks[i].value, label: nil, isMajor: false)
            }
            if fits(thinned) { return thinned }
        }
        return ticks.map { Tick(value: $0.value, label: nil, isMajor: $0.isMajor) }
    }

    /// The drawing of `layout`, with its origin at (0, 0).
    func body(_ layout: Layout) -> [SVGNode] {
        let frame = layout.frame, area = frame.area
        var nodes: [SVGNode] = []
        nodes.append(grid(frame: frame, xTicks: layout.xTicks, yTicks: layout.yTicks))
        nodes.append(.group(class: "plot-marks", marks.map { $0.render(in: frame) }))
        nodes.append(axes(frame: frame, xTicks: layout.xTicks, yTicks: layout.yTicks, xLabelY: layout.xLabelY))
        if let (legend, box) = layout.legend {
            nodes.append(legend.render(in: box))
        }
        if let title {
            // Flush with the frame when it fits there, else from the chart's left edge.
            let titleX = TextMetrics.width(title, fontSize: titleSize, bold: true) <= size.width - area.x - 4 ? area.x : 4
            nodes.append(
                .plainLabel(
                    TextMetrics.fitted(title, maxWidth: size.width - titleX - 4, fontSize: titleSize, bold: true),
                    x: titleX, y: 10 + titleSize * 0.8,
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

    private func axes(frame: PlotFrame, xTicks: [Tick], yTicks: [Tick], xLabelY: Double) -> SVGNode {
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
                labels.append(.label(RichText(label), x: x, y: xLabelY, anchor: "middle"))
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
        let xTitleY = xLabelY + 8 + Theme.axisLabelSize
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
                    XYChart.fitted(xAxis.title, maxWidth: area.maxX - 4), x: area.maxX, y: xTitleY, anchor: "end",
                    [SVGAttribute("class", "plot-axis-label"), SVGAttribute("font-size", Theme.axisLabelSize)]),
                .label(
                    XYChart.fitted(yAxis.title, maxWidth: area.height + 20), x: yTitleX, y: area.y, anchor: "end",
                    [
                        SVGAttribute("class", "plot-axis-label"), SVGAttribute("font-size", Theme.axisLabelSize),
                        SVGAttribute("transform", "rotate(-90 \(SVGNumber.format(yTitleX)) \(SVGNumber.format(area.y)))"),
                    ]),
            ])
    }

    /// An axis title as rich text, or cut to plain text with an ellipsis when longer than `maxWidth`.
    static func fitted(_ title: String, maxWidth: Double) -> RichText {
        let rich = RichText(title)
        guard rich.width(fontSize: Theme.axisLabelSize) > maxWidth else { return rich }
        return RichText(RichText.defused(TextMetrics.fitted(rich.plainText, maxWidth: maxWidth, fontSize: Theme.axisLabelSize)))
    }
}
