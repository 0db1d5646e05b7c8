/// What the data page shows of a data set: one histogram per feature, signal against
/// background (the notebook's first plot), and the correlation matrix of each class.
///
/// Histograms cover each feature from its minimum to its 99.5th percentile (read off a fine
/// first histogram), the last bin collecting the tail, so that long tails do not squash the
/// plots. Correlations use up to `correlationRows` evenly spaced rows.
public struct DataStatistics: Codable, Sendable, Equatable {
    /// One feature's histograms.
    public struct FeatureHistogram: Codable, Sendable, Equatable {
        /// The feature's name.
        public var name: String
        /// Lower edge of the first bin and upper edge of the last.
        public var low: Double, high: Double
        /// Rows per bin, by class.
        public var signal: [Int], background: [Int]

        /// The histograms of feature `name` over `low...high`.
        public init(name: String, low: Double, high: Double, signal: [Int], background: [Int]) {
            self.name = name
            self.low = low
            self.high = high
            self.signal = signal
            self.background = background
        }
    }

    /// Rows the statistics are of, and how many of them are signal.
    public var rows: Int, signal: Int
    /// The features' histograms, in schema order.
    public var histograms: [FeatureHistogram]
    /// Pearson correlations among the 28 features, row-major 28×28, for signal rows.
    public var signalCorrelation: [Double]
    /// The same for background rows.
    public var backgroundCorrelation: [Double]
    /// Rows the correlations were computed from.
    public var correlationRows: Int

    /// Statistics of the given values (computed by Scoring from the labelled rows).
    public init(
        rows: Int, signal: Int, histograms: [FeatureHistogram], signalCorrelation: [Double],
        backgroundCorrelation: [Double], correlationRows: Int
    ) {
        self.rows = rows
        self.signal = signal
        self.histograms = histograms
        self.signalCorrelation = signalCorrelation
        self.backgroundCorrelation = backgroundCorrelation
        self.correlationRows = correlationRows
    }
}
