/// Lays out and draws a legend box: inside the plotting area in a corner the data leaves empty,
/// or, when no corner is free, below the chart.
struct Legend {
    static let rowHeight = 18.0
    static let swatchWidth = 24.0
    static let padding = 8.0
    static let inset = 8.0
    /// Clear space kept between the box and any data.
    static let clearance = 3.0

    /// The entries, labels already shortened to fit (see `init(entries:maxWidth:)`).
    let entries: [LegendEntry]

    /// A legend whose box is at most `maxWidth` wide: longer labels are cut with an ellipsis.
    init(entries: [LegendEntry], maxWidth: Double) {
        let room = maxWidth - Legend.swatchWidth - 3 * Legend.padding
        self.entries = entries.map { entry in
            var entry = entry
            entry.label = TextMetrics.fitted(entry.label, maxWidth: room, fontSize: Theme.fontSize)
            return entry
        }
    }

    /// Width and height of the box, from the labels' measured widths.
    var size: (width: Double, height: Double) {
        let longest = entries.map { TextMetrics.width($0.label, fontSize: Theme.fontSize) }.max() ?? 0
        return (longest + Legend.swatchWidth + 3 * Legend.padding, Double(entries.count) * Legend.rowHeight + Legend.padding * 1.2)
    }

    /// The box in a corner of `area` that `footprint` leaves empty, trying `placement`'s corner
    /// first; nil when the legend is hidden or no corner is free (it then goes below the chart).
    func box(in area: Rect, placement: LegendPlacement, footprint: Footprint) -> Rect? {
        let (w, h) = size
        guard w + 2 * Legend.inset <= area.width, h + 2 * Legend.inset <= area.height else { return nil }
        let left = area.x + Legend.inset, right = area.maxX - Legend.inset - w
        let top = area.y + Legend.inset, bottom = area.maxY - Legend.inset - h
        let corners: [LegendPlacement: Rect] = [
            .topRight: Rect(x: right, y: top, width: w, height: h), .topLeft: Rect(x: left, y: top, width: w, height: h),
            .bottomRight: Rect(x: right, y: bottom, width: w, height: h), .bottomLeft: Rect(x: left, y: bottom, width: w, height: h),
        ]
        // Top right first: it is where readers look first.
        var order: [LegendPlacement] = [.topRight, .topLeft, .bottomRight, .bottomLeft]
        switch placement {
        case .hidden: return nil
        case .automatic: break
        case .topLeft, .topRight, .bottomLeft, .bottomRight: order = [placement] + order.filter { $0 != placement }
        }
        for corner in order {
            if let rect = corners[corner], !footprint.meets(rect.outset(by: Legend.clearance)) { return rect }
        }
        return nil
    }

    /// The legend drawn in `box`.
    func render(in box: Rect) -> SVGNode {
        var children: [SVGNode] = [
            .rect(
                x: box.x, y: box.y, width: box.width, height: box.height,
                [
                    SVGAttribute("class", "plot-legend-box"), SVGAttribute("fill", "#ffffff"), SVGAttribute("fill-opacity", 0.85),
                    SVGAttribute("stroke", "#cccccc"), SVGAttribute("stroke-width", 0.8),
                ])
        ]
        for (i, entry) in entries.enumerated() {
            let midY = box.y + Legend.padding * 0.6 + (Double(i) + 0.5) * Legend.rowHeight
            let x0 = box.x + Legend.padding, x1 = x0 + Legend.swatchWidth
            children.append(Legend.swatch(entry.swatch, x0: x0, x1: x1, midY: midY))
            children.append(.plainLabel(entry.label, x: x1 + Legend.padding, y: midY + 4))
        }
        return .group(class: "plot-legend", children)
    }

    /// A sample of `swatch` from `x0` to `x1` around `midY`.
    static func swatch(_ swatch: LegendEntry.Swatch, x0: Double, x1: Double, midY: Double) -> SVGNode {
        switch swatch {
        case .line(let style):
            return .line(x1: x0, y1: midY, x2: x1, y2: midY, [style.classAttribute("plot-swatch")] + style.strokeAttributes)
        case .lineWithPoint(let style):
            return .group(
                class: "plot-swatch",
                [
                    .line(x1: x0, y1: midY, x2: x1, y2: midY, style.strokeAttributes),
                    .element(
                        "circle",
                        [
                            SVGAttribute("cx", (x0 + x1) / 2), SVGAttribute("cy", midY),
                            SVGAttribute("r", style.lineWidth + 1), SVGAttribute("fill", style.color.hex),
                        ]),
                ])
        case .filled(let style):
            return .rect(
                x: x0, y: midY - 6, width: x1 - x0, height: 12,
                [
                    style.classAttribute("plot-swatch"), SVGAttribute("fill", style.color.hex),
                    SVGAttribute("fill-opacity", style.fillOpacity),
                ] + style.strokeAttributes)
        case .point(let style):
            let cx = (x0 + x1) / 2
            return .rect(
                x: cx - 2.6, y: midY - 2.6, width: 5.2, height: 5.2,
                [style.classAttribute("plot-swatch"), SVGAttribute("fill", style.color.hex)])
        case .pointWithError(let style):
            let cx = (x0 + x1) / 2
            return .group(
                class: "plot-swatch",
                [
                    .line(
                        x1: cx, y1: midY - 7, x2: cx, y2: midY + 7,
                        [SVGAttribute("stroke", style.color.hex), SVGAttribute("stroke-width", 1.3)]),
                    .rect(x: cx - 2.6, y: midY - 2.6, width: 5.2, height: 5.2, [SVGAttribute("fill", style.color.hex)]),
                ])
        }
    }
}
