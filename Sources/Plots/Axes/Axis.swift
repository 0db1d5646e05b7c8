/// What an axis shows: its label and unit, scale kind, range and ticks.
struct Axis: Sendable, Equatable {
    /// The quantity, with `_{…}`/`^{…}` for scripts: `"Signal efficiency ε_{S}"`.
    var label: String
    /// The unit, written in brackets after the label (`"p_{T} [GeV]"`), or nil.
    var unit: String?
    /// Linear or logarithmic.
    var kind: AxisScale.Kind
    /// A fixed range, or nil to cover the data with nice bounds.
    var range: ClosedRange<Double>?
    /// Whether an automatic linear range includes 0.
    var includesZero: Bool
    /// Room above the data for a legend, as a fraction of the span (linear) or of the decades (log).
    var headroom: Double
    /// Whether major ticks get grid lines.
    var showsGrid: Bool
    /// Ticks to use instead of computed ones (e.g. dates at ordinal positions), or nil.
    var customTicks: [Tick]?
    /// The most intervals between linear ticks.
    var maxTickCount: Int
    /// The values the quantity can take (`0...1` for an AUC, `0...infinity` for a loss), or
    /// nil: an automatic range is cut back to them, so it never runs past what can be.
    var limits: ClosedRange<Double>?

    /// An axis. See the properties for the meaning of each argument.
    init(
        label: String, unit: String? = nil, kind: AxisScale.Kind = .linear, range: ClosedRange<Double>? = nil,
        includesZero: Bool = false, headroom: Double = 0, showsGrid: Bool = true,
        customTicks: [Tick]? = nil, maxTickCount: Int = 6, limits: ClosedRange<Double>? = nil
    ) {
        self.label = label
        self.unit = unit
        self.kind = kind
        self.range = range
        self.includesZero = includesZero
        self.headroom = headroom
        self.showsGrid = showsGrid
        self.customTicks = customTicks
        self.maxTickCount = maxTickCount
        self.limits = limits
    }

    /// The label as written: `label [unit]`.
    var title: String {
        guard let unit, !unit.isEmpty else { return label }
        return label + " [" + unit + "]"
    }

    /// The scale for data covering `values`: the fixed range, or nice bounds around the data
    /// cut back to `limits` (unless that leaves nothing, for data outside them).
    func scale(covering values: [Double]) -> AxisScale {
        if let range {
            return kind == .linear ? .linear(range.lowerBound, range.upperBound) : .logarithmic(range.lowerBound, range.upperBound)
        }
        let nice = AxisScale.covering(values, kind: kind, includingZero: includesZero, headroom: headroom, maxCount: maxTickCount)
        guard let limits else { return nice }
        let lower = max(nice.lower, limits.lowerBound), upper = min(nice.upper, limits.upperBound)
        guard upper > lower, kind == .linear || lower > 0 else { return nice }
        return AxisScale(kind: kind, lower: lower, upper: upper)
    }

    /// The ticks to draw on `scale`.
    func ticks(on scale: AxisScale) -> [Tick] {
        let all = customTicks ?? scale.ticks(maxCount: maxTickCount)
        return all.filter { tick in
            let f = scale.fraction(tick.value)
            return f.isFinite && f >= -1e-9 && f <= 1 + 1e-9
        }
    }
}
