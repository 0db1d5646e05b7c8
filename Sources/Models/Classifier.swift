/// Anything that turns events into signal probabilities: a neural network, a tree
/// ensemble, a table of given scores.
///
/// Implementations are immutable values, safe to share between threads, and know nothing
/// of the file they came from.
public protocol Classifier: Sendable {
    /// How many features every row must have (the batch's `columns`).
    var inputCount: Int { get }

    /// One signal probability (or score: higher means more signal-like) per row, in row
    /// order.
    ///
    /// - Throws: ``ClassifierError/inputWidth(expected:found:)`` when
    ///   `batch.columns != inputCount`; an implementation may throw other errors too.
    func predict(_ batch: FeatureBatch) throws -> [Double]
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
