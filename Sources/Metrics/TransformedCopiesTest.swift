import Foundation

/// DeLong's one-sided test that one classifier ranks a set of rows better than transformed
/// copies of the same rows: the memorization check of `score`.
///
/// The copies' mean AUC, (1/K) Σ_k AUC_k, is a two-sample U-statistic whose kernel is the
/// mean of the copies' kernels, so its structural components are the means of the copies'
/// components, row by row. The difference D = AUC − mean AUC_k is again one, with components
/// d_r = V_r − (1/K) Σ_k V_r,k (V10 for a signal row, V01 for a background row), and
/// Var(D) = S10(d) / n_signal + S01(d) / n_background, the sample variances (denominator
/// n − 1) of d over the signal and the background rows. With one copy this is
/// ``PairedDeLongTest``. z = D / √Var(D); the one-sided p-value is P(Z ≥ z) = erfc(z / √2) / 2.
/// When the variance is zero, z is 0 if D is 0 and ±infinity otherwise.
public struct TransformedCopiesTest: Sendable, Equatable {
    /// z above which the originals' AUC is called significantly higher: Φ⁻¹(0.999), a
    /// one-sided p-value below 0.001.
    public static let zThreshold = 3.090232306167813

    /// AUC of the original rows' scores.
    public let auc: Double
    /// Mean AUC of the copies' scores.
    public let transformedAUC: Double
    /// DeLong's estimate of Var(auc − transformedAUC).
    public let variance: Double
    /// The z statistic (auc − transformedAUC) / √variance.
    public let z: Double
    /// One-sided p-value of z under the standard normal, P(Z ≥ z).
    public let pValue: Double

    /// auc − transformedAUC.
    public var difference: Double { auc - transformedAUC }
    /// √variance.
    public var standardError: Double { variance.squareRoot() }
    /// Whether z exceeds ``zThreshold``.
    public var isSignificant: Bool { z > Self.zThreshold }

    /// The test of `scores` (one per row) against `copies` (each one per row, the same rows
    /// transformed), with 0/1 labels. Each copy is ranked in turn and dropped: memory for one
    /// copy's ranking and one running component per row. O(rows × copies).
    ///
    /// - Throws: `MetricsError`: `.empty` without a copy, `.lengthMismatch` for a copy of
    ///   another length, anything `RankedScores` throws, `.tooFewForVariance`.
    public init(scores: [Double], copies: [[Double]], labels: [UInt8]) throws(MetricsError) {
        try self.init(RankedScores(scores: scores, labels: labels), copies: copies)
    }

    /// The test of the originals' scores, ranked already (as a report of them ranks them),
    /// against `copies` of the same rows, whose labels are `original`'s.
    ///
    /// - Throws: as ``init(scores:copies:labels:)``.
    public init(_ original: RankedScores, copies: [[Double]]) throws(MetricsError) {
        guard original.positives >= 2 && original.negatives >= 2 else {
            throw MetricsError(.tooFewForVariance(positives: original.positives, negatives: original.negatives))
        }
        guard !copies.isEmpty else { throw MetricsError(.empty) }
        // d_r, built up as V_r − Σ_k V_r,k / K.
        var difference = Self.rowComponents(original)
        var copiesAUC = 0.0
        let weight = 1 / Double(copies.count)
        for copy in copies {
            guard copy.count == original.count else {
                throw MetricsError(.lengthMismatch(scores: copy.count, labels: original.count))
            }
            let ranked = try RankedScores(scores: copy, labels: original.labels)
            let components = Self.rowComponents(ranked)
            for row in difference.indices { difference[row] -= weight * components[row] }
            copiesAUC += weight * ranked.auc
        }
        let auc = original.auc
        let meanDifference = auc - copiesAUC
        var signalSquares = 0.0
        var backgroundSquares = 0.0
        for row in difference.indices {
            let deviation = difference[row] - meanDifference
            if original.labels[row] {
                signalSquares += deviation * deviation
            } else {
                backgroundSquares += deviation * deviation
            }
        }
        let positives = Double(original.positives)
        let negatives = Double(original.negatives)
        variance = signalSquares / (positives - 1) / positives + backgroundSquares / (negatives - 1) / negatives
        self.auc = auc
        transformedAUC = copiesAUC
        if variance > 0 {
            z = meanDifference / variance.squareRoot()
        } else {
            z = meanDifference == 0 ? 0 : (meanDifference > 0 ? .infinity : -.infinity)
        }
        pValue = erfc(z / 2.0.squareRoot()) / 2
    }

    /// Each row's DeLong component: V10 of its group for a signal row, V01 for a background row.
    private static func rowComponents(_ ranked: RankedScores) -> [Double] {
        let components = DeLongComponents(ranked)
        return (0..<ranked.count).map { row in
            let group = Int(ranked.groupOfRow[row])
            return ranked.labels[row] ? components.signalComponent[group] : components.backgroundComponent[group]
        }
    }
}
