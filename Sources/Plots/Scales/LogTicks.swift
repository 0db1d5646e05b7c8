import Foundation

/// Ticks for a logarithmic axis: a major tick at each decade, minor ticks at 2…9 times it.
enum LogTicks {
    /// `lower...upper` (both positive) widened outwards to whole decades.
    static func decadeRange(_ lower: Double, _ upper: Double) -> ClosedRange<Double> {
        precondition(lower > 0 && upper > 0, "a log axis needs positive bounds")
        let lo = floor(log10(min(lower, upper)) + 1e-9)
        var hi = ceil(log10(max(lower, upper)) - 1e-9)
        if hi <= lo { hi = lo + 1 }
        return pow(10, lo)...pow(10, hi)
    }

    /// The ticks inside `lower...upper` (both positive). Decades are labelled `1`, `10`, `0.01`
    /// when every labelled decade lies within 10^-2…10^3, and `10^{k}` otherwise. With more
    /// than `maxMajor` decades only every n-th is labelled, and minor ticks are dropped.
    static func ticks(_ lower: Double, _ upper: Double, maxMajor: Int = 8) -> [Tick] {
        precondition(lower > 0 && upper >= lower, "a log axis needs positive bounds")
        let first = Int(floor(log10(lower) + 1e-9))
        let last = Int(ceil(log10(upper) - 1e-9))
        let decades = max(1, last - first)
        let stride = (decades + maxMajor - 1) / maxMajor
        let plain = (first...last).allSatisfy { (-2...3).contains($0) }
        var ticks: [Tick] = []
        for exponent in first...last {
            let decade = pow(10, Double(exponent))
            if decade >= lower * (1 - 1e-9) && decade <= upper * (1 + 1e-9) {
                let labelled = ((exponent - first) % stride) == 0
                ticks.append(Tick(value: decade, label: labelled ? label(exponent: exponent, plain: plain) : nil, isMajor: true))
            }
            if stride == 1 {
                for m in 2...9 {
                    let v = Double(m) * decade
                    if v > lower * (1 + 1e-9) && v < upper * (1 - 1e-9) {
                        ticks.append(Tick(value: v, label: nil, isMajor: false))
                    }
                }
            }
        }
        return ticks
    }

    /// `1000` or `10^{3}`.
    static func label(exponent: Int, plain: Bool) -> String {
        if plain {
            return SVGNumber.fixed(pow(10, Double(exponent)), decimals: max(0, -exponent))
        }
        return "10^{\(exponent)}"
    }
}
