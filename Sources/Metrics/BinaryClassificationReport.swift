/// Every figure the leaderboard shows for one entry, computed from one sort of its scores.
///
/// Figures equal scikit-learn's on the same scores (`roc_auc_score`, `roc_curve`,
/// `accuracy_score`, `confusion_matrix`, `log_loss`); the interval is pROC's DeLong
/// interval. For 500,000 rows the whole report takes tens of milliseconds in a release build.
public struct BinaryClassificationReport: Sendable {
    /// The ranking everything was computed from; pass it to `PairedDeLongTest` to compare
    /// this entry with another on the same rows without sorting again.
    public let ranked: RankedScores
    /// ROC AUC, as `roc_auc_score`.
    public let auc: Double
    /// AUC with its 95% DeLong confidence interval.
    public let aucInterval: AUCConfidenceInterval
    /// The ROC curve, as `roc_curve` with `drop_intermediate=True`.
    public let roc: ROCCurve
    /// Counts at threshold 0.5 (score >= 0.5 is signal).
    public let confusionMatrix: ConfusionMatrix
    /// Mean log loss, as `log_loss` with float64 scores.
    public let logLoss: Double
    /// Signal efficiencies at ε_B = 1%, 10%, 30% and rejections at ε_S = 30%, 50%, 70%.
    public let efficiencies: EfficiencySummary

    /// Number of rows scored.
    public var count: Int { ranked.count }
    /// Number of signal rows.
    public var positives: Int { ranked.positives }
    /// Number of background rows.
    public var negatives: Int { ranked.negatives }
    /// Accuracy at threshold 0.5, as `accuracy_score(y, score >= 0.5)`.
    public var accuracy: Double { confusionMatrix.accuracy }

    /// Computes the report for `scores` (probabilities of signal) against boolean labels.
    ///
    /// - Throws: `MetricsError`: `.empty`, `.lengthMismatch`, `.nanScore`, `.infiniteScore`,
    ///   `.scoreOutOfRange` (scores must be probabilities, for the log loss), `.singleClass`,
    ///   `.tooFewForVariance` (fewer than two rows of a class).
    public init(scores: [Double], labels: [Bool]) throws(MetricsError) {
        try Validation.checkCounts(scores: scores.count, labels: labels.count)
        try self.init(validatedLabels: labels, scores: scores)
    }

    /// Computes the report for `scores` against 0/1 labels (1 is signal).
    ///
    /// - Throws: as the `[Bool]` variant, and `.invalidLabel` for a label other than 0 or 1.
    public init(scores: [Double], labels: [UInt8]) throws(MetricsError) {
        try Validation.checkCounts(scores: scores.count, labels: labels.count)
        try self.init(validatedLabels: try Validation.booleanLabels(labels), scores: scores)
    }

    private init(validatedLabels labels: [Bool], scores: [Double]) throws(MetricsError) {
        try Validation.checkFinite(scores)
        try Validation.checkProbabilities(scores)
        let ranked = try RankedScores(validatedScores: scores, labels: labels)
        let roc = ROCCurve(ranked)
        self.ranked = ranked
        self.aucInterval = try AUCConfidenceInterval(ranked)
        self.auc = aucInterval.auc
        self.roc = roc
        self.confusionMatrix = ConfusionMatrix(
            validatedScores: scores, labels: labels, threshold: ConfusionMatrix.defaultThreshold)
        self.logLoss = LogLoss.mean(validatedScores: scores, labels: labels, epsilon: .ulpOfOne)
        self.efficiencies = EfficiencySummary(curve: roc)
    }
}
