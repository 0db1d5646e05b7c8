import Foundation

/// The map from data values to a fraction (0 at the lower bound, 1 at the upper) along an axis.
struct AxisScale: Sendable, Equatable {
    /// Linear or logarithmic.
    enum Kind: Sendable, Equatable {
        /// Equal distances for equal differences.
        case linear
        /// Equal distances for equal ratios; bounds must be positive.
        case logarithmic
    }

    /// The scale's kind.
    let kind: Kind
    /// The value at fraction 0.
    let lower: Double
    /// The value at fraction 1.
    let upper: Double

    /// A linear scale over `lower...upper` (`upper > lower`).
    static func linear(_ lower: Double, _ upper: Double) -> AxisScale {
        precondition(upper > lower, "an axis needs upper > lower")
        return AxisScale(kind: .linear, lower: lower, upper: upper)
    }

    /// A logarithmic scale over `lower...upper` (`0 < lower < upper`).
    static func logarithmic(_ lower: Double, _ upper: Double) -> AxisScale {
        precondition(lower > 0 && upper > lower, "a log axis needs 0 < lower < upper")
        return AxisScale(kind: .logarithmic, lower: lower, upper: upper)
    }

    /// Where `value` falls, as a fraction of the axis; outside 0…1 when outside the bounds.
    /// On a log scale a value ≤ 0 maps to `-infinity`.
    func fraction(_ value: Double) -> Double {
        switch kind {
        case .linear:
            return (value - lower) / (upper - lower)
        case .logarithmic:
            guard value > 0 else { return -.infinity }
            return (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        }
    }

    /// The axis's ticks: nice 1-2-5 ticks on a linear scale, decades and minor ticks on a log scale.
    func ticks(maxCount: Int = 6) -> [Tick] {
        switch kind {
        case .linear: return NiceTicks.ticks(lower, upper, maxCount: maxCount)
        case .logarithmic: return LogTicks.ticks(lower, upper)
        }
    }

    /// A scale that covers `values` (non-finite values, and on a log scale non-positive ones,
    /// ignored) with nice bounds: 1-2-5 multiples, or whole decades. `includingZero` keeps 0
    /// in a linear range; `headroom` adds that fraction of the span (linear) or of the decades
    /// (log) above the data, for a legend. With no usable values the range is 0…1 (1…10 on a log scale).
    static func covering(
        _ values: [Double], kind: Kind, includingZero: Bool = false,
        headroom: Double = 0, maxCount: Int = 6
    ) -> AxisScale {
        switch kind {
        case .linear:
            var finite = values.filter(\.isFinite)
            if includingZero { finite.append(0) }
            guard let lo = finite.min(), let hi = finite.max() else { return .linear(0, 1) }
            let top = hi + (hi - lo) * headroom
            let range = NiceTicks.niceRange(lo, top, maxCount: maxCount)
            return .linear(range.lowerBound, range.upperBound)
        case .logarithmic:
            let positive = values.filter { $0.isFinite && $0 > 0 }
            guard let lo = positive.min(), let hi = positive.max() else { return .logarithmic(1, 10) }
            let top = hi * pow(hi / lo, headroom)
            let range = LogTicks.decadeRange(lo, top)
            return .logarithmic(range.lowerBound, range.upperBound)
        }
    }
}
