/// Why AdaBoost could not train: one line that says what was wrong with the data or the
/// settings.
public struct AdaBoostError: Error, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Equatable, Sendable {
        /// A setting is out of range.
        case badSettings(String)
        /// Fewer than two rows.
        case tooFewRows(Int)
        /// All rows are of one class (`signal` tells which).
        case oneClass(signal: Bool, rows: Int)
        /// A feature value is NaN.
        case notANumber(feature: Int)
        /// Labels are not 0 or 1, or their count differs from the rows'.
        case badLabels(String)
        /// The first tree is no better than chance (weighted error `error` ≥ 0.5).
        case worseThanChance(error: Double)
    }

    /// What went wrong.
    public let reason: Reason

    /// An error for `reason`.
    init(_ reason: Reason) { self.reason = reason }

    /// The one-line message.
    public var description: String {
        switch reason {
        case let .badSettings(detail):
            return "AdaBoost settings: \(detail)"
        case let .tooFewRows(rows):
            return "AdaBoost needs at least 2 training rows, got \(rows): check the split's training part"
        case let .oneClass(signal, rows):
            return "all \(rows) training rows are \(signal ? "signal" : "background"): a classifier needs "
                + "both classes in the training part"
        case let .notANumber(feature):
            return "feature \(feature) has a NaN value in the training rows: AdaBoost needs every value"
        case let .badLabels(detail):
            return "training labels: \(detail)"
        case let .worseThanChance(error):
            return "the first tree's weighted error is \(error), no better than chance: the features "
                + "do not separate the classes"
        }
    }
}
