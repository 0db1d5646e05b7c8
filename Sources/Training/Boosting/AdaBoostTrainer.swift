import Dispatch
import Foundation
import HiggsData
import Models

/// Trains AdaBoost (SAMME, two classes) of small decision trees as scikit-learn's
/// `AdaBoostClassifier(DecisionTreeClassifier(max_depth=depth))` does, on binned features.
///
/// Each round, as scikit-learn: weights are clipped below at machine epsilon, a tree is
/// grown on them by the Gini criterion (the split with the largest weighted impurity
/// decrease; a node splits unless pure or at full depth), its weighted error `e` gives it
/// the weight `α = learningRate · log((1 - e) / e)`, the weights of the rows it
/// misclassifies are multiplied by `exp(α)` (scikit-learn writes `exp(log w + α)`; equal
/// up to rounding), and all are normalized to sum 1. It stops where scikit-learn stops.
///
/// Where it differs from scikit-learn, by design:
/// - Thresholds are bin edges (see ``FeatureBinning``): the same midpoints scikit-learn
///   uses for features with at most `maxBins` distinct values; quantile edges otherwise.
///   Below the root, a node whose rows leave some bins empty gets the lowest edge of the
///   gap, not the midpoint of its own nearest values (same split of the training rows).
/// - Ties between equally good splits go to the lowest feature, then the lowest threshold
///   (scikit-learn visits features in a random order). Results are deterministic: the
///   same rows and settings give the same trees on any machine.
///
/// Cost per round: one pass over the binned rows per tree level (all cores), plus one to
/// update weights. Memory: one byte per feature value plus 12 bytes per row.
public struct AdaBoostTrainer: Sendable {
    /// The settings.
    public var settings: AdaBoostSettings

    /// A trainer with `settings`.
    public init(settings: AdaBoostSettings = AdaBoostSettings()) {
        self.settings = settings
    }

    /// Trains on every row of `dataset` (pass the training split's view).
    ///
    /// - Parameter progress: called after every round, on the calling thread.
    /// - Throws: ``AdaBoostError``.
    public func train(
        _ dataset: HiggsDataset,
        progress: ((AdaBoostRound) -> Void)? = nil
    ) throws(AdaBoostError) -> AdaBoostTraining {
        try dataset.withFeatures { (features) throws(AdaBoostError) -> AdaBoostTraining in
            try dataset.withLabels { (labels) throws(AdaBoostError) -> AdaBoostTraining in
                try train(
                    features: FeatureBatch(
                        rows: dataset.rowCount, columns: FeatureSchema.featureCount,
                        values: features),
                    labels: labels, progress: progress)
            }
        }
    }

    /// Trains on `features` (row-major, any number of columns) with `labels` (0
    /// background, 1 signal; one per row).
    ///
    /// - Parameter progress: called after every round, on the calling thread.
    /// - Throws: ``AdaBoostError`` for bad settings, fewer than 2 rows, one class only,
    ///   a NaN feature value, or a first tree no better than chance.
    public func train(
        features: FeatureBatch, labels: UnsafeBufferPointer<UInt8>,
        progress: ((AdaBoostRound) -> Void)? = nil
    ) throws(AdaBoostError) -> AdaBoostTraining {
        if let problem = settings.problem { throw AdaBoostError(.badSettings(problem)) }
        guard labels.count == features.rows else {
            throw AdaBoostError(.badLabels("\(labels.count) labels for \(features.rows) rows"))
        }
        guard features.rows >= 2 else { throw AdaBoostError(.tooFewRows(features.rows)) }
        guard features.columns >= 1 else { throw AdaBoostError(.badSettings("the rows have no features")) }
        if labels.contains(where: { $0 > 1 }) { throw AdaBoostError(.badLabels("a label is neither 0 nor 1")) }
        let clock = ContinuousClock()
        let binStart = clock.now
        let binning = try FeatureBinning.make(
            features, sampleRows: settings.binningSampleRows,
            maxBins: settings.maxBins)
        let data = BinnedRows(features, labels: labels, binning: binning)
        guard data.signalRows > 0, data.signalRows < data.rows else {
            throw AdaBoostError(.oneClass(signal: data.signalRows > 0, rows: data.rows))
        }
        let binningSeconds = Self.seconds(clock.now - binStart)
        let boostStart = clock.now
        var booster = Booster(data: data, binning: binning, settings: settings)
        var history: [AdaBoostRound] = []
        var trees: [DecisionTree] = []
        var weights: [Double] = []
        var importances = [Double](repeating: 0, count: features.columns)
        var stop = AdaBoostStop.completed
        for round in 1...settings.rounds {
            let tree = booster.grow()
            let error = tree.weightedError
            if error >= 0.5 {
                if trees.isEmpty { throw AdaBoostError(.worseThanChance(error: error)) }
                stop = .noBetterThanChance
                break
            }
            let alpha = error <= 0 ? 1 : settings.learningRate * log((1 - error) / error)
            trees.append(Self.decisionTree(tree, binning: binning))
            weights.append(alpha)
            let gains = tree.impurityDecrease(features: features.columns)
            let total = gains.reduce(0, +)
            if total > 0 {
                for feature in gains.indices { importances[feature] += alpha * (gains[feature] / total) }
            }
            let last = round == settings.rounds || error <= 0
            let outcome = booster.update(tree: tree, alpha: alpha, boostWeights: !last)
            let record = AdaBoostRound(
                round: round, weightedError: error, treeWeight: alpha,
                trainingError: Double(outcome.wrong) / Double(data.rows),
                seconds: Self.seconds(clock.now - boostStart))
            history.append(record)
            progress?(record)
            if error <= 0 { stop = .perfectTree; break }
            if last { break }
            guard outcome.weightSum.isFinite else { stop = .weightsOverflowed; break }
            guard outcome.weightSum > 0 else { stop = .weightsOverflowed; break }
        }
        let weightTotal = weights.reduce(0, +)
        let ensemble: AdaBoostEnsemble
        do {
            ensemble = try AdaBoostEnsemble(trees: trees, weights: weights, inputCount: features.columns)
        } catch {
            preconditionFailure("AdaBoostTrainer built an invalid ensemble: \(error)")
        }
        return AdaBoostTraining(
            ensemble: ensemble, history: history, stop: stop,
            featureImportances: importances.map { $0 / weightTotal }, binning: binning, settings: settings,
            trainingRows: data.rows, signalRows: data.signalRows, binningSeconds: binningSeconds,
            boostingSeconds: Self.seconds(clock.now - boostStart))
    }

