/// A histogram drawn as a step outline over its bins, filled or not.
struct StepHistogramMark: Mark {
    /// Bin edges, increasing; one more than `heights`.
    var edges: [Double]
    /// Height of each bin.
    var heights: [Double]
    /// Colour and line; `fillOpacity` is used when `filled`.
    var style: SeriesStyle
    /// Whether the area under the steps is filled (translucent, so two can overlap).
    var filled: Bool
    /// Legend label, or nil for none.
    var label: String?

    /// A histogram. `edges` must have one more element than `heights`.
    init(edges: [Double], heights: [Double], style: SeriesStyle, filled: Bool, label: String? = nil) {
        precondition(edges.count == heights.count + 1, "a histogram needs one more edge than bins")
        self.edges = edges
        self.heights = heights
        self.style = style
        self.filled = filled
        self.label = label
    }

    /// A histogram of `histogram`'s densities (`normalized: true`) or counts.
    init(_ histogram: Histogram, normalized: Bool, style: SeriesStyle, filled: Bool, label: String? = nil) {
        self.init(
            edges: histogram.edges, heights: normalized ? histogram.densities : histogram.counts,
            style: style, filled: filled, label: label)
    }

    /// See `Mark`. Covers the bins and zero.
    var extent: Extent? { Extent(xValues: edges, yValues: heights + [0]) }

    /// See `Mark`.
    var legendEntry: LegendEntry? {
        label.map { LegendEntry(label: $0, swatch: filled ? .filled(style) : .line(style)) }
    }

    /// See `Mark`. Heights that are not finite, or ≤ 0 on a log axis, drop to the baseline;
    /// heights above the frame are cut at its top.
    func render(in frame: PlotFrame) -> SVGNode {
        guard !heights.isEmpty else { return .group(class: "plot-histogram", []) }
        let base = frame.baselineY
        func top(_ h: Double) -> Double {
            let y = frame.py(h)
            return y.isFinite ? min(max(y, frame.area.y), base) : base
        }
        func clampX(_ x: Double) -> Double { min(max(frame.px(x), frame.area.x), frame.area.maxX) }
        var path = PathData()
        path.move(clampX(edges[0]), base)
        for i in heights.indices {
            let y = top(heights[i])
            path.line(clampX(edges[i]), y)
            path.line(clampX(edges[i + 1]), y)
        }
        path.line(clampX(edges[edges.count - 1]), base)
        var attributes = [style.classAttribute(filled ? "plot-histogram plot-filled" : "plot-histogram")]
        if filled {
            path.close()
            attributes += [SVGAttribute("fill", style.color.hex), SVGAttribute("fill-opacity", style.fillOpacity)]
        } else {
            attributes.append(SVGAttribute("fill", "none"))
        }
        return .path(path.string, attributes + style.strokeAttributes)
    }

    /// See `Mark`. A filled histogram covers each bin down to the baseline; an outline only its steps.
    func footprint(in frame: PlotFrame) -> Footprint {
        var footprint = Footprint()
        let base = frame.baselineY
        var outline: [Point] = []
        for i in heights.indices {
            let x0 = min(max(frame.px(edges[i]), frame.area.x), frame.area.maxX)
            let x1 = min(max(frame.px(edges[i + 1]), frame.area.x), frame.area.maxX)
            var y = frame.py(heights[i])
            y = y.isFinite ? min(max(y, frame.area.y), base) : base
            if filled {
                footprint.addArea(Rect(x: x0, y: y, width: x1 - x0, height: base - y))
            }
            outline += [Point(x: x0, y: y), Point(x: x1, y: y)]
        }
        footprint.addPolyline(outline)
        return footprint
    }
}
