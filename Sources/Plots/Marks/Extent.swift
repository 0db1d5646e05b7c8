/// The data a mark covers, so a chart can pick its axes' ranges.
struct Extent: Sendable, Equatable {
    /// Horizontal values to cover.
    var xValues: [Double]
    /// Vertical values to cover.
    var yValues: [Double]

    /// An extent covering the given values (only the minimum and maximum matter, and on a
    /// log axis the smallest positive value).
    init(xValues: [Double] = [], yValues: [Double] = []) {
        self.xValues = Extent.summary(xValues)
        self.yValues = Extent.summary(yValues)
    }

    /// Minimum, maximum and smallest positive of the finite values: all a scale needs.
    static func summary(_ values: [Double]) -> [Double] {
        let finite = values.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return [] }
        var out = [lo, hi]
        if lo <= 0, let positive = finite.filter({ $0 > 0 }).min() { out.append(positive) }
        return out
    }
}
