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
        // Empty relative to the values themselves: a span of 1e-16 around 1e-15 (the density
        // of a feature spread over 10^15 units) is a range to show, not a point.
        if hi - lo <= 1e-12 * max(abs(lo), abs(hi)) {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            (lo, hi) = (lo - pad, hi + pad)
        }
        let s = step(span: hi - lo, maxCount: maxCount)
        let niceLo = floor(lo / s * (1 + 1e-12)) * s
        let niceHi = ceil(hi / s * (1 - 1e-12)) * s
        // Rounding outwards can add an interval; try the next step if it went over.
        if (niceHi - niceLo) / s > Double(maxCount) + 1e-9 {
            let s2 = step(span: (hi - lo) * 1.0001, maxCount: max(1, maxCount - 1))
            return min(floor(lo / s2) * s2, lo)...max(ceil(hi / s2) * s2, hi)
        }
        // A multiple of the step can land an ulp inside the data (228 × 0.005 is
        // 1.1400000000000001): the range still covers it, or a point on the edge is lost.
        return min(niceLo, lo)...max(niceHi, hi)
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
        let values = values(lower, upper, maxCount: maxCount)
        let labels = labels(values, step: s)
        return zip(values, labels).map { Tick(value: $0, label: $1, isMajor: true) }
    }

    /// Tick labels for `values`, multiples of `step`: fixed decimals (`0.25`, `1500`), or, when
    /// those would need more than four decimals or seven digits, a mantissa times a power of ten
    /// shared by all (`2.5×10^{-5}`, `3.02×10^{17}`), so labels stay short, distinct and true.
    static func labels(_ values: [Double], step: Double) -> [String] {
        let largest = values.map(abs).max() ?? 0
        guard largest > 0, step < 1e-4 || largest >= 1e6 else {
            return values.map { SVGNumber.fixed($0, decimals: decimals(for: step)) }
        }
        let exponent = Int(floor(log10(largest)))
        let power = pow(10, Double(exponent))
        let d = decimals(for: step / power)
        return values.map { $0 == 0 ? "0" : SVGNumber.fixed($0 / power, decimals: d) + "×10^{\(exponent)}" }
    }
}
