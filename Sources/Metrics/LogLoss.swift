import Foundation

/// Binary cross-entropy of probabilities, as `sklearn.metrics.log_loss(y_true, y_score)`
/// computes it for float64 scores (scikit-learn 1.9.1).
///
/// sklearn makes the two columns `1 - p` and `p`, clips both to [ε, 1 - ε] with ε the
/// machine epsilon of the scores' dtype (2.22e-16 for float64), and averages minus the
/// natural log of the true class's column. Scores of exactly 0 or 1 thus give a finite loss.
/// Given float32 arrays, sklearn clips at float32's ε (1.19e-7) and computes in float32;
/// pass `Double(Float.ulpOfOne)` as `epsilon` to clip as it does (the float32 rounding of
/// its arithmetic is not reproduced).
public enum LogLoss {
    /// Mean log loss of `scores` (probabilities of signal) against boolean labels.
    ///
    /// One compensated sum over the rows; a single class is allowed (sklearn needs
    /// `labels=[0, 1]` for that).
    /// - Throws: `MetricsError` with `.empty`, `.lengthMismatch`, `.nanScore`, `.infiniteScore`
    ///   or `.scoreOutOfRange`.
    public static func mean(scores: [Double], labels: [Bool], epsilon: Double = Double.ulpOfOne)
        throws(MetricsError) -> Double
    {
        try Validation.checkCounts(scores: scores.count, labels: labels.count)
        try Validation.checkFinite(scores)
        try Validation.checkProbabilities(scores)
        return mean(validatedScores: scores, labels: labels, epsilon: epsilon)
    }

    /// Mean log loss of `scores` against 0/1 labels (1 is signal).
    ///
    /// - Throws: as the `[Bool]` variant, and `.invalidLabel` for a label other than 0 or 1.
    public static func mean(scores: [Double], labels: [UInt8], epsilon: Double = Double.ulpOfOne)
        throws(MetricsError) -> Double
    {
        try Validation.checkCounts(scores: scores.count, labels: labels.count)
        let booleans = try Validation.booleanLabels(labels)
        try Validation.checkFinite(scores)
        try Validation.checkProbabilities(scores)
        return mean(validatedScores: scores, labels: booleans, epsilon: epsilon)
    }

    static func mean(validatedScores scores: [Double], labels: [Bool], epsilon: Double) -> Double {
        let low = epsilon
        let high = 1 - epsilon
        // Neumaier's compensated sum: the error stays O(eps) for millions of rows.
        var sum = 0.0
        var compensation = 0.0
        for index in scores.indices {
            let p = scores[index]
            let column = labels[index] ? p : 1 - p
            let term = -log(min(max(column, low), high))
            let total = sum + term
            if abs(sum) >= abs(term) {
                compensation += (sum - total) + term
            } else {
                compensation += (term - total) + sum
            }
            sum = total
        }
        return (sum + compensation) / Double(scores.count)
    }
}
