/// The best score so far over the competition: a step line over submission times, to scale,
/// each submission a point, reference levels (the best baseline) as dashed lines.
public enum BestScoreTimelineChart {
    /// A chart of `scores` submitted at `times` (seconds since 1970, UTC; finite; any order,
    /// drawn in time order with ties kept as given). `higherIsBetter` picks the running maximum
    /// (AUC, axis within 0…1) or minimum (log loss, axis from 0 up). `references` are
    /// (label, value) levels.
    public static func make(
        times: [Double], scores: [Double], scoreLabel: String = "AUC",
        higherIsBetter: Bool = true, references: [(label: String, value: Double)] = [],
        title: String? = "Best score over time", size: ChartSize = .standard
    ) -> XYChart {
        precondition(times.count == scores.count, "one time per score")
        precondition(times.allSatisfy(\.isFinite), "submission times must be finite")
        let order = times.indices.sorted { (times[$0], $0) < (times[$1], $1) }
        let (times, scores) = (order.map { times[$0] }, order.map { scores[$0] })
        var best: [Double] = []
        for score in scores {
            guard let last = best.last, last.isFinite else { best.append(score); continue }
            best.append(score.isFinite ? (higherIsBetter ? max(last, score) : min(last, score)) : last)
        }
        let range = timeRange(times)
        var marks: [any Mark] = []
        for (i, reference) in references.enumerated() {
            var style = ReferenceLineMark.defaultStyle
            style.color = i == 0 ? Palette.reference : Palette.color(at: 2 + i)
            marks.append(
                ReferenceLineMark.horizontal(
                    reference.value, from: range.lowerBound, to: range.upperBound, style: style, label: reference.label))
        }
        marks.append(
            ErrorBarMark(
                x: times, y: scores, yErrors: scores.map { _ in 0 },
                style: SeriesStyle(color: Palette.skyBlue, cssClass: "plot-submissions"),
                label: "Submission", markerRadius: 2.4))
        marks.append(
            LineMark(
                x: times + [range.upperBound], y: best + [best.last ?? .nan],
                style: SeriesStyle(color: Palette.blue, lineWidth: 2.2, cssClass: "plot-best"),
                label: "Best so far", interpolation: .stepAfter))
        // The plot area is the chart less its margins (the y labels and the frame's right side).
        let ticks =
            times.isEmpty
            ? TimeTicks.Result(ticks: [], step: nil, context: nil)
            : TimeTicks.ticks(range.lowerBound, range.upperBound, axisLength: size.width - 90)
        let xLabel = "Submission time (UTC)" + (ticks.context.map { ", " + $0 } ?? "")
        // Reference levels count for the range, though their lines do not stretch it.
        let values = scores + references.map(\.value)
        var yAxis = Axis(label: scoreLabel, headroom: 0.25, limits: higherIsBetter ? 0...1 : 0...Double.infinity)
        let yScale = yAxis.scale(covering: values)
        yAxis.range = yScale.lower...yScale.upper
        return XYChart(
            title: title, description: description(times: times, best: best, scoreLabel: scoreLabel),
            xAxis: Axis(label: xLabel, range: range, showsGrid: false, customTicks: ticks.ticks),
            yAxis: yAxis,
            marks: marks, legend: higherIsBetter ? .bottomRight : .topRight, size: size)
    }

    /// First to last time with 4 % of the span either side; an hour either side of a single
    /// instant; an arbitrary unit when there are no times (the axis then has no ticks).
    static func timeRange(_ sortedTimes: [Double]) -> ClosedRange<Double> {
        guard let first = sortedTimes.first, let last = sortedTimes.last else { return 0...1 }
        let margin = last > first ? (last - first) * 0.04 : 3600
        return (first - margin)...(last + margin)
    }

    /// The chart in words: how many submissions, between which dates (ISO 8601, with the times
    /// when all fall on one day), and the best score reached.
    static func description(times: [Double], best: [Double], scoreLabel: String) -> String {
        guard let first = times.first.map(UTCTime.init(seconds:)), let last = times.last.map(UTCTime.init(seconds:)) else {
            return "No submissions yet."
        }
        let when =
            times.count == 1
            ? "1 submission on \(first.isoDate) at \(first.clock) UTC"
            : first.dayNumber == last.dayNumber
                ? "\(times.count) submissions on \(first.isoDate) between \(first.clock) and \(last.clock) UTC"
                : "\(times.count) submissions from \(first.isoDate) to \(last.isoDate)"
        return "Best \(scoreLabel) over \(when); best \(SVGNumber.fixed(best.last ?? 0, decimals: 4))."
    }
}
