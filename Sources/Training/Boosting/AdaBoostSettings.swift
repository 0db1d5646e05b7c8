/// How ``AdaBoostTrainer`` boosts: scikit-learn's
/// `AdaBoostClassifier(DecisionTreeClassifier(max_depth=depth), n_estimators=rounds,
/// learning_rate=learningRate)` by default, plus the binning that makes it fast.
public struct AdaBoostSettings: Sendable, Equatable, Codable {
    /// Boosting rounds (trees), at most; training stops earlier exactly where scikit-learn
    /// does (a perfect tree, a tree no better than chance, weights that overflow). 200 by default.
    public var rounds: Int
    /// Depth of every tree, 1 (stumps, the default) to 6.
    public var depth: Int
    /// Shrinks every tree's weight (scikit-learn's `learning_rate`); 1 by default.
    public var learningRate: Double
    /// Bins per feature, 2 to 256; 255 by default. A feature with at most this many
    /// distinct values (ignoring gaps of 1e-7 or less, as scikit-learn does) keeps every
    /// threshold scikit-learn could choose; above it, thresholds are limited to the
    /// `maxBins - 1` quantile edges.
    public var maxBins: Int
    /// Rows (evenly spaced through the data) whose values choose the bin edges; all rows
    /// when there are no more than this. 200,000 by default (LightGBM's default too).
    var binningSampleRows: Int

    /// Settings; every argument has the notebook's default.
    public init(
        rounds: Int = 200, depth: Int = 1, learningRate: Double = 1, maxBins: Int = 255,
        binningSampleRows: Int = 200_000
    ) {
        self.rounds = rounds
        self.depth = depth
        self.learningRate = learningRate
        self.maxBins = maxBins
        self.binningSampleRows = binningSampleRows
    }

    /// The first setting out of range, in words; `nil` when all are valid.
    var problem: String? {
        if rounds < 1 { return "rounds must be at least 1 (got \(rounds))" }
        if !(1...6).contains(depth) { return "depth must be 1 to 6 (got \(depth))" }
        if !(learningRate.isFinite && learningRate > 0) { return "learning rate must be positive (got \(learningRate))" }
        if !(2...256).contains(maxBins) { return "bins per feature must be 2 to 256 (got \(maxBins))" }
        if binningSampleRows < 2 { return "binning sample must be at least 2 rows (got \(binningSampleRows))" }
        return nil
    }
}
