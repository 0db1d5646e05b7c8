/// Why a network could not be exported as a Keras file.
public struct KerasExportError: Error, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var reason: Reason

    /// The ways an export fails.
    public enum Reason: Equatable, Sendable {
        /// The network is not a chain input → dense → … → dense (the message says where).
        case notSequential(String)
        /// A dense layer's activation has no Keras name that means exactly it.
        case unsupportedActivation(layer: String, activation: String)
        /// A layer's name cannot be a Keras layer name (or is used twice).
        case badLayerName(String)
        /// libhdf5 failed while building the file.
        case hdf5(String)
        /// The file could not be written at `path`.
        case cannotWrite(path: String, detail: String)
    }

    /// An error for `reason`.
    public init(_ reason: Reason) { self.reason = reason }

    /// One line naming the problem and what to do.
    public var description: String {
        switch reason {
        case let .notSequential(detail):
            return "cannot export as a Keras Sequential model: \(detail); only input → dense → … → dense chains are exported"
        case let .unsupportedActivation(layer, activation):
            return "cannot export layer '\(layer)' to Keras: its activation \(activation) has no Keras name with the same parameters"
        case let .badLayerName(name):
            return "cannot export a layer named '\(name)': Keras names are unique and use letters, digits, '_', '-' and '.'"
        case let .hdf5(detail):
            return "cannot build the Keras file: \(detail)"
        case let .cannotWrite(path, detail):
            return "cannot write the Keras file \(path): \(detail)"
        }
    }
}
