/// A grid of coloured cells with row and column labels, optional text in each cell, and a
/// colour bar: confusion and correlation matrices.
public struct HeatMapChart: Chart {
    /// The title, or nil.
    public var title: String?
    /// The accessible description.
    public var description: String
    /// Labels of the rows, top to bottom (plain text).
    var rowLabels: [String]
    /// Labels of the columns, left to right (plain text).
    var columnLabels: [String]
    /// `values[row][column]`, coloured through `colorScale`.
    public var values: [[Double]]
    /// Colours for the values.
    var colorScale: ColorScale
    /// Text in each cell (`"\n"` starts a second line), or nil for none.
    var cellLabels: [[String]]?
    /// Title of the column axis (below the labels), or nil.
    var columnAxisTitle: String?
    /// Title of the row axis (left, rotated), or nil.
    var rowAxisTitle: String?
    /// Title of the colour bar, or nil for no colour bar.
    var colorBarTitle: String?
    /// Side of a cell in user units.
    var cellSize: Double
    /// Whether column labels are turned upright (read bottom to top), for long names.
    var rotatesColumnLabels: Bool

    /// A heat map; `values` (and `cellLabels`) must have `rowLabels.count` rows of
    /// `columnLabels.count` values.
    init(
        title: String?, description: String, rowLabels: [String], columnLabels: [String], values: [[Double]],
        colorScale: ColorScale, cellLabels: [[String]]? = nil, columnAxisTitle: String? = nil,
        rowAxisTitle: String? = nil, colorBarTitle: String? = nil, cellSize: Double = 40,
        rotatesColumnLabels: Bool = false
    ) {
        precondition(
            values.count == rowLabels.count && values.allSatisfy { $0.count == columnLabels.count },
            "a heat map needs one value per row and column")
        precondition(
            cellLabels.map { $0.count == rowLabels.count && $0.allSatisfy { $0.count == columnLabels.count } } ?? true,
            "cell labels must match the values")
        self.title = title
        self.description = description
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.colorScale = colorScale
        self.cellLabels = cellLabels
        self.columnAxisTitle = columnAxisTitle
        self.rowAxisTitle = rowAxisTitle
        self.colorBarTitle = colorBarTitle
        self.cellSize = cellSize
        self.rotatesColumnLabels = rotatesColumnLabels
    }

