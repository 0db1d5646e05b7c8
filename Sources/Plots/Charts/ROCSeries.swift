/// One classifier's ROC curve as plain arrays, for the ROC and rejection charts.
public struct ROCSeries: Sendable, Equatable {
    /// The legend name (a team's entry or a baseline); plain text, escaped.
    public var name: String
    /// Background efficiency ε_B (false positive rate) at each point, 0…1.
    public var backgroundEfficiency: [Double]
    /// Signal efficiency ε_S (true positive rate) at each point, 0…1.
    public var signalEfficiency: [Double]
    /// The area under the curve, shown in the legend, or nil.
    public var auc: Double?
    /// Baselines are drawn thinner and dashed, behind the entries.
    public var isBaseline: Bool

    /// A curve; the two arrays must have the same length, ordered along the curve.
    public init(name: String, backgroundEfficiency: [Double], signalEfficiency: [Double], auc: Double? = nil, isBaseline: Bool = false) {
        precondition(backgroundEfficiency.count == signalEfficiency.count, "a ROC curve needs as many ε_B as ε_S values")
        self.name = name
        self.backgroundEfficiency = backgroundEfficiency
        self.signalEfficiency = signalEfficiency
        self.auc = auc
        self.isBaseline = isBaseline
    }

    /// The legend label: `name (AUC = 0.8412)`.
    var legendLabel: String {
        guard let auc else { return name }
        return name + " (AUC = " + SVGNumber.fixed(auc, decimals: 4) + ")"
    }

    /// Styles for `series` in order: entries solid and thick, baselines dashed and thin; each
    /// series its own palette colour.
    static func styles(_ series: [ROCSeries]) -> [SeriesStyle] {
        let dashes: [SeriesStyle.Dash] = [.dashed, .dotted, .dashDot]
        var baselineCount = 0
        return series.enumerated().map { index, curve in
            var style = SeriesStyle.series(index)
            if curve.isBaseline {
                style.lineWidth = 1.5
                style.dash = dashes[baselineCount % dashes.count]
                style.cssClass += " plot-baseline"
                baselineCount += 1
            } else {
                style.lineWidth = 2.2
            }
            return style
        }
    }

    /// Baselines first, so entries are drawn on top; indices kept for colours.
    static func drawingOrder(_ series: [ROCSeries]) -> [Int] {
        series.indices.filter { series[$0].isBaseline } + series.indices.filter { !series[$0].isBaseline }
    }
}
