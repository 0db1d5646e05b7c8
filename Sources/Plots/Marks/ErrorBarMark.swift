/// Points with vertical (and optionally horizontal) error bars, as for a histogram of
/// training scores drawn over the test one.
struct ErrorBarMark: Mark {
    /// Horizontal positions.
    var x: [Double]
    /// Vertical positions.
    var y: [Double]
    /// Half-lengths of the vertical bars (±), as many as `y`.
    var yErrors: [Double]
    /// Half-widths of horizontal bars, or nil for none (e.g. half the bin width).
    var xErrors: [Double]?
    /// Colour and bar width.
    var style: SeriesStyle
    /// Legend label, or nil for none.
    var label: String?
    /// Marker radius in user units.
    var markerRadius: Double

    /// Points with error bars; all arrays the same length.
    init(
        x: [Double], y: [Double], yErrors: [Double], xErrors: [Double]? = nil,
        style: SeriesStyle, label: String? = nil, markerRadius: Double = 2.6
    ) {
        precondition(
            x.count == y.count && y.count == yErrors.count && (xErrors?.count ?? x.count) == x.count,
            "error bars need arrays of one length")
        self.x = x
        self.y = y
        self.yErrors = yErrors
        self.xErrors = xErrors
        self.style = style
        self.label = label
        self.markerRadius = markerRadius
    }

    /// The bin centres of `histogram`, its densities (`normalized: true`) or counts, and their
    /// Poisson errors. Empty bins get no point, as in ROOT's default drawing of data.
    init(_ histogram: Histogram, normalized: Bool, style: SeriesStyle, label: String? = nil) {
        let filled = histogram.counts.indices.filter { histogram.counts[$0] > 0 }
        let y = normalized ? histogram.densities : histogram.counts
        let errors = normalized ? histogram.densityErrors : histogram.countErrors
        let centers = histogram.centers
        self.init(
            x: filled.map { centers[$0] }, y: filled.map { y[$0] }, yErrors: filled.map { errors[$0] },
            style: style, label: label)
    }

    /// See `Mark`.
    var extent: Extent? {
        Extent(xValues: x, yValues: zip(y, yErrors).flatMap { [$0 - $1, $0 + $1] } + y)
    }

    /// See `Mark`.
    var legendEntry: LegendEntry? {
        let hasErrors = yErrors.contains { $0 > 0 }
        return label.map { LegendEntry(label: $0, swatch: hasErrors ? .pointWithError(style) : .point(style)) }
    }

    /// See `Mark`. Points outside the frame are left out; bars are cut at its edges. All bars
    /// are one `<path>`, all markers another.
    func render(in frame: PlotFrame) -> SVGNode {
        var bars = PathData()
        var markers = PathData()
        let area = frame.area
        let r = markerRadius
        for i in x.indices {
            let p = frame.point(x[i], y[i])
            guard p.x.isFinite, p.y.isFinite, area.contains(p) else { continue }
            var top = frame.py(y[i] + yErrors[i]), bottom = frame.py(y[i] - yErrors[i])
            if !bottom.isFinite { bottom = area.maxY }
            top = max(top, area.y)
            bottom = min(bottom, area.maxY)
            if bottom - top > 2 * r {
                bars.move(p.x, top)
                bars.line(p.x, bottom)
            }
            if let xErrors {
                let left = max(frame.px(x[i] - xErrors[i]), area.x), right = min(frame.px(x[i] + xErrors[i]), area.maxX)
                bars.move(left, p.y)
                bars.line(right, p.y)
            }
            // A marker as a square path keeps the file small; at this size it reads as a dot.
            markers.rectangle(x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r)
        }
        return .group(
            class: style.cssClass.isEmpty ? "plot-points" : "plot-points " + style.cssClass,
            [
                .path(
                    bars.string,
                    [
                        SVGAttribute("fill", "none"), SVGAttribute("stroke", style.color.hex),
                        SVGAttribute("stroke-width", max(1, style.lineWidth * 0.7)),
                    ]),
                .path(markers.string, [SVGAttribute("fill", style.color.hex)]),
            ])
    }

    /// See `Mark`: each marker and its bar.
    func footprint(in frame: PlotFrame) -> Footprint {
        var footprint = Footprint()
        let r = markerRadius
        for i in x.indices {
            let p = frame.point(x[i], y[i])
            guard p.isFinite, frame.area.contains(p) else { continue }
            var top = frame.py(y[i] + yErrors[i]), bottom = frame.py(y[i] - yErrors[i])
            if !bottom.isFinite { bottom = frame.area.maxY }
            top = max(top, frame.area.y)
            bottom = min(bottom, frame.area.maxY)
            footprint.addArea(Rect(x: p.x - r, y: min(top, p.y - r), width: 2 * r, height: max(bottom, p.y + r) - min(top, p.y - r)))
        }
        return footprint
    }
}
