/// Lays out and draws a legend box.
struct Legend {
    static let rowHeight = 18.0
    static let swatchWidth = 24.0
    static let padding = 8.0
    static let inset = 8.0

    let entries: [LegendEntry]

    /// Width and height of the box, estimated from the labels' lengths.
    var size: (width: Double, height: Double) {
        let longest = entries.map { RichText($0.label).estimatedWidth(fontSize: Theme.fontSize) }.max() ?? 0
        return (longest + Legend.swatchWidth + 3 * Legend.padding, Double(entries.count) * Legend.rowHeight + Legend.padding * 1.2)
    }

    /// The box's rectangle for `placement` in `area` (the automatic choice needs `occupied`).
    func box(in area: Rect, placement: LegendPlacement, occupied: [Point]) -> Rect? {
        let (w, h) = size
        let left = area.x + Legend.inset, right = area.maxX - Legend.inset - w
        let top = area.y + Legend.inset, bottom = area.maxY - Legend.inset - h
        let centre = area.x + (area.width - w) / 2
        switch placement {
        case .hidden: return nil
        case .topLeft: return Rect(x: left, y: top, width: w, height: h)
        case .topRight: return Rect(x: right, y: top, width: w, height: h)
        case .bottomLeft: return Rect(x: left, y: bottom, width: w, height: h)
        case .bottomRight: return Rect(x: right, y: bottom, width: w, height: h)
        case .automatic:
            // Preference order breaks ties: top right is where readers look first.
            let candidates = [(right, top), (left, top), (right, bottom), (left, bottom), (centre, top)]
                .map { Rect(x: $0.0, y: $0.1, width: w, height: h) }
            var best = candidates[0], bestCount = Int.max
            for rect in candidates {
                let padded = Rect(x: rect.x - 4, y: rect.y - 4, width: rect.width + 8, height: rect.height + 8)
                let count = occupied.reduce(0) { $0 + (padded.contains($1) ? 1 : 0) }
                if count < bestCount { best = rect; bestCount = count }
            }
            return best
        }
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
            children.append(swatch(entry.swatch, x0: x0, x1: x1, midY: midY))
            children.append(.plainLabel(entry.label, x: x1 + Legend.padding, y: midY + 4))
        }
        return .group(class: "plot-legend", children)
    }

    private func swatch(_ swatch: LegendEntry.Swatch, x0: Double, x1: Double, midY: Double) -> SVGNode {
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
