/// One node of a ``DenseNetwork``: what it computes and which earlier nodes feed it.
///
/// Every tensor is a row of features per event (rank 1 after the batch axis); layers that
/// only reshape such a row (`Flatten`) or do nothing at inference (`Dropout`) are
/// ``Operation/identity``.
public struct NetworkLayer: Sendable {
    /// The layer's name in its model, for messages and summaries.
    public var name: String
    /// What the layer computes.
    public var operation: Operation
    /// Indices (into the network's layers) of the layers whose outputs this one reads,
    /// in order; each must be smaller than this layer's own index.
    public var inputs: [Int]

    /// A node named `name` computing `operation` on the outputs of `inputs`.
    public init(name: String, operation: Operation, inputs: [Int]) {
        self.name = name
        self.operation = operation
        self.inputs = inputs
    }

    /// What a node computes. Vectors of per-feature parameters have the width of the
    /// node's input row, except where a single value is allowed (noted).
    public enum Operation: Sendable {
        /// The network's input: rows of `width` features. Exactly one per network; no inputs.
        case input(width: Int)
        /// `activation(x · kernel + bias)`: `kernel` is `inputWidth × units`, row-major
        /// (Keras' layout), `bias` has `units` values or is absent (`use_bias=False`).
        case dense(units: Int, kernel: [Float], bias: [Float]?, activation: Activation)
        /// Keras' `BatchNormalization` at inference: with
        /// `inv = scale / sqrt(variance + epsilon)` (scale 1 when absent),
        /// `x * inv + (offset - mean * inv)` (offset 0 when absent), the order of operations
        /// TensorFlow uses.
        case batchNormalization(
            mean: [Float], variance: [Float], scale: [Float]?, offset: [Float]?, epsilon: Float)
        /// Keras' `Normalization`: `(x - mean) / max(sqrt(variance), 1e-7)`; `mean` and
        /// `variance` may each be a single value broadcast over the row.
        case normalization(mean: [Float], variance: [Float])
        /// An activation on its own (`Activation`, `ReLU`, `LeakyReLU`, `ELU`, `Softmax`,
        /// `ThresholdedReLU` layers).
        case activation(Activation)
        /// Keras' `PReLU`: `max(x, 0) - alpha * max(-x, 0)` with a learned `alpha` per feature.
        case parametricReLU(alpha: [Float])
        /// Passes its single input through (`InputLayer` after the input, `Dropout`,
        /// `Flatten` of a row, noise layers).
        case identity
        /// An element-wise merge of two or more inputs of the same width.
        case merge(Merge)
        /// The inputs' rows side by side, in input order.
        case concatenate
    }

    /// Element-wise merges of Keras' merging layers.
    public enum Merge: String, Sendable, CaseIterable {
        /// `Add`: the sum.
        case add
        /// `Subtract`: the first minus the second (exactly two inputs).
        case subtract
        /// `Multiply`: the product.
        case multiply
        /// `Average`: the sum divided by the number of inputs.
        case average
        /// `Maximum`.
        case maximum
        /// `Minimum`.
        case minimum
    }
}

/// Why a ``DenseNetwork`` could not be built from its layers.
public struct NetworkError: Error, Equatable, CustomStringConvertible {
    /// The layer at fault, when there is one.
    public var layer: String?
    /// What is wrong.
    public var message: String

    /// An error about `layer` (or the whole network when `nil`).
    public init(layer: String?, _ message: String) {
        self.layer = layer
        self.message = message
    }

    /// The layer (when there is one) and what is wrong with it.
    public var description: String {
        if let layer { return "layer '\(layer)': \(message)" }
        return message
    }
}
