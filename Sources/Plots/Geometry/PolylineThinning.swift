/// Dropping points of a polyline that the eye cannot see, so large curves stay small files.
enum PolylineThinning {
    /// `points` without those closer than `minimumDistance` (user units) to the last point
    /// kept. The first and last points are always kept. O(n).
    ///
    /// With `minimumDistance` of one pixel the drawn curve moves by less than a pixel.
    static func thinned(_ points: [Point], minimumDistance: Double = 1) -> [Point] {
        guard points.count > 2 else { return points }
        let limit = minimumDistance * minimumDistance
        var kept: [Point] = [points[0]]
        kept.reserveCapacity(points.count)
        for point in points.dropFirst().dropLast() {
            let last = kept[kept.count - 1]
            let dx = point.x - last.x, dy = point.y - last.y
            if dx * dx + dy * dy >= limit { kept.append(point) }
        }
        let end = points[points.count - 1]
        if let last = kept.last, kept.count > 1 {
            let dx = end.x - last.x, dy = end.y - last.y
            // Replace the last kept point rather than keep two points a hair apart.
            if dx * dx + dy * dy < limit { kept.removeLast() }
        }
        kept.append(end)
        return kept
    }

    /// `points` with interior points removed where the path runs straight on (collinear within
    /// `tolerance` user units), as in the long flat runs of a ROC curve's staircase. O(n).
    static func withoutCollinear(_ points: [Point], tolerance: Double = 0.05) -> [Point] {
        guard points.count > 2 else { return points }
        var kept: [Point] = [points[0]]
        for i in 1..<(points.count - 1) {
            let a = kept[kept.count - 1], b = points[i], c = points[i + 1]
            let cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
            let length = ((c.x - a.x) * (c.x - a.x) + (c.y - a.y) * (c.y - a.y)).squareRoot()
            let dot = (b.x - a.x) * (c.x - b.x) + (b.y - a.y) * (c.y - b.y)
            // Keep b if it bends the path, or if the path turns back on itself there.
            if length == 0 || abs(cross) / length > tolerance || dot < 0 { kept.append(b) }
        }
        kept.append(points[points.count - 1])
        return kept
    }
}