    /// See `Chart`.
    public func document() -> SVGDocument {
        let font = Theme.fontSize
        func width(_ s: String) -> Double { TextMetrics.width(s, fontSize: font) }
        let rowLabelWidth = rowLabels.map(width).max() ?? 0
        let columnLabelWidth = columnLabels.map(width).max() ?? 0
        let rowTitleSpace = rowAxisTitle == nil ? 0 : Theme.axisLabelSize + 10
        let left = 14 + rowTitleSpace + rowLabelWidth + 8
        let top = title == nil ? 14.0 : 14 + Theme.titleSize + 14
        let gridWidth = Double(columnLabels.count) * cellSize, gridHeight = Double(rowLabels.count) * cellSize
        let columnLabelSpace = rotatesColumnLabels ? columnLabelWidth + 8 : font + 8
        let columnTitleSpace = columnAxisTitle == nil ? 0 : Theme.axisLabelSize + 10
        let barWidth = 14.0
        let barTicks = NiceTicks.ticks(colorScale.lower, colorScale.upper, maxCount: 4)
        let barLabelWidth = barTicks.compactMap { $0.label.map { RichText($0).width(fontSize: font) } }.max() ?? 0
        let barSpace = colorBarTitle == nil ? 0 : 20 + barWidth + 6 + barLabelWidth + 8 + Theme.axisLabelSize + 6
        // The column title is centred under the grid unless that would put it past the left edge;
        // the chart is as wide as the widest of grid, colour bar and titles.
        let columnTitleWidth = columnAxisTitle.map { RichText($0).width(fontSize: Theme.axisLabelSize) } ?? 0
        let columnTitleX = max(left + gridWidth / 2, 4 + columnTitleWidth / 2)
        let titleWidth = title.map { TextMetrics.width($0, fontSize: Theme.titleSize, bold: true) } ?? 0
        let width = max(left + gridWidth + barSpace + 16, columnTitleX + columnTitleWidth / 2 + 4, left + titleWidth + 4)
        let height = top + gridHeight + columnLabelSpace + columnTitleSpace + 12

        // Cells of one colour share a path: a 28×28 matrix would otherwise be ~800 <rect>s.
        var cellPaths: [String: PathData] = [:]
        var colorOrder: [String] = []
        var texts: [SVGNode] = []
        for (r, row) in values.enumerated() {
            let colors = row.map { colorScale.color(for: quantized($0)) }
            // Neighbouring cells of one colour in a row become one wider rectangle.
            var runStart = 0
            for c in colors.indices where c == colors.count - 1 || colors[c + 1] != colors[c] {
                let hex = colors[c].hex
                if cellPaths[hex] == nil { colorOrder.append(hex); cellPaths[hex] = PathData() }
                cellPaths[hex]?.rectangle(
                    x: left + Double(runStart) * cellSize, y: top + Double(r) * cellSize,
                    width: Double(c - runStart + 1) * cellSize, height: cellSize)
                runStart = c + 1
            }
            for (c, color) in colors.enumerated() {
                let x = left + Double(c) * cellSize, y = top + Double(r) * cellSize
                guard let lines = cellLabels?[r][c].split(separator: "\n", omittingEmptySubsequences: false), !lines.isEmpty else {
                    continue
                }
                let size = min(font + 1, cellSize * 0.3)
                let lineHeight = size * 1.25
                let firstY = y + cellSize / 2 - lineHeight * Double(lines.count - 1) / 2 + size * 0.35
                for (i, line) in lines.enumerated() {
                    var attributes = [SVGAttribute("fill", color.contrastingText.hex)]
                    if i == 0 && lines.count > 1 { attributes.append(SVGAttribute("font-weight", "bold")) }
                    texts.append(
                        .plainLabel(String(line), x: x + cellSize / 2, y: firstY + Double(i) * lineHeight, anchor: "middle", attributes))
                }
            }
        }
        var nodes: [SVGNode] = [
            .group(
                class: "plot-cells",
                colorOrder.map { hex in
                    .path(cellPaths[hex]?.string ?? "", [SVGAttribute("fill", hex)])
                }),
            .rect(
                x: left, y: top, width: gridWidth, height: gridHeight,
                [
                    SVGAttribute("class", "plot-frame"), SVGAttribute("fill", "none"), SVGAttribute("stroke", Theme.axisColor.hex),
                    SVGAttribute("stroke-width", 1),
                ]),
        ]
        if !texts.isEmpty {
            nodes.append(
                .group(
                    class: "plot-cell-labels", attributes: [SVGAttribute("font-size", SVGNumber.format(min(font + 1, cellSize * 0.3)))],
                    texts))
        }
        var labels: [SVGNode] = []
        for (r, label) in rowLabels.enumerated() {
            labels.append(.plainLabel(label, x: left - 6, y: top + (Double(r) + 0.5) * cellSize + font * 0.35, anchor: "end"))
        }
        for (c, label) in columnLabels.enumerated() {
            let cx = left + (Double(c) + 0.5) * cellSize
            if rotatesColumnLabels {
                // Upright, read from the bottom: the text's middle on the column's centre line.
                let x = cx + font * 0.35, y = top + gridHeight + 6
                labels.append(
                    .plainLabel(
                        label, x: x, y: y, anchor: "end",
                        [SVGAttribute("transform", "rotate(-90 \(SVGNumber.format(x)) \(SVGNumber.format(y)))")]))
            } else {
                labels.append(.plainLabel(label, x: cx, y: top + gridHeight + 6 + font * 0.8, anchor: "middle"))
            }
        }
        nodes.append(
            .group(
                class: "plot-tick-labels", attributes: [SVGAttribute("fill", Theme.axisColor.hex), SVGAttribute("font-size", font)],
                labels))
        if let columnAxisTitle {
            nodes.append(
                .label(
                    RichText(columnAxisTitle), x: columnTitleX, y: top + gridHeight + columnLabelSpace + Theme.axisLabelSize,
                    anchor: "middle", [SVGAttribute("class", "plot-axis-label"), SVGAttribute("font-size", Theme.axisLabelSize)]))
        }
        if let rowAxisTitle {
            let x = 14 + Theme.axisLabelSize * 0.8, y = top + gridHeight / 2
            nodes.append(
                .label(
                    RichText(rowAxisTitle), x: x, y: y, anchor: "middle",
                    [
                        SVGAttribute("class", "plot-axis-label"), SVGAttribute("font-size", Theme.axisLabelSize),
                        SVGAttribute("transform", "rotate(-90 \(SVGNumber.format(x)) \(SVGNumber.format(y)))"),
                    ]))
        }
        if let colorBarTitle {
            nodes.append(
                colorBar(
                    x: left + gridWidth + 20, y: top, width: barWidth, height: gridHeight, ticks: barTicks,
                    title: colorBarTitle, titleX: left + gridWidth + 20 + barWidth + 6 + barLabelWidth + 8 + Theme.axisLabelSize * 0.8))
        }
        if let title {
            nodes.append(
                .plainLabel(
                    title, x: left, y: 14 + Theme.titleSize * 0.8,
                    [
                        SVGAttribute("class", "plot-title"), SVGAttribute("font-size", Theme.titleSize),
                        SVGAttribute("font-weight", "bold"), SVGAttribute("fill", Theme.axisColor.hex),
                    ]))
        }
        return SVGDocument(width: width, height: height, title: title ?? description, description: description, children: nodes)
    }

