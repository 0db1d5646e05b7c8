/// The plotting area of a chart: a rectangle in user units and the two scales that map data
/// into it.
struct PlotFrame: Sendable, Equatable {
    /// The area inside the axes.
    var area: Rect
    /// Horizontal scale.
    var xScale: AxisScale
    /// Vertical scale.
    var yScale: AxisScale

    /// A frame.
    init(area: Rect, xScale: AxisScale, yScale: AxisScale) {
        self.area = area
        self.xScale = xScale
        self.yScale = yScale
    }

    /// The horizontal position of data value `x`.
    func px(_ x: Double) -> Double {
        area.x + xScale.fraction(x) * area.width
    }

    /// The vertical position of data value `y` (larger values higher up).
    func py(_ y: Double) -> Double {
        area.maxY - yScale.fraction(y) * area.height
    }

    /// The position of data point (`x`, `y`); not finite when a coordinate cannot be shown
    /// (e.g. ≤ 0 on a log scale).
    func point(_ x: Double, _ y: Double) -> Point {
        Point(x: px(x), y: py(y))
    }

    /// The vertical position of the bottom of bars: 0 on a linear scale (clamped to the
    /// area), the bottom edge on a log scale.
    var baselineY: Double {
        switch yScale.kind {
        case .linear: return min(max(py(0), area.y), area.maxY)
        case .logarithmic: return area.maxY
        }
    }
}
