import Foundation

/// "Nice" linear ticks: steps of 1, 2 or 5 times a power of ten.
enum NiceTicks {
    /// The smallest 1-2-5 step that covers `span` in at most `maxCount` intervals.
    /// `span` and `maxCount` must be positive; a zero span gets the step 1.
    static func step(span: Double, maxCount: Int) -> Double {
        precondition(maxCount > 0, "maxCount must be positive")
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(maxCount)
        let magnitude = pow(10, floor(log10(raw)))
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * magnitude >= raw * (1 - 1e-9) {
            return factor * magnitude
        }
        return 10 * magnitude
    }

    /// `lower...upper` widened outwards to multiples of a nice step with at most `maxCount`
    /// intervals. An empty range is widened around its value.
    static func niceRange(_ lower: Double, _ upper: Double, maxCount: Int = 6) -> ClosedRange<Double> {
        var (lo, hi) = (min(lower, upper), max(lower, upper))
        if hi - lo < 1e-12 * max(1, abs(hi)) {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            (lo, hi) = (lo - pad, hi + pad)
        }
        let s = step(span: hi - lo, maxCount: maxCount)
        let niceLo = floor(lo / s * (1 + 1e-12)) * s
        let niceHi = ceil(hi / s * (1 - 1e-12)) * s
        // Rounding outwards can add an interval; try the next step if it went over.
        if (niceHi - niceLo) / s > Double(maxCount) + 1e-9 {
            let s2 = step(span: (hi - lo) * 1.0001, maxCount: max(1, maxCount - 1))
            return (floor(lo / s2) * s2)...(ceil(hi / s2) * s2)
        }
        return niceLo...niceHi
    }

    /// Multiples of a nice step inside `lower...upper` (with a tolerance of a millionth of the
    /// step at either end), at most `maxCount + 1` of them.
    static func values(_ lower: Double, _ upper: Double, maxCount: Int = 6) -> [Double] {
        let s = step(span: upper - lower, maxCount: maxCount)
        let first = Int((lower / s - 1e-6).rounded(.up))
        let last = Int((upper / s + 1e-6).rounded(.down))
        guard first <= last else { return [] }
        // Multiply an integer by the step (no accumulation), then drop float dust.
        return (first...last).map { k in
            let v = Double(k) * s
            return abs(v) < s * 1e-9 ? 0 : v
        }
    }

    /// Decimal places that show every multiple of `step` exactly: 0 for 5, 1 for 0.2, 2 for 0.05.
    static func decimals(for step: Double) -> Int {
        guard step > 0, step.isFinite else { return 0 }
        return min(6, max(0, Int((-log10(step) - 1e-9).rounded(.up))))
    }

    /// Labelled major ticks for a linear axis over `lower...upper`.
    static func ticks(_ lower: Double, _ upper: Double, maxCount: Int = 6) -> [Tick] {
        let s = step(span: upper - lower, maxCount: maxCount)
        let d = decimals(for: s)
        return values(lower, upper, maxCount: maxCount).map {
            Tick(value: $0, label: SVGNumber.fixed($0, decimals: d), isMajor: true)
        }
    }
}
