import Foundation

/// A binary AdaBoost ensemble of decision trees, scored as scikit-learn's
/// `AdaBoostClassifier` (algorithm SAMME, as scikit-learn ≥ 1.4 runs it) scores one.
///
/// With trees `t` of weight `w_t` and `s_t(x) = +1` when tree `t` predicts signal and
/// `-1` otherwise, scikit-learn's `decision_function` is
/// `f(x) = 2 · Σ_t w_t s_t(x) / Σ_t w_t`, and `predict_proba(x)[:, 1]` is
/// `softmax([-f/2, f/2])[1] = 1 / (1 + exp(-f(x)))`: that probability is what
/// ``predict(_:)`` returns.
public struct AdaBoostEnsemble: Classifier, Equatable {
    /// The trees, in boosting order.
    public let trees: [DecisionTree]
    /// Each tree's weight (scikit-learn's `estimator_weights_`), same order.
    public let weights: [Double]
    /// Features per row.
    public let inputCount: Int

    /// An ensemble of `trees` with `weights`, reading rows of `inputCount` features.
    ///
    /// - Throws: ``TreeModelError`` when there are no trees, the counts differ, a weight is
    ///   not finite or negative, or the weights sum to zero.
    public init(trees: [DecisionTree], weights: [Double], inputCount: Int) throws(TreeModelError) {
        guard !trees.isEmpty else { throw TreeModelError("the ensemble has no trees") }
        guard trees.count == weights.count else {
            throw TreeModelError("\(trees.count) trees but \(weights.count) weights")
        }
        guard weights.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw TreeModelError("a tree weight is negative or not finite")
        }
        guard weights.reduce(0, +) > 0 else { throw TreeModelError("the tree weights sum to zero") }
        guard inputCount > 0 else { throw TreeModelError("the ensemble reads \(inputCount) features") }
        for (index, tree) in trees.enumerated() {
            if let node = tree.nodes.first(where: { !$0.isLeaf && $0.feature >= inputCount }) {
                throw TreeModelError("tree \(index) splits on feature \(node.feature), not among the \(inputCount) features")
            }
        }
        self.trees = trees
        self.weights = weights
        self.inputCount = inputCount
    }

    /// scikit-learn's `decision_function`: `2 · Σ_t w_t s_t(x) / Σ_t w_t`, in
    /// `[-2, 2]`; positive means signal.
    ///
    /// - Throws: ``ClassifierError/inputWidth(expected:found:)``.
    public func decision(_ batch: FeatureBatch) throws -> [Double] {
        guard batch.columns == inputCount else {
            throw ClassifierError.inputWidth(expected: inputCount, found: batch.columns)
        }
        var out = [Double](repeating: 0, count: batch.rows)
        guard batch.rows > 0 else { return out }
        let total = weights.reduce(0, +)
        let trees = self.trees, weights = self.weights, columns = batch.columns
        let base = UnsafeSendablePointer(batch.values.baseAddress!)
        let parts = batch.rows >= 20_000 ? 16 : 1
        out.withUnsafeMutableBufferPointer { buffer in
            let target = UnsafeSendablePointer(UnsafePointer(buffer.baseAddress!))
            let rows = batch.rows
            performInParallel(iterations: parts) { part in
                let output = UnsafeMutablePointer(mutating: target.pointer)
                for row in rows * part / parts..<rows * (part + 1) / parts {
                    let x = base.pointer + row * columns
                    var sum = 0.0
                    for t in trees.indices {
                        sum += trees[t].predictsSignal(row: x) ? weights[t] : -weights[t]
                    }
                    output[row] = 2 * (sum / total)
                }
            }
        }
        return out
    }

    /// The signal probability of every row: scikit-learn's `predict_proba(X)[:, 1]`,
    /// `1 / (1 + exp(-decision))`.
    ///
    /// - Throws: ``ClassifierError/inputWidth(expected:found:)``.
    public func predict(_ batch: FeatureBatch) throws -> [Double] {
        try decision(batch).map { 1 / (1 + exp(-$0)) }
    }
}

/// A pointer handed to the parts of a `concurrentPerform`, each of which reads or writes
/// rows of its own.
struct UnsafeSendablePointer<T>: @unchecked Sendable {
    let pointer: UnsafePointer<T>
    init(_ pointer: UnsafePointer<T>) { self.pointer = pointer }
}
