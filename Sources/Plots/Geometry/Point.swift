/// A point in user units (pixels of the SVG's coordinate system, y down).
public struct Point: Sendable, Equatable {
    /// Horizontal position.
    var x: Double
    /// Vertical position, growing downwards.
    var y: Double

    /// A point.
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }

    /// Whether both coordinates are finite (a point a log scale cannot show is not).
    var isFinite: Bool { x.isFinite && y.isFinite }
}
