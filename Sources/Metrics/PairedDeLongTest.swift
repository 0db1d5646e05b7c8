import Foundation

/// DeLong's test that two classifiers scored on the same rows have equal ROC AUC, as pROC's
/// `roc.test(roc1, roc2, method = "delong", paired = TRUE)`.
///
/// The covariance of the two AUCs is estimated from the rows' structural components
/// (DeLong, DeLong & Clarke-Pearson 1988; Sun & Xu 2014):
/// Var(A − B) = (S10_AA + S10_BB − 2 S10_AB) / n_signal + (S01_AA + S01_BB − 2 S01_AB) / n_background,
/// z = (A − B) / √Var(A − B), and the two-sided p-value is erfc(|z| / √2).
/// When the variance is zero (identical rankings), z is 0 and p is 1 if the AUCs are equal,
/// as pROC reports for identical curves, and ±infinity with p = 0 otherwise.
public struct PairedDeLongTest: Sendable, Equatable {
    /// AUC of the first score vector.
    public let aucA: Double
    /// AUC of the second score vector.
    public let aucB: Double
    /// DeLong's estimate of Var(aucA − aucB).
    public let variance: Double
    /// The z statistic (aucA − aucB) / √variance.
    public let z: Double
    /// Two-sided p-value of z under the standard normal, erfc(|z| / √2).
    public let pValue: Double

    /// aucA − aucB.
    public var difference: Double { aucA - aucB }
    /// The 95% confidence interval of `difference` (not clipped), as pROC's `conf.int`.
    public var differenceInterval: ClosedRange<Double> {
        let halfWidth = normalQuantile975 * variance.squareRoot()
        return (difference - halfWidth)...(difference + halfWidth)
    }

    /// The test between two rankings of the same rows. O(rows).
    ///
    /// - Throws: `MetricsError` with `.lengthMismatch` if the rankings have different row
    ///   counts, `.labelsDiffer` if their labels differ, `.tooFewForVariance` unless there are
    ///   at least two rows of each class.
    public init(_ a: RankedScores, _ b: RankedScores) throws(MetricsError) {
        guard a.count == b.count else {
            throw MetricsError(.lengthMismatch(scores: b.count, labels: a.count))
        }
        if a.labels != b.labels {
            let index = a.labels.indices.first { a.labels[$0] != b.labels[$0] } ?? 0
            throw MetricsError(.labelsDiffer(firstIndex: index))
        }
        guard a.positives >= 2 && a.negatives >= 2 else {
            throw MetricsError(.tooFewForVariance(positives: a.positives, negatives: a.negatives))
        }
        let componentsA = DeLongComponents(a)
        let componentsB = DeLongComponents(b)
        let aucA = a.auc
        let aucB = b.auc
        // Sums of products of deviations from the means, per class: [AA, BB, AB].
        var signal = (0.0, 0.0, 0.0)
        var background = (0.0, 0.0, 0.0)
        for row in 0..<a.count {
            let groupA = Int(a.groupOfRow[row])
            let groupB = Int(b.groupOfRow[row])
            if a.labels[row] {
                let deviationA = componentsA.signalComponent[groupA] - aucA
                let deviationB = componentsB.signalComponent[groupB] - aucB
                signal.0 += deviationA * deviationA
                signal.1 += deviationB * deviationB
                signal.2 += deviationA * deviationB
            } else {
                let deviationA = componentsA.backgroundComponent[groupA] - aucA
                let deviationB = componentsB.backgroundComponent[groupB] - aucB
                background.0 += deviationA * deviationA
                background.1 += deviationB * deviationB
                background.2 += deviationA * deviationB
            }
        }
        let positives = Double(a.positives)
        let negatives = Double(a.negatives)
        let signalTerm = (signal.0 + signal.1 - 2 * signal.2) / (positives - 1) / positives
        let backgroundTerm = (background.0 + background.1 - 2 * background.2) / (negatives - 1) / negatives
        // Rounding can leave a tiny negative for identical rankings.
        let variance = max(0, signalTerm + backgroundTerm)
        let difference = aucA - aucB
        let z: Double
        if variance > 0 {
            z = difference / variance.squareRoot()
        } else {
            z = difference == 0 ? 0 : (difference > 0 ? .infinity : -.infinity)
        }
        self.aucA = aucA
        self.aucB = aucB
        self.variance = variance
        self.z = z
        self.pValue = erfc(abs(z) / 2.0.squareRoot())
    }

    /// The test between two score vectors on the same rows, against boolean labels.
    ///
    /// - Throws: `MetricsError`: `.lengthMismatch` if the vectors differ in length, anything
    ///   `RankedScores.init(scores:labels:)` throws, `.tooFewForVariance`.
    public init(scoresA: [Double], scoresB: [Double], labels: [Bool]) throws(MetricsError) {
        guard scoresA.count == scoresB.count else {
            throw MetricsError(.lengthMismatch(scores: scoresB.count, labels: scoresA.count))
        }
        try self.init(
            try RankedScores(scores: scoresA, labels: labels), try RankedScores(scores: scoresB, labels: labels))
    }

    /// The test between two score vectors on the same rows, against 0/1 labels.
    ///
    /// - Throws: as the `[Bool]` variant, and `.invalidLabel` for a label other than 0 or 1.
    public init(scoresA: [Double], scoresB: [Double], labels: [UInt8]) throws(MetricsError) {
        guard scoresA.count == scoresB.count else {
            throw MetricsError(.lengthMismatch(scores: scoresB.count, labels: scoresA.count))
        }
        try self.init(
            try RankedScores(scores: scoresA, labels: labels), try RankedScores(scores: scoresB, labels: labels))
    }
}
