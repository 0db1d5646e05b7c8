/// Background rejection 1/ε_B against signal efficiency on a logarithmic y axis, the way
/// particle physicists compare taggers.
public enum RejectionChart {
    /// A chart of `curves`. Points with ε_B = 0 (infinite rejection) are left out, as are those
    /// with ε_S below `minimumSignalEfficiency`, where a handful of events sets the rejection.
    /// The random classifier (1/ε_B = 1/ε_S) is drawn for reference.
    public static func make(
        curves: [ROCSeries], title: String? = "Background rejection",
        minimumSignalEfficiency: Double = 0.05, size: ChartSize = .standard
    ) -> XYChart {
        let styles = ROCSeries.styles(curves)
        let randomX = stride(from: minimumSignalEfficiency, through: 1, by: 0.01).map { $0 }
        var marks: [any Mark] = [
            LineMark(x: randomX, y: randomX.map { 1 / $0 }, style: ReferenceLineMark.defaultStyle, label: "Random")
        ]
        for index in ROCSeries.drawingOrder(curves) {
            let curve = curves[index]
            var x: [Double] = [], y: [Double] = []
            for (fpr, tpr) in zip(curve.backgroundEfficiency, curve.signalEfficiency)
            where fpr > 0 && tpr >= minimumSignalEfficiency && fpr.isFinite && tpr.isFinite {
                x.append(tpr)
                y.append(1 / fpr)
            }
            marks.append(LineMark(x: x, y: y, style: styles[index], label: curve.legendLabel))
        }
        let names = curves.map(\.name).joined(separator: "; ")
        return XYChart(
            title: title,
            description: "Background rejection (one over background efficiency, log scale) against signal efficiency for \(names).",
            xAxis: Axis(label: "Signal efficiency ε_{S}", range: 0...1, maxTickCount: 5),
            yAxis: Axis(label: "Background rejection 1/ε_{B}", kind: .logarithmic, headroom: 0.15),
            marks: marks, legend: .topRight, size: size)
    }
}
