/// An entry's ROC curve as stored: thinned to a few hundred points with a known error bound,
/// enough to draw it and to read working points off it. Scoring writes it, the Site draws it.
public struct ROCPoints: Codable, Sendable, Equatable {
    /// Background efficiency of each point, from 0 to 1.
    public var falsePositiveRate: [Double]
    /// Signal efficiency of each point, from 0 to 1.
    public var truePositiveRate: [Double]
    /// The score threshold of each point; the first (+∞, nothing selected) is `nil`.
    public var thresholds: [Double?]
    /// The largest distance of the full curve from the thinned one.
    public var tolerance: Double

    /// A curve of the given points (every array as long as the others).
    public init(falsePositiveRate: [Double], truePositiveRate: [Double], thresholds: [Double?], tolerance: Double) {
        self.falsePositiveRate = falsePositiveRate
        self.truePositiveRate = truePositiveRate
        self.thresholds = thresholds
        self.tolerance = tolerance
    }
}
