import Models

/// What one boosting round did: what the progress display and the history show.
public struct AdaBoostRound: Sendable, Equatable, Codable {
    /// The round, from 1.
    public var round: Int
    /// The new tree's weighted error on the training rows (scikit-learn's `estimator_errors_`).
    public var weightedError: Double
    /// The new tree's weight (scikit-learn's `estimator_weights_`).
    var treeWeight: Double
    /// The fraction of training rows the ensemble so far misclassifies (threshold 0.5).
    var trainingError: Double
    /// Seconds since boosting started (after binning), at the end of this round.
    public var seconds: Double
}

/// Why boosting ended.
enum AdaBoostStop: String, Sendable, Equatable, Codable {
    /// All rounds ran.
    case completed
    /// A tree classified every training row correctly (kept with weight 1, as scikit-learn does).
    case perfectTree
    /// A tree was no better than chance (error ≥ 0.5); it was dropped.
    case noBetterThanChance
    /// The sample weights overflowed; the last tree was kept.
    case weightsOverflowed
}

/// The result of ``AdaBoostTrainer/train(features:labels:progress:)``: the ensemble,
/// its history and what the features were worth.
public struct AdaBoostTraining: Sendable {
    /// The trained ensemble, thresholds in feature units.
    public var ensemble: AdaBoostEnsemble
    /// One entry per round, in order.
    public var history: [AdaBoostRound]
    /// Why boosting ended.
    var stop: AdaBoostStop
    /// Per feature, the total impurity decrease of its splits: each tree's
    /// weighted Gini decrease normalized to sum 1, averaged with the tree weights, which is
    /// scikit-learn's `feature_importances_` (sums to 1).
    public var featureImportances: [Double]
    /// The bins the trees were grown on.
    var binning: FeatureBinning
    /// The settings used.
    public var settings: AdaBoostSettings
    /// Training rows.
    public var trainingRows: Int
    /// Signal rows among them.
    var signalRows: Int
    /// Seconds spent choosing edges and binning the rows.
    var binningSeconds: Double
    /// Seconds spent boosting.
    var boostingSeconds: Double

    /// Feature indices from most to least important (ties by index).
    public var featureRanking: [Int] {
        featureImportances.indices.sorted { (featureImportances[$0], -$0) > (featureImportances[$1], -$1) }
    }
}
