/// An axis-aligned rectangle in user units.
struct Rect: Sendable, Equatable {
    /// Left edge.
    var x: Double
    /// Top edge.
    var y: Double
    /// Width, non-negative.
    var width: Double
    /// Height, non-negative.
    var height: Double

    /// A rectangle.
    init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// Right edge.
    var maxX: Double { x + width }
    /// Bottom edge.
    var maxY: Double { y + height }

    /// Whether the two rectangles share any point, edges included.
    func intersects(_ other: Rect) -> Bool {
        x <= other.maxX && other.x <= maxX && y <= other.maxY && other.y <= maxY
    }

    /// Whether `other` lies wholly inside this rectangle.
    func contains(_ other: Rect) -> Bool {
        other.x >= x && other.maxX <= maxX && other.y >= y && other.maxY <= maxY
    }

    /// The rectangle grown by `margin` on every side (shrunk when negative).
    func outset(by margin: Double) -> Rect {
        Rect(x: x - margin, y: y - margin, width: width + 2 * margin, height: height + 2 * margin)
    }

    /// Whether `point` lies inside or on the edge.
    func contains(_ point: Point) -> Bool {
        point.x >= x && point.x <= maxX && point.y >= y && point.y <= maxY
    }
}
