/// Clipping polylines to a rectangle in code, so charts need no `<clipPath>` (whose ids would
/// collide when several charts are inlined in one page).
enum LineClipping {
    /// The parts of the polyline `points` inside `rect`, as separate runs. Points that are not
    /// finite break the line. Uses Liang–Barsky on each segment.
    static func clip(_ points: [Point], to rect: Rect) -> [[Point]] {
        var runs: [[Point]] = []
        var current: [Point] = []
        func finish() {
            if current.count > 1 { runs.append(current) }
            current = []
        }
        for i in 0..<max(0, points.count - 1) {
            let a = points[i], b = points[i + 1]
            guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite,
                let (p, q) = clipSegment(a, b, to: rect)
            else {
                finish()
                continue
            }
            if let last = current.last, last == p {
                current.append(q)
            } else {
                finish()
                current = [p, q]
            }
            // The segment left the rectangle: the next one starts a new run.
            if q != b { finish() }
        }
        finish()
        return runs
    }

    /// The part of segment `a`–`b` inside `rect`, or nil.
    static func clipSegment(_ a: Point, _ b: Point, to rect: Rect) -> (Point, Point)? {
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        let checks: [(Double, Double)] = [(-dx, a.x - rect.x), (dx, rect.maxX - a.x), (-dy, a.y - rect.y), (dy, rect.maxY - a.y)]
        for (p, q) in checks {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 {
                    if r > t1 { return nil }
                    if r > t0 { t0 = r }
                } else {
                    if r < t0 { return nil }
                    if r < t1 { t1 = r }
                }
            }
        }
        let start = t0 == 0 ? a : Point(x: a.x + t0 * dx, y: a.y + t0 * dy)
        let end = t1 == 1 ? b : Point(x: a.x + t1 * dx, y: a.y + t1 * dy)
        return (start, end)
    }
}
