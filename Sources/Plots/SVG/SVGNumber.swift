/// Writing numbers into SVG with a fixed precision, so that the same data gives the same bytes.
///
/// Formatting goes through integer arithmetic, never through the platform's float printing, so
/// the output does not depend on the C library or the Swift version.
enum SVGNumber {
    /// `value` rounded to `decimals` places (half away from zero) with trailing zeros trimmed:
    /// `12.5`, `3`, `-0.25`. Negative zero is written `0`; a value that is not finite is written
    /// `0` (callers drop such values before drawing; this keeps the document valid if one slips
    /// through). `decimals` must be in `0...6`.
    static func format(_ value: Double, decimals: Int = 2) -> String {
        fixed(value, decimals: decimals, trimmingZeros: true)
    }

    /// `value` with exactly `decimals` places, for tick labels that should line up: `0.0`, `0.5`.
    /// `decimals` must be in `0...6`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        fixed(value, decimals: decimals, trimmingZeros: false)
    }

    private static let powers: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

    private static func fixed(_ value: Double, decimals: Int, trimmingZeros: Bool) -> String {
        precondition((0...6).contains(decimals), "SVGNumber supports 0 to 6 decimals")
        guard value.isFinite else { return "0" }
        let scale = powers[decimals]
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^53 doubles are integers anyway; clamp so the conversion cannot trap.
        let clamped = min(max(scaled, -9.0e15), 9.0e15)
        let integer = Int64(clamped)
        let magnitude = integer.magnitude
        let unit = UInt64(scale)
        let whole = magnitude / unit
        let fraction = magnitude % unit
        var out = integer < 0 ? "-" : ""
        out += String(whole)
        if decimals > 0 && !(trimmingZeros && fraction == 0) {
            var digits = String(fraction)
            digits = String(repeating: "0", count: decimals - digits.count) + digits
            if trimmingZeros {
                while digits.last == "0" { digits.removeLast() }
            }
            out += "." + digits
        }
        return out
    }
}
