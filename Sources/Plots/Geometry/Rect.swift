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

    /// Whether `point` lies inside or on the edge.
    func contains(_ point: Point) -> Bool {
        point.x >= x && point.x <= maxX && point.y >= y && point.y <= maxY
    }
}
