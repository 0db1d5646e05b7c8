/// Where a mark puts ink, in user units: line segments and filled rectangles. A chart lays its
/// legend only where no mark's footprint reaches, so the legend never hides data.
struct Footprint: Sendable {
    /// Straight pieces of lines, outlines and bars.
    var segments: [(Point, Point)] = []
    /// Filled regions: a filled histogram's bins, point markers, a text's box.
    var areas: [Rect] = []

    /// Nothing drawn.
    init() {}

    /// Adds the segments joining consecutive `points`; points that are not finite break the line.
    mutating func addPolyline(_ points: [Point]) {
        for (a, b) in zip(points, points.dropFirst()) where a.isFinite && b.isFinite {
            segments.append((a, b))
        }
    }

    /// Adds `rect` if its corners are finite.
    mutating func addArea(_ rect: Rect) {
        if rect.x.isFinite && rect.y.isFinite && rect.width.isFinite && rect.height.isFinite { areas.append(rect) }
    }

    /// Both footprints together.
    static func + (lhs: Footprint, rhs: Footprint) -> Footprint {
        var out = lhs
        out.segments += rhs.segments
        out.areas += rhs.areas
        return out
    }

    /// Whether any segment or area reaches into `rect` (edges included).
    func meets(_ rect: Rect) -> Bool {
        areas.contains { $0.intersects(rect) } || segments.contains { LineClipping.clipSegment($0.0, $0.1, to: rect) != nil }
    }
}
