/// Why a metric could not be computed from the scores and labels it was given.
///
/// Every function of this module that reads data throws this error instead of trapping:
/// scores and labels come from participants' files, so bad input is expected.
public struct MetricsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong with the input.
    public enum Reason: Sendable, Equatable {
        /// No rows at all.
        case empty
        /// The score and label arrays (or two score arrays scored on the same rows) differ in length.
        case lengthMismatch(scores: Int, labels: Int)
        /// A label other than 0 (background) or 1 (signal).
        case invalidLabel(index: Int, value: UInt8)
        /// A score that is NaN.
        case nanScore(index: Int)
        /// A score that is +infinity or -infinity.
        case infiniteScore(index: Int, value: Double)
        /// A score outside [0, 1] where a probability is required (log loss).
        case scoreOutOfRange(index: Int, value: Double)
        /// Only one class is present, so the metric (ROC curve, AUC, efficiencies) is undefined.
        case singleClass(positives: Int, negatives: Int)
        /// DeLong's variance needs at least two rows of each class.
        case tooFewForVariance(positives: Int, negatives: Int)
        /// Two rankings compared by a paired test were not made from the same labels.
        case labelsDiffer(firstIndex: Int)
    }

    /// What was wrong.
    public let reason: Reason

    /// Creates an error for `reason`.
    public init(_ reason: Reason) {
        self.reason = reason
    }

    /// One line saying what was found and what the metric needs instead.
    public var description: String {
        switch reason {
        case .empty:
            return "no scores: metrics need at least one row"
        case .lengthMismatch(let scores, let labels):
            return "\(scores) scores but \(labels) labels: there must be exactly one score per labelled row"
        case .invalidLabel(let index, let value):
            return "label \(value) at row \(index): labels must be 0 (background) or 1 (signal)"
        case .nanScore(let index):
            return "score at row \(index) is NaN: every score must be a finite number"
        case .infiniteScore(let index, let value):
            return "score at row \(index) is \(value): every score must be a finite number"
        case .scoreOutOfRange(let index, let value):
            return "score \(value) at row \(index) is not a probability: log loss needs scores in [0, 1]"
        case .singleClass(let positives, let negatives):
            return "only one class present (\(positives) signal, \(negatives) background rows): "
                + "ROC curve and AUC need both signal and background rows"
        case .tooFewForVariance(let positives, let negatives):
            return "\(positives) signal and \(negatives) background rows: "
                + "DeLong's variance needs at least two rows of each class"
        case .labelsDiffer(let firstIndex):
            return "labels differ at row \(firstIndex): a paired test compares two score vectors on the same rows"
        }
    }
}