    /// `value` snapped to one of `colorLevels` levels of the scale, so equal-looking cells share
    /// a colour (and a path); the colour bar has fewer bands than that, so nothing visible is lost.
    private func quantized(_ value: Double) -> Double {
        guard value.isFinite else { return value }
        let span = colorScale.upper - colorScale.lower
        let t = min(max((value - colorScale.lower) / span, 0), 1)
        return colorScale.lower + (t * Double(colorLevels)).rounded() / Double(colorLevels) * span
    }

    /// The number of colour levels cells are drawn with.
    private var colorLevels: Int { 64 }

    /// A vertical bar of `steps` bands, lowest value at the bottom, with ticks on its right.
    private func colorBar(x: Double, y: Double, width: Double, height: Double, ticks: [Tick], title: String, titleX: Double) -> SVGNode {
        let steps = 32
        var bands: [SVGNode] = []
        let band = height / Double(steps)
        for i in 0..<steps {
            let value = colorScale.lower + (Double(i) + 0.5) / Double(steps) * (colorScale.upper - colorScale.lower)
            // Bands overlap by a hair so no seams show between them when scaled.
            bands.append(
                .rect(
                    x: x, y: y + height - Double(i + 1) * band, width: width, height: band + 0.3,
                    [SVGAttribute("fill", colorScale.color(for: value).hex)]))
        }
        var tickPath = PathData()
        var labels: [SVGNode] = []
        for tick in ticks {
            let ty = y + height - (tick.value - colorScale.lower) / (colorScale.upper - colorScale.lower) * height
            tickPath.move(x + width, ty)
            tickPath.line(x + width + 4, ty)
            if let label = tick.label {
                labels.append(.label(RichText(label), x: x + width + 6, y: ty + 4))
            }
        }
        let ty = y + height / 2
        return .group(
            class: "plot-color-bar", attributes: [SVGAttribute("fill", Theme.axisColor.hex)],
            [
                .group(class: "plot-color-bar-bands", bands),
                .rect(
                    x: x, y: y, width: width, height: height,
                    [SVGAttribute("fill", "none"), SVGAttribute("stroke", Theme.axisColor.hex), SVGAttribute("stroke-width", 0.8)]),
                .path(tickPath.string, [SVGAttribute("stroke", Theme.axisColor.hex)]),
                .group(class: "plot-tick-labels", labels),
                .label(
                    RichText(title), x: titleX, y: ty, anchor: "middle",
                    [
                        SVGAttribute("class", "plot-axis-label"), SVGAttribute("font-size", Theme.axisLabelSize),
                        SVGAttribute("transform", "rotate(-90 \(SVGNumber.format(titleX)) \(SVGNumber.format(ty)))"),
                    ]),
            ])
    }
}
