/// Why a network could not be trained.
public struct NetworkTrainingError: Error, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var reason: Reason

    /// The ways training can fail before it starts.
    public enum Reason: Equatable, Sendable {
        /// A setting cannot work (the message names it and what to give instead).
        case badOption(String)
        /// The training rows are too few to take a step: `found` rows.
        case tooFewRows(found: Int)
        /// Every training row has the same label, so there is nothing to separate.
        case oneClass(label: UInt8, rows: Int)
        /// The starting parameters do not fit the options' layers.
        case parametersMismatch(String)
    }

    /// An error for `reason`.
    public init(_ reason: Reason) { self.reason = reason }

    /// One line that says what is wrong and what to do.
    public var description: String {
        switch reason {
        case let .badOption(message):
            return "cannot train the network: \(message)"
        case let .tooFewRows(found):
            return "cannot train the network on \(found) training row\(found == 1 ? "" : "s"); give at least 2 rows of both classes"
        case let .oneClass(label, rows):
            let name = label == 1 ? "signal" : "background"
            return "cannot train the network: all \(rows) training rows are \(name) (label \(label)); the split needs both classes"
        case let .parametersMismatch(message):
            return "cannot train the network from the given weights: \(message)"
        }
    }
}
