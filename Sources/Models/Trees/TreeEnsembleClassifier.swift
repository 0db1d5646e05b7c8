import Foundation

/// A ``TreeEnsemble`` read as a binary classifier: its raw scores, turned into one signal
/// probability per row by a ``Transform`` and read from one output.
public struct TreeEnsembleClassifier: Classifier {
    /// How a row's raw scores become probabilities (ONNX's `post_transform`, XGBoost's
    /// and LightGBM's objectives).
    public enum Transform: Sendable, Equatable {
        /// The raw scores as they are (a forest whose leaves hold probabilities).
        case identity
        /// `1 / (1 + exp(-scale · score))`, output by output (XGBoost's `binary:logistic`
        /// with scale 1, LightGBM's `binary` with its `sigmoid` parameter).
        case logistic(scale: Double)
        /// `exp(s_k) / Σ_j exp(s_j)` over the row's outputs.
        case softmax
        /// As ``softmax``, but outputs that are exactly 0 stay 0 (ONNX's `SOFTMAX_ZERO`).
        case softmaxZero
    }

    /// The trees.
    public let ensemble: TreeEnsemble
    /// How raw scores become probabilities.
    public let transform: Transform
    /// The output read as the signal probability, after the transform.
    public let signalOutput: Int

    /// Reads output `signalOutput` of `ensemble`'s scores after `transform`.
    ///
    /// - Throws: ``TreeModelError`` when `signalOutput` is not one of the outputs or a
    ///   logistic scale is not finite.
    public init(ensemble: TreeEnsemble, transform: Transform, signalOutput: Int = 0) throws(TreeModelError) {
        guard (0..<ensemble.outputCount).contains(signalOutput) else {
            throw TreeModelError("output \(signalOutput) is read as the signal, but the trees have \(ensemble.outputCount)")
        }
        if case let .logistic(scale) = transform, !scale.isFinite {
            throw TreeModelError("the logistic scale \(scale) is not finite")
        }
        self.ensemble = ensemble
        self.transform = transform
        self.signalOutput = signalOutput
    }

    /// Features per row.
    public var inputCount: Int { ensemble.inputCount }

    /// The ensemble's precision (float64 for LightGBM).
    public var inputPrecision: InputPrecision { ensemble.precision }

    /// The signal probability of every row.
    ///
    /// - Throws: ``ClassifierError/inputWidth(expected:found:)``.
    public func predict(_ batch: FeatureBatch) throws -> [Double] {
        let scores = try ensemble.rawScores(batch)
        let outputs = ensemble.outputCount
        return (0..<batch.rows).map { row in
            Self.apply(transform, to: scores[row * outputs..<(row + 1) * outputs], reading: signalOutput)
        }
    }

    /// Output `k` of one row's `scores` after `transform`.
    static func apply(_ transform: Transform, to scores: ArraySlice<Double>, reading k: Int) -> Double {
        let score = scores[scores.startIndex + k]
        switch transform {
        case .identity:
            return score
        case let .logistic(scale):
            return 1 / (1 + exp(-scale * score))
        case .softmax, .softmaxZero:
            let zeroStays = transform == .softmaxZero
            if zeroStays && score == 0 { return 0 }
            let top = scores.max() ?? 0
            let total = scores.reduce(0) { $0 + (zeroStays && $1 == 0 ? 0 : exp($1 - top)) }
            return exp(score - top) / total
        }
    }
}
