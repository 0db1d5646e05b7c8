/// The classifier's output for signal and background: test scores as filled histograms,
/// training scores as points with error bars, the overtraining check.
public enum ScoreDistributionChart {
    /// A chart of normalised histograms (all on the same bins, so they overlay). The KS
    /// probabilities (signal, background), when given, go into the training series' legend lines.
    public static func make(
        signalTest: Histogram, backgroundTest: Histogram,
        signalTrain: Histogram? = nil, backgroundTrain: Histogram? = nil,
        ksProbabilitySignal: Double? = nil, ksProbabilityBackground: Double? = nil,
        title: String? = "Score distributions", xLabel: String = "Classifier output",
        size: ChartSize = .standard
    ) -> XYChart {
        var signal = SeriesStyle(color: Palette.signal, lineWidth: 1.5, fillOpacity: 0.3, cssClass: "plot-signal")
        var background = SeriesStyle(color: Palette.background, lineWidth: 1.5, fillOpacity: 0.3, cssClass: "plot-background")
        var marks: [any Mark] = [
            StepHistogramMark(backgroundTest, normalized: true, style: background, filled: true, label: "Background (test)"),
            StepHistogramMark(signalTest, normalized: true, style: signal, filled: true, label: "Signal (test)"),
        ]
        signal.lineWidth = 1.4
        background.lineWidth = 1.4
        func trainLabel(_ name: String, _ ks: Double?) -> String {
            guard let ks else { return name + " (train)" }
            return name + " (train), KS p = " + SVGNumber.fixed(ks, decimals: 3)
        }
        if let backgroundTrain {
            marks.append(
                ErrorBarMark(backgroundTrain, normalized: true, style: background, label: trainLabel("Background", ksProbabilityBackground))
            )
        }
        if let signalTrain {
            marks.append(ErrorBarMark(signalTrain, normalized: true, style: signal, label: trainLabel("Signal", ksProbabilitySignal)))
        }
        var description = "Normalised distributions of the classifier output for signal and background test events"
        description += signalTrain == nil && backgroundTrain == nil ? "." : ", with training events as points."
        return XYChart(
            title: title, description: description,
            xAxis: Axis(label: xLabel, range: signalTest.edges[0]...signalTest.edges[signalTest.edges.count - 1]),
            yAxis: Axis(label: "1/N dN/dx", includesZero: true, headroom: 0.4),
            marks: marks, legend: .automatic, size: size)
    }
}
