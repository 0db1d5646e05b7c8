import Foundation

/// The ROC AUC with its 95% confidence interval from DeLong's variance, as pROC's
/// `ci.auc(roc, method = "delong")` computes it.
///
/// Var(AUC) = S10 / n_signal + S01 / n_background, where S10 and S01 are the sample
/// variances (denominator n − 1) of DeLong's structural components of the signal and the
/// background rows (DeLong, DeLong & Clarke-Pearson 1988; components by the midrank
/// method of Sun & Xu 2014). The interval is AUC ± 1.96 σ, clipped to [0, 1] as pROC does.
public struct AUCConfidenceInterval: Sendable, Equatable {
    /// The confidence level of `lower`...`upper`: 0.95.
    public static let level = 0.95

    /// The area under the ROC curve (as `roc_auc_score`).
    public let auc: Double
    /// DeLong's estimate of the variance of `auc`.
    public let variance: Double
    /// Lower end of the 95% interval, at least 0.
    public let lower: Double
    /// Upper end of the 95% interval, at most 1.
    public let upper: Double

    /// The standard error √variance.
    public var standardError: Double { variance.squareRoot() }

    /// DeLong's interval for already ranked scores. O(distinct scores).
    ///
    /// - Throws: `MetricsError` with `.tooFewForVariance` unless there are at least two rows
    ///   of each class.
    public init(_ ranked: RankedScores) throws(MetricsError) {
        guard ranked.positives >= 2 && ranked.negatives >= 2 else {
            throw MetricsError(.tooFewForVariance(positives: ranked.positives, negatives: ranked.negatives))
        }
        let components = DeLongComponents(ranked)
        let auc = ranked.auc
        var signalSquares = 0.0
        var backgroundSquares = 0.0
        var previousTP = 0
        var previousFP = 0
        for group in ranked.cumulativePositives.indices {
            let tiedSignal = Double(ranked.cumulativePositives[group] - previousTP)
            let tiedBackground = Double(ranked.cumulativeNegatives[group] - previousFP)
            let signalDeviation = components.signalComponent[group] - auc
            let backgroundDeviation = components.backgroundComponent[group] - auc
            signalSquares += tiedSignal * signalDeviation * signalDeviation
            backgroundSquares += tiedBackground * backgroundDeviation * backgroundDeviation
            previousTP = ranked.cumulativePositives[group]
            previousFP = ranked.cumulativeNegatives[group]
        }
        let positives = Double(ranked.positives)
        let negatives = Double(ranked.negatives)
        let variance =
            signalSquares / (positives - 1) / positives
            + backgroundSquares / (negatives - 1) / negatives
        let halfWidth = normalQuantile975 * variance.squareRoot()
        self.auc = auc
        self.variance = variance
        self.lower = max(0, auc - halfWidth)
        self.upper = min(1, auc + halfWidth)
    }

    /// DeLong's interval for `scores` against boolean labels (`true` is signal).
    ///
    /// - Throws: `MetricsError` (see `RankedScores.init(scores:labels:)`), or
    ///   `.tooFewForVariance`.
    public init(scores: [Double], labels: [Bool]) throws(MetricsError) {
        try self.init(try RankedScores(scores: scores, labels: labels))
    }

    /// DeLong's interval for `scores` against 0/1 labels (1 is signal).
    ///
    /// - Throws: `MetricsError` (see `RankedScores.init(scores:labels:)`), or
    ///   `.tooFewForVariance`.
    public init(scores: [Double], labels: [UInt8]) throws(MetricsError) {
        try self.init(try RankedScores(scores: scores, labels: labels))
    }
}
