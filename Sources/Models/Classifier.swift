/// Anything that turns events into signal probabilities: a neural network, a tree
/// ensemble, a table of given scores.
///
/// Implementations are immutable values, safe to share between threads, and know nothing
/// of the file they came from.
public protocol Classifier: Sendable {
    /// How many features every row must have (the batch's `columns`).
    var inputCount: Int { get }

    /// The precision the model's framework reads its input in: a classifier of
    /// ``InputPrecision/float64`` reads a batch's ``FeatureBatch/exactValues`` when it has
    /// them. Float32 unless a classifier says otherwise.
    var inputPrecision: InputPrecision { get }

    /// One signal probability (or score: higher means more signal-like) per row, in row
    /// order.
    ///
    /// - Throws: ``ClassifierError/inputWidth(expected:found:)`` when
    ///   `batch.columns != inputCount`; an implementation may throw other errors too.
    func predict(_ batch: FeatureBatch) throws -> [Double]
}

extension Classifier {
    /// Float32: what Keras, XGBoost and scikit-learn's trees read.
    public var inputPrecision: InputPrecision { .float32 }
}

/// The element type a framework reads its input in. A value written with fewer digits than
/// a float32 needs (three decimals, say) is the same value to a float64 model and the
/// nearest float32 to a float32 model, and the two may fall on either side of a threshold.
public enum InputPrecision: Sendable, Equatable {
    /// float32 (Keras, XGBoost, scikit-learn's trees, ONNX graphs of float input).
    case float32
    /// float64 (LightGBM, ONNX graphs of double input).
    case float64
}

/// Why a classifier could not predict.
public enum ClassifierError: Error, Equatable, CustomStringConvertible {
    /// The batch's rows do not have the number of features the classifier reads.
    case inputWidth(expected: Int, found: Int)

    /// The reason, in words.
    public var description: String {
        switch self {
        case let .inputWidth(expected, found):
            return "the model reads \(expected) features per row, but the rows have \(found)"
        }
    }
}
