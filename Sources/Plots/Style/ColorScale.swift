/// A map from numbers to colours for heat maps: linear interpolation through colour stops.
struct ColorScale: Sendable, Equatable {
    /// The value mapped to the first stop.
    var lower: Double
    /// The value mapped to the last stop.
    var upper: Double
    /// Colours evenly spaced from `lower` to `upper`; at least two.
    var stops: [Color]

    /// A scale over `lower...upper` through `stops`.
    init(lower: Double, upper: Double, stops: [Color]) {
        precondition(stops.count >= 2 && upper > lower, "a colour scale needs two stops and a non-empty range")
        self.lower = lower
        self.upper = upper
        self.stops = stops
    }

    /// White to Okabe–Ito blue, for counts and rates (`0…1` by default).
    static func sequential(lower: Double = 0, upper: Double = 1) -> ColorScale {
        ColorScale(
            lower: lower, upper: upper, stops: [Color(hex: 0xFFFFFF), Color(hex: 0x9ECAE1), Color(hex: 0x3182BD), Color(hex: 0x08306B)])
    }

    /// Blue through white to red, for correlations (`-1…1` by default): ColorBrewer's RdBu,
    /// which stays readable with red–green colour blindness.
    static func diverging(lower: Double = -1, upper: Double = 1) -> ColorScale {
        ColorScale(
            lower: lower, upper: upper,
            stops: [
                Color(hex: 0x2166AC), Color(hex: 0x67A9CF), Color(hex: 0xD1E5F0), Color(hex: 0xF7F7F7),
                Color(hex: 0xFDDBC7), Color(hex: 0xEF8A62), Color(hex: 0xB2182B),
            ])
    }

    /// The colour of `value`, clamped to the range; a value that is not finite is grey.
    func color(for value: Double) -> Color {
        guard value.isFinite else { return Color(hex: 0xBDBDBD) }
        let t = min(max((value - lower) / (upper - lower), 0), 1) * Double(stops.count - 1)
        let index = min(Int(t), stops.count - 2)
        return stops[index].mixed(with: stops[index + 1], by: t - Double(index))
    }
}