    /// `tree` with bin thresholds turned into feature values.
    static func decisionTree(_ tree: BinnedTree, binning: FeatureBinning) -> DecisionTree {
        let nodes = tree.nodes.map { node -> DecisionTree.Node in
            node.isLeaf
                ? .leaf(signal: node.predictsSignal)
                : .split(
                    feature: node.feature, threshold: binning.edges[node.feature][node.bin],
                    left: node.left, right: node.right)
        }
        do {
            return try DecisionTree(nodes: nodes, inputCount: binning.edges.count)
        } catch {
            preconditionFailure("AdaBoostTrainer built an invalid tree: \(error)")
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}

/// The per-round work of boosting over one set of binned rows.
struct Booster {
    let data: BinnedRows
    let edgeCounts: [Int]
    let settings: AdaBoostSettings
    let histograms: HistogramBuilder
    /// What the next round must first do to the weights: normalize by this factor.
    var pendingScale: Double = 1

    init(data: BinnedRows, binning: FeatureBinning, settings: AdaBoostSettings) {
        self.data = data
        edgeCounts = binning.edges.map(\.count)
        self.settings = settings
        histograms = HistogramBuilder(data: data, maxNodes: 1 << (settings.depth - 1))
    }

    /// Grows one tree on the current weights (normalizing and clipping them first).
    mutating func grow() -> BinnedTree {
        var tree = BinnedTree(nodes: [BinnedTree.Node(background: 0, signal: 0)])
        var frontierNodes = [0]
        var rescale: (factor: Double, floor: Double)? = (pendingScale, Double.ulpOfOne)
        for level in 0..<settings.depth {
            if frontierNodes.isEmpty { break }
            var frontier = [Int](repeating: -1, count: tree.nodes.count)
            for (local, node) in frontierNodes.enumerated() { frontier[node] = local }
            let histogram = histograms.build(
                tree: tree.nodes, frontier: frontier, nodeCount: frontierNodes.count,
                rescale: rescale)
            rescale = nil
            var next: [Int] = []
            for (local, index) in frontierNodes.enumerated() {
                let nodeHistogram = histogram + local * edgeCounts.count * HistogramBuilder.bins * 2
                if level == 0 {
                    let (background, signal) = Self.totals(nodeHistogram, feature: 0)
                    tree.nodes[0].background = background
                    tree.nodes[0].signal = signal
                }
                guard tree.nodes[index].gini > Double.ulpOfOne,
                    let split = Self.bestSplit(nodeHistogram, edgeCounts: edgeCounts)
                else { continue }
                let left = tree.nodes.count
                tree.nodes[index].feature = split.feature
                tree.nodes[index].bin = split.bin
                tree.nodes[index].left = left
                tree.nodes[index].right = left + 1
                tree.nodes.append(BinnedTree.Node(background: split.left.0, signal: split.left.1))
                tree.nodes.append(BinnedTree.Node(background: split.right.0, signal: split.right.1))
                if level + 1 < settings.depth { next += [left, left + 1] }
            }
            frontierNodes = next
        }
        return tree
    }

    /// A feature's weight of each class in a node (background, signal).
    static func totals(_ histogram: UnsafeMutablePointer<Double>, feature: Int) -> (Double, Double) {
        let h = histogram + feature * HistogramBuilder.bins * 2
        var background = 0.0, signal = 0.0
        for bin in 0..<HistogramBuilder.bins {
            background += h[2 * bin]
            signal += h[2 * bin + 1]
        }
        return (background, signal)
    }

    struct Split {
        var feature: Int
        var bin: Int
        var left: (Double, Double)
        var right: (Double, Double)
    }

    /// The split of a node with the largest Gini decrease, which is the largest
    /// `Σ_k wL_k² / WL + Σ_k wR_k² / WR` (scikit-learn's proxy); `nil` when no feature
    /// splits the node's rows. Ties: first feature, then lowest bin.
    static func bestSplit(_ histogram: UnsafeMutablePointer<Double>, edgeCounts: [Int]) -> Split? {
        var best: Split?
        var bestProxy = -Double.infinity
        for feature in edgeCounts.indices where edgeCounts[feature] > 0 {
            let h = histogram + feature * HistogramBuilder.bins * 2
            let (background, signal) = totals(histogram, feature: feature)
            var lastFilled = -1
            for bin in 0...edgeCounts[feature] where h[2 * bin] > 0 || h[2 * bin + 1] > 0 { lastFilled = bin }
            var leftBackground = 0.0, leftSignal = 0.0
            for bin in 0..<lastFilled {
                leftBackground += h[2 * bin]
                leftSignal += h[2 * bin + 1]
                let leftWeight = leftBackground + leftSignal
                guard leftWeight > 0 else { continue }
                let rightBackground = background - leftBackground, rightSignal = signal - leftSignal
                let rightWeight = rightBackground + rightSignal
                let proxy =
                    (leftBackground * leftBackground + leftSignal * leftSignal) / leftWeight
                    + (rightBackground * rightBackground + rightSignal * rightSignal) / rightWeight
                if proxy > bestProxy {
                    bestProxy = proxy
                    best = Split(
                        feature: feature, bin: bin, left: (leftBackground, leftSignal),
                        right: (rightBackground, rightSignal))
                }
            }
        }
        return best
    }

    /// Multiplies the weights of the rows `tree` misclassifies by `exp(alpha)` (when
    /// `boostWeights`), adds the tree's vote to every row's score, and returns the sum of
    /// the weights and the number of rows the ensemble now misclassifies.
    mutating func update(tree: BinnedTree, alpha: Double, boostWeights: Bool) -> (weightSum: Double, wrong: Int) {
        let data = self.data
        let parts = BinnedRows.parts(data.rows)
        let factor = boostWeights ? exp(alpha) : 1
        let vote = Float(alpha)
        var sums = [Double](repeating: 0, count: parts)
        var wrongs = [Int](repeating: 0, count: parts)
        sums.withUnsafeMutableBufferPointer { sums in
            wrongs.withUnsafeMutableBufferPointer { wrongs in
                tree.nodes.withUnsafeBufferPointer { nodes in
                    let sums = SharedPointer(sums.baseAddress!), wrongs = SharedPointer(wrongs.baseAddress!)
                    let nodes = SharedPointer(UnsafeMutablePointer(mutating: nodes.baseAddress!))
                    let count = tree.nodes.count
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        let nodes = UnsafeBufferPointer(start: nodes.pointer, count: count)
                        var sum = 0.0
                        var wrong = 0
                        for row in data.rows * part / parts..<data.rows * (part + 1) / parts {
                            let isSignal = row < data.signalRows
                            let saysSignal = nodes[BinnedTree.leaf(nodes, bins: data.bins, rows: data.rows, row: row)]
                                .predictsSignal
                            if saysSignal != isSignal { data.weights[row] *= factor }
                            sum += data.weights[row]
                            let score = data.scores[row] + (saysSignal ? vote : -vote)
                            data.scores[row] = score
                            if (score > 0) != isSignal { wrong &+= 1 }
                        }
                        sums.pointer[part] = sum
                        wrongs.pointer[part] = wrong
                    }
                }
            }
        }
        let weightSum = sums.reduce(0, +)
        pendingScale = 1 / weightSum
        return (weightSum, wrongs.reduce(0, +))
    }
}
