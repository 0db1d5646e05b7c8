import Models

/// What the reader makes of a layer's class, decided before any weight is read.
enum KerasLayerKind: Equatable {
    case input
    case dense
    case batchNormalization
    case normalization
    case activation
    case relu
    case leakyReLU
    case elu
    case parametricReLU
    case thresholdedReLU
    case softmax
    /// Does nothing at inference (`Dropout`, `Flatten` of a row, noise layers…).
    case identity
    case merge(NetworkLayer.Merge)
    case concatenate

    /// The classes read, for messages.
    static let supportedClassNames =
        "InputLayer, Dense, Dropout, BatchNormalization, Normalization, Activation, Flatten, "
        + "ReLU, LeakyReLU, ELU, PReLU, ThresholdedReLU, Softmax, Add, Subtract, Multiply, "
        + "Average, Maximum, Minimum, Concatenate, noise and regularization layers"

    private static let identities: Set<String> = [
        "Dropout", "SpatialDropout1D", "GaussianNoise", "GaussianDropout", "AlphaDropout",
        "ActivityRegularization", "Identity", "Flatten",
    ]

    private static let merges: [String: NetworkLayer.Merge] = [
        "Add": .add, "Subtract": .subtract, "Multiply": .multiply, "Average": .average,
        "Maximum": .maximum, "Minimum": .minimum,
    ]

    /// The kind of `layer`, or the refusal: Lambda layers and custom classes carry code;
    /// other classes are not supported.
    static func of(_ layer: KerasLayerConfig) throws(ReasonError) -> KerasLayerKind {
        switch layer.className {
        case "InputLayer": return .input
        case "Dense": return .dense
        case "BatchNormalization": return .batchNormalization
        case "Normalization": return .normalization
        case "Activation": return .activation
        case "ReLU": return .relu
        case "LeakyReLU": return .leakyReLU
        case "ELU": return .elu
        case "PReLU": return .parametricReLU
        case "ThresholdedReLU": return .thresholdedReLU
        case "Softmax": return .softmax
        case "Concatenate": return .concatenate
        case "Lambda": throw ReasonError(.lambdaLayer(layer: layer.name))
        default: break
        }
        if identities.contains(layer.className) { return .identity }
        if let merge = merges[layer.className] { return .merge(merge) }
        let registered = layer.registeredName.map { $0 != layer.className && $0.contains(">") } ?? false
        let foreignModule = layer.module.map { !$0.hasPrefix("keras") } ?? false
        if layer.className.contains(">") || registered || foreignModule {
            throw ReasonError(.customLayer(layer: layer.name, className: layer.registeredName ?? layer.className))
        }
        throw ReasonError(.unsupportedLayer(layer: layer.name, className: layer.className))
    }
}

/// A refusal or problem found while reading, before the file's name is attached.
struct ReasonError: Error {
    var reason: ModelFileError.Reason
    init(_ reason: ModelFileError.Reason) { self.reason = reason }
}
