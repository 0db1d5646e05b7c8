/// The ROC curve: signal efficiency against background efficiency, with the chance diagonal
/// and each curve's AUC in the legend.
public enum ROCChart {
    /// A chart of `curves` (an entry and the baselines it is compared with). Points closer than
    /// a pixel are dropped when drawn, so curves of any length stay small.
    public static func make(curves: [ROCSeries], title: String? = "ROC curve", size: ChartSize = .square) -> XYChart {
        let styles = ROCSeries.styles(curves)
        var marks: [any Mark] = [ReferenceLineMark.diagonal(label: "Chance (AUC = 0.5)")]
        for index in ROCSeries.drawingOrder(curves) {
            let curve = curves[index]
            marks.append(LineMark(x: curve.backgroundEfficiency, y: curve.signalEfficiency, style: styles[index], label: curve.legendLabel))
        }
        let names = curves.map(\.legendLabel).joined(separator: "; ")
        return XYChart(
            title: title,
            description: "ROC curve: signal efficiency against background efficiency for \(names), with the chance diagonal.",
            xAxis: Axis(label: "Background efficiency ε_{B}", range: 0...1, maxTickCount: 5),
            yAxis: Axis(label: "Signal efficiency ε_{S}", range: 0...1, maxTickCount: 5),
            marks: marks, legend: .bottomRight, size: size)
    }
}
