/// Counts of a classifier that calls a row signal when its score is at or above a threshold,
/// as `sklearn.metrics.confusion_matrix(y_true, y_score >= threshold, labels=[0, 1])`.
///
/// Always 2×2, also when one class is absent (sklearn without `labels=` would shrink to 1×1).
public struct ConfusionMatrix: Sendable, Equatable {
    /// The threshold accuracy is quoted at: a score >= 0.5 is signal.
    public static let defaultThreshold = 0.5

    /// Background rows scored below the threshold.
    public let trueNegatives: Int
    /// Background rows scored at or above the threshold.
    public let falsePositives: Int
    /// Signal rows scored below the threshold.
    public let falseNegatives: Int
    /// Signal rows scored at or above the threshold.
    public let truePositives: Int

    /// Creates a matrix from its four counts.
    public init(trueNegatives: Int, falsePositives: Int, falseNegatives: Int, truePositives: Int) {
        self.trueNegatives = trueNegatives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
        self.truePositives = truePositives
    }

    /// Counts `scores` against boolean labels (`true` is signal).
    ///
    /// - Throws: `MetricsError` with `.empty`, `.lengthMismatch`, `.nanScore` or
    ///   `.infiniteScore`. A single class is allowed.
    public init(scores: [Double], labels: [Bool], threshold: Double = ConfusionMatrix.defaultThreshold)
        throws(MetricsError)
    {
        try Validation.checkCounts(scores: scores.count, labels: labels.count)
        try Validation.checkFinite(scores)
        self.init(validatedScores: scores, labels: labels, threshold: threshold)
    }

    /// Counts `scores` against 0/1 labels (1 is signal).
    ///
    /// - Throws: as the `[Bool]` variant, and `.invalidLabel` for a label other than 0 or 1.
    public init(scores: [Double], labels: [UInt8], threshold: Double = ConfusionMatrix.defaultThreshold)
        throws(MetricsError)
    {
        try Validation.checkCounts(scores: scores.count, labels: labels.count)
        let booleans = try Validation.booleanLabels(labels)
        try Validation.checkFinite(scores)
        self.init(validatedScores: scores, labels: booleans, threshold: threshold)
    }

    init(validatedScores scores: [Double], labels: [Bool], threshold: Double) {
        var positives = 0
        var truePositives = 0
        var falsePositives = 0
        for index in scores.indices {
            let label = labels[index]
            let called = scores[index] >= threshold
            positives += label ? 1 : 0
            truePositives += label && called ? 1 : 0
            falsePositives += !label && called ? 1 : 0
        }
        let negatives = scores.count - positives
        self.init(
            trueNegatives: negatives - falsePositives, falsePositives: falsePositives,
            falseNegatives: positives - truePositives, truePositives: truePositives)
    }

    /// `[[tn, fp], [fn, tp]]`: rows are the true class, columns the predicted one, as sklearn.
    public var rows: [[Int]] {
        [[trueNegatives, falsePositives], [falseNegatives, truePositives]]
    }

    /// Number of rows counted.
    public var total: Int { trueNegatives + falsePositives + falseNegatives + truePositives }

    /// Fraction of rows classified correctly, as `sklearn.metrics.accuracy_score`.
    public var accuracy: Double { Double(truePositives + trueNegatives) / Double(total) }
}
