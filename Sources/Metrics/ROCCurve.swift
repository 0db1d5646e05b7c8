/// The receiver operating characteristic curve exactly as scikit-learn's
/// `roc_curve(y_true, y_score)` returns it with its default `drop_intermediate=True`.
///
/// Point `i` is the classifier "signal if score >= `thresholds[i]`": its false-positive rate
/// (background efficiency, ε_B) and true-positive rate (signal efficiency, ε_S). The first
/// point is (0, 0) at threshold +infinity (sklearn ≥ 1.3); the last is (1, 1) at the lowest
/// score. Tied scores are one point. Points collinear with both neighbours, in the counts of
/// signal and background rows, are dropped as sklearn drops them; they do not change the
/// area or the shape of the curve.
public struct ROCCurve: Sendable, Equatable {
    /// False-positive rates (background efficiencies), non-decreasing from 0 to 1.
    public let falsePositiveRates: [Double]
    /// True-positive rates (signal efficiencies), non-decreasing from 0 to 1.
    public let truePositiveRates: [Double]
    /// Thresholds, decreasing; `thresholds[0]` is `+infinity`.
    public let thresholds: [Double]

    /// Number of points.
    public var count: Int { thresholds.count }

    /// Creates a curve from its columns, which must have equal lengths.
    public init(falsePositiveRates: [Double], truePositiveRates: [Double], thresholds: [Double]) {
        precondition(
            falsePositiveRates.count == truePositiveRates.count
                && truePositiveRates.count == thresholds.count,
            "ROC curve columns must have equal lengths")
        self.falsePositiveRates = falsePositiveRates
        self.truePositiveRates = truePositiveRates
        self.thresholds = thresholds
    }

    /// The curve of already ranked scores. O(distinct scores).
    public init(_ ranked: RankedScores) {
        let tps = ranked.cumulativePositives
        let fps = ranked.cumulativeNegatives
        let last = tps.count - 1
        let totalPositives = Double(ranked.positives)
        let totalNegatives = Double(ranked.negatives)
        var fpr = [0.0]
        var tpr = [0.0]
        var thresholds = [Double.infinity]
        fpr.reserveCapacity(tps.count + 1)
        tpr.reserveCapacity(tps.count + 1)
        thresholds.reserveCapacity(tps.count + 1)
        for index in 0...last {
            // sklearn keeps the ends, and an inner point where either count's second
            // difference is non-zero (a corner); it drops only when there are > 2 points.
            let keep =
                last < 2 || index == 0 || index == last
                || fps[index - 1] - 2 * fps[index] + fps[index + 1] != 0
                || tps[index - 1] - 2 * tps[index] + tps[index + 1] != 0
            guard keep else { continue }
            fpr.append(Double(fps[index]) / totalNegatives)
            tpr.append(Double(tps[index]) / totalPositives)
            thresholds.append(ranked.distinctScores[index])
        }
        self.init(falsePositiveRates: fpr, truePositiveRates: tpr, thresholds: thresholds)
    }

    /// The curve of `scores` against boolean labels (`true` is signal).
    ///
    /// - Throws: `MetricsError` (see `RankedScores.init(scores:labels:)`).
    public init(scores: [Double], labels: [Bool]) throws(MetricsError) {
        self.init(try RankedScores(scores: scores, labels: labels))
    }

    /// The curve of `scores` against 0/1 labels (1 is signal).
    ///
    /// - Throws: `MetricsError` (see `RankedScores.init(scores:labels:)`).
    public init(scores: [Double], labels: [UInt8]) throws(MetricsError) {
        self.init(try RankedScores(scores: scores, labels: labels))
    }

    /// Area under this curve by the trapezoidal rule, as `sklearn.metrics.auc(fpr, tpr)`.
    ///
    /// For a curve made from scores, `RankedScores.auc` gives the same area summed exactly;
    /// this one serves curves built from stored points, such as a thinned curve.
    var area: Double {
        var sum = 0.0
        for index in 1..<max(count, 1) {
            let width = falsePositiveRates[index] - falsePositiveRates[index - 1]
            sum += width * (truePositiveRates[index] + truePositiveRates[index - 1]) / 2
        }
        return sum
    }
}
