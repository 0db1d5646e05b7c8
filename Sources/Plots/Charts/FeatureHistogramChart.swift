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

    /// All features in a grid of `columns`, one small panel each, with one shared title.
    public static func grid(
        _ features: [FeatureHistogramInput], columns: Int = 4,
        title: String? = "Feature distributions", panelSize: ChartSize = ChartSize(width: 280, height: 210)
    ) -> Figure {
        Figure(
            title: title,
            description:
                "Normalised distributions of \(features.count) features for signal (blue, filled) and background (vermillion, outlined).",
            panels: features.map { chart($0, title: $0.name, size: panelSize, compact: true) },
            columns: columns, panelSize: panelSize)
    }

    static func chart(_ feature: FeatureHistogramInput, title: String, size: ChartSize, compact: Bool = false) -> XYChart {
        let signal = SeriesStyle(color: Palette.signal, lineWidth: 1.4, fillOpacity: 0.3, cssClass: "plot-signal")
        let background = SeriesStyle(color: Palette.background, lineWidth: 1.6, cssClass: "plot-background")
        let edges = feature.signal.edges
        // Feature names are data, not markup: escape braces' meaning by not using RichText titles.
        return XYChart(
            title: title,
            description: "Normalised distribution of \(feature.name) for signal and background.",
            xAxis: Axis(
                label: plain(feature.name), unit: feature.unit.map(plain), range: edges[0]...edges[edges.count - 1],
                maxTickCount: compact ? 4 : 6),
            yAxis: Axis(label: compact ? "" : "1/N dN/dx", includesZero: true, headroom: 0.35, maxTickCount: compact ? 4 : 6),
            marks: [
                StepHistogramMark(feature.signal, normalized: true, style: signal, filled: true, label: "Signal"),
                StepHistogramMark(feature.background, normalized: true, style: background, filled: false, label: "Background"),
            ],
            size: size)
    }

    /// `text` with `_{` and `^{` defused, so a feature name is shown as written.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "_{", with: "_\u{200B}{").replacingOccurrences(of: "^{", with: "^\u{200B}{")
    }
}
