/// A line through (x, y) points, straight or as steps.
struct LineMark: Mark {
    /// How consecutive points are joined.
    enum Interpolation: Sendable, Equatable {
        /// Straight segments.
        case linear
        /// Horizontal to the next x, then vertical: the value holds until the next point.
        case stepAfter
    }

    /// Horizontal values.
    var x: [Double]
    /// Vertical values, as many as `x`.
    var y: [Double]
    /// Colour, width, dash.
    var style: SeriesStyle
    /// Legend label, or nil for none.
    var label: String?
    /// How points are joined.
    var interpolation: Interpolation
    /// Whether each point also gets a small dot (for short series such as epochs).
    var showsPoints: Bool

    /// A line; points with a non-finite coordinate break it.
    init(
        x: [Double], y: [Double], style: SeriesStyle, label: String? = nil,
        interpolation: Interpolation = .linear, showsPoints: Bool = false
    ) {
        precondition(x.count == y.count, "a line needs as many x as y values")
        self.x = x
        self.y = y
        self.style = style
        self.label = label
        self.interpolation = interpolation
        self.showsPoints = showsPoints
    }

    /// See `Mark`.
    var extent: Extent? { Extent(xValues: x, yValues: y) }

    /// See `Mark`.
    var legendEntry: LegendEntry? {
        label.map { LegendEntry(label: $0, swatch: showsPoints ? .lineWithPoint(style) : .line(style)) }
    }

    /// The line's vertices in user units, steps expanded.
    func vertices(in frame: PlotFrame) -> [Point] {
        var points: [Point] = []
        points.reserveCapacity(interpolation == .linear ? x.count : 2 * x.count)
        for i in x.indices {
            let p = frame.point(x[i], y[i])
            if interpolation == .stepAfter, i > 0, let last = points.last, last.y.isFinite, p.x.isFinite {
                points.append(Point(x: p.x, y: last.y))
            }
            points.append(p)
        }
        return points
    }

    /// See `Mark`. Vertices closer than a pixel are dropped, then straight runs merged.
    func render(in frame: PlotFrame) -> SVGNode {
        var path = PathData()
        for run in LineClipping.clip(vertices(in: frame), to: frame.area) {
            let points = PolylineThinning.withoutCollinear(PolylineThinning.thinned(run))
            path.move(points[0].x, points[0].y)
            for p in points.dropFirst() { path.line(p.x, p.y) }
        }
        var children: [SVGNode] = []
        if !path.isEmpty {
            children.append(
                .path(
                    path.string,
                    [style.classAttribute("plot-line"), SVGAttribute("fill", "none")]
                        + style.strokeAttributes + [SVGAttribute("stroke-linejoin", "round")]))
        }
        if showsPoints {
            for i in x.indices {
                let p = frame.point(x[i], y[i])
                guard p.x.isFinite, p.y.isFinite, frame.area.contains(p) else { continue }
                children.append(
                    .element(
                        "circle",
                        [
                            SVGAttribute("cx", p.x), SVGAttribute("cy", p.y),
                            SVGAttribute("r", style.lineWidth + 1), SVGAttribute("fill", style.color.hex),
                        ]))
            }
        }
        return children.count == 1 ? children[0] : .group(class: "plot-line-group", children)
    }

    /// See `Mark`.
    func footprint(in frame: PlotFrame) -> Footprint {
        var footprint = Footprint()
        for run in LineClipping.clip(vertices(in: frame), to: frame.area) { footprint.addPolyline(run) }
        if showsPoints {
            let r = style.lineWidth + 1
            for i in x.indices {
                let p = frame.point(x[i], y[i])
                if p.isFinite && frame.area.contains(p) { footprint.addArea(Rect(x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r)) }
            }
        }
        return footprint
    }
}
