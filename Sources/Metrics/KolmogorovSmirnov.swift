import Foundation

/// The two-sample Kolmogorov–Smirnov test: do two samples come from one distribution? Used
/// as TMVA uses it, to check a classifier for overtraining by comparing its score
/// distributions on the training rows and on the test rows, class by class.
public struct KolmogorovSmirnov: Sendable, Equatable {
    /// The largest distance between the two empirical distribution functions.
    let statistic: Double
    /// The asymptotic p-value Q(D·√(nm/(n+m))) of Kolmogorov's distribution: ROOT's
    /// `TMath::KolmogorovProb`, which TMVA's overtraining check reports (and
    /// `scipy.stats.kstwobign.sf`). Small values mean the distributions differ.
    public let pValue: Double

    /// Compares samples `a` and `b` (any order; ties handled exactly). O((n + m) log(n + m)).
    ///
    /// - Throws: `MetricsError` if a sample is empty or holds NaN.
    public init(_ a: [Double], _ b: [Double]) throws(MetricsError) {
        guard !a.isEmpty, !b.isEmpty else { throw MetricsError(.empty) }
        try Validation.checkFinite(a)
        try Validation.checkFinite(b)
        let x = a.sorted(), y = b.sorted()
        var i = 0, j = 0, d = 0.0
        let n = Double(x.count), m = Double(y.count)
        while i < x.count && j < y.count {
            let v = min(x[i], y[j])
            while i < x.count && x[i] == v { i += 1 }
            while j < y.count && y[j] == v { j += 1 }
            d = max(d, abs(Double(i) / n - Double(j) / m))
        }
        statistic = d
        pValue = Self.kolmogorovQ(d * (n * m / (n + m)).squareRoot())
    }

    /// Q(λ) = 2 Σ (-1)^(k-1) exp(-2 k² λ²): the probability that the Kolmogorov statistic
    /// exceeds λ.
    static func kolmogorovQ(_ lambda: Double) -> Double {
        if lambda < 1e-3 { return 1 }
        var sum = 0.0, sign = 1.0
        for k in 1...100 {
            let term = sign * exp(-2 * Double(k * k) * lambda * lambda)
            sum += term
            if abs(term) < 1e-16 * max(abs(sum), 1e-300) { break }
            sign = -sign
        }
        return min(1, max(0, 2 * sum))
    }
}
