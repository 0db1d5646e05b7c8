/// The best score so far over the competition: a step line over submission dates, each
/// submission a point, reference levels (the best baseline) as dashed lines.
public enum BestScoreTimelineChart {
    /// A chart of `scores` in submission order, `dates[i]` labelling submission `i` (shown
    /// as given, e.g. `2026-11-29`; only as many labels as fit are written). `higherIsBetter` picks the
    /// running maximum (AUC) or minimum (log loss). `references` are (label, value) levels.
    public static func make(
        dates: [String], scores: [Double], scoreLabel: String = "AUC",
        higherIsBetter: Bool = true, references: [(label: String, value: Double)] = [],
        title: String? = "Best score over time", size: ChartSize = .standard
    ) -> XYChart {
        precondition(dates.count == scores.count, "one date per score")
        let positions = dates.indices.map(Double.init)
        var best: [Double] = []
        for score in scores {
            guard let last = best.last, last.isFinite else { best.append(score); continue }
            best.append(score.isFinite ? (higherIsBetter ? max(last, score) : min(last, score)) : last)
        }
        var marks: [any Mark] = []
        let upperX = Double(max(dates.count - 1, 1))
        for (i, reference) in references.enumerated() {
            var style = ReferenceLineMark.defaultStyle
            style.color = i == 0 ? Palette.reference : Palette.color(at: 2 + i)
            marks.append(
                ReferenceLineMark.horizontal(reference.value, from: -0.5, to: upperX + 0.5, style: style, annotation: reference.label))
        }
        marks.append(
            ErrorBarMark(
                x: positions, y: scores, yErrors: scores.map { _ in 0 },
                style: SeriesStyle(color: Palette.skyBlue, cssClass: "plot-submissions"),
                label: "Submission", markerRadius: 2.4))
        marks.append(
            LineMark(
                x: positions + [upperX + 0.5], y: best + [best.last ?? .nan],
                style: SeriesStyle(color: Palette.blue, lineWidth: 2.2, cssClass: "plot-best"),
                label: "Best so far", interpolation: .stepAfter))
        // As many labels as fit side by side, judged by the longest date.
        let labelWidth = (dates.map { RichText($0).width(fontSize: Theme.fontSize) }.max() ?? 0) + 16
        let fitting = max(1, Int((size.width - 90) / max(labelWidth, 1)))
        let stride = max(1, (dates.count + fitting - 1) / fitting)
        let ticks = dates.indices.map { i in
            Tick(value: Double(i), label: i % stride == 0 ? dates[i] : nil, isMajor: i % stride == 0)
        }
        let values = scores + references.map(\.value)
        let description =
            dates.isEmpty
            ? "No submissions yet."
            : "Best \(scoreLabel) over \(dates.count) submissions from \(dates[0]) to \(dates[dates.count - 1]); best "
                + "\(SVGNumber.fixed(best.last ?? 0, decimals: 4))."
        let yScale = AxisScale.covering(values, kind: .linear, headroom: 0.25)
        return XYChart(
            title: title, description: description,
            xAxis: Axis(label: "Submission date", range: -0.5...(upperX + 0.5), showsGrid: false, customTicks: ticks),
            yAxis: Axis(label: scoreLabel, range: yScale.lower...yScale.upper),
            marks: marks, legend: higherIsBetter ? .bottomRight : .topRight, size: size)
    }
}
