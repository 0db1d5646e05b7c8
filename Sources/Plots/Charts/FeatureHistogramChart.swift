import Foundation

/// One feature's distribution for signal and background, both normalised to unit area.
public struct FeatureHistogramInput: Sendable, Equatable {
    /// The feature's name (plain text; `_` is not markup).
    public var name: String
    /// Its unit, or nil.
    public var unit: String?
    /// Signal events, binned.
    public var signal: Histogram
    /// Background events, binned on the same edges.
    public var background: Histogram

    /// An input; both histograms should share their edges.
    public init(name: String, unit: String? = nil, signal: Histogram, background: Histogram) {
        self.name = name
        self.unit = unit
        self.signal = signal
        self.background = background
    }

    /// Bins `signal` and `background` values on shared edges from the smallest value to the
    /// `upperQuantile` of both together, so a long tail does not squash the bulk; values above
    /// are not counted. Non-finite values are ignored. O(n log n).
    public init(
        name: String, unit: String? = nil, signalValues: [Double], backgroundValues: [Double],
        bins: Int = 40, upperQuantile: Double = 0.995
    ) {
        let all = (signalValues + backgroundValues).filter(\.isFinite).sorted()
        var range = 0.0...1.0
        if let lo = all.first {
            let hi = all[min(all.count - 1, Int((Double(all.count - 1) * upperQuantile).rounded()))]
            range = hi > lo ? lo...hi : (lo - 0.5)...(lo + 0.5)
        }
        self.init(
            name: name, unit: unit, signal: Histogram(values: signalValues, bins: bins, range: range),
            background: Histogram(values: backgroundValues, bins: bins, range: range))
    }
}

/// Histograms of input features, signal over background: the first plot of the notebook.
public enum FeatureHistogramChart {
    /// One feature's chart.
    public static func make(_ feature: FeatureHistogramInput, size: ChartSize = .standard) -> XYChart {
        chart(feature, title: feature.name, size: size)
    }

    /// One small chart per feature, to be set in a grid that wraps with the page's width (small
    /// multiples): the feature's name as the title, no axis titles and no legend; `legend()` is
    /// the one legend they share.
    public static func panels(_ features: [FeatureHistogramInput], size: ChartSize = .panel) -> [XYChart] {
        features.map { chart($0, title: $0.name, size: size, compact: true) }
    }

    /// The legend the panels share.
    public static func legend() -> LegendChart {
        LegendChart(
            entries: [
                LegendEntry(label: "Signal", swatch: .filled(signalStyle)),
                LegendEntry(label: "Background", swatch: .line(backgroundStyle)),
            ],
            description: "Legend of the feature distributions: signal filled, background outlined; each normalised to unit area.")
    }

    static let signalStyle = SeriesStyle(color: Palette.signal, lineWidth: 1.4, fillOpacity: 0.3, cssClass: "plot-signal")
    static let backgroundStyle = SeriesStyle(color: Palette.background, lineWidth: 1.6, cssClass: "plot-background")

    static func chart(_ feature: FeatureHistogramInput, title: String, size: ChartSize, compact: Bool = false) -> XYChart {
        let edges = feature.signal.edges
        // Feature names are data, not markup: escape braces' meaning by not using RichText titles.
        return XYChart(
            title: title,
            description: "Normalised distribution of \(feature.name) for signal and background.",
            xAxis: Axis(
                label: compact ? "" : RichText.defused(feature.name), unit: compact ? nil : feature.unit.map(RichText.defused),
                range: edges[0]...edges[edges.count - 1], maxTickCount: compact ? 5 : 6),
            yAxis: Axis(label: compact ? "" : "1/N dN/dx", includesZero: true, headroom: 0.35, maxTickCount: compact ? 3 : 6),
            marks: [
                StepHistogramMark(feature.signal, normalized: true, style: signalStyle, filled: true, label: "Signal"),
                StepHistogramMark(feature.background, normalized: true, style: backgroundStyle, filled: false, label: "Background"),
            ],
            legend: compact ? .hidden : .automatic, size: size, titleSize: compact ? Theme.fontSize : Theme.titleSize)
    }
}
