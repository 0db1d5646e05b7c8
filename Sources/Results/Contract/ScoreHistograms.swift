/// Histograms of an entry's scores for signal and for background rows, for the score
/// distribution plot.
public struct ScoreHistograms: Codable, Sendable, Equatable {
    /// Lower edge of the first bin.
    public var low: Double
    /// Upper edge of the last bin.
    public var high: Double
    /// Counts of signal rows per bin.
    public var signal: [Int]
    /// Counts of background rows per bin.
    public var background: [Int]

    /// Histograms of the given bins.
    public init(low: Double, high: Double, signal: [Int], background: [Int]) {
        self.low = low
        self.high = high
        self.signal = signal
        self.background = background
    }

    /// Bins `scores` into `bins` equal bins over [0, 1] — or over the scores' own range when
    /// they are not probabilities. The last bin includes its upper edge.
    public init(scores: [Double], labels: [UInt8], bins: Int = 40) {
        precondition(bins > 0 && scores.count == labels.count)
        let lo = scores.min() ?? 0, hi = scores.max() ?? 1
        if lo >= 0, hi <= 1 {
            low = 0
            high = 1
        } else {
            low = lo
            high = hi > lo ? hi : lo + 1
        }
        signal = Array(repeating: 0, count: bins)
        background = Array(repeating: 0, count: bins)
        let width = (high - low) / Double(bins)
        for (score, label) in zip(scores, labels) {
            let bin = min(bins - 1, max(0, Int((score - low) / width)))
            if label == 1 { signal[bin] += 1 } else { background[bin] += 1 }
        }
    }
}
