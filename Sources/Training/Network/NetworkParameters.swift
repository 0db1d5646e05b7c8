import HiggsData
import Models

/// The weights of a multilayer perceptron of dense layers, in Keras' layout.
public struct NetworkParameters: Sendable, Equatable, Codable {
    /// Features per input row.
    public var inputCount: Int
    /// The dense layers, input side first.
    public var layers: [DenseLayerParameters]

    /// A network reading `inputCount` features through `layers`.
    public init(inputCount: Int, layers: [DenseLayerParameters]) {
        self.inputCount = inputCount
        self.layers = layers
    }

    /// Keras' default start: Glorot-uniform kernels (uniform in `±sqrt(6 / (fanIn + fanOut))`)
    /// and zero biases, drawn from a SplitMix64 stream seeded with `seed`, layer by layer,
    /// kernel values in row-major order.
    public init(glorotUniformFor layers: [NetworkLayerSpec], inputCount: Int, seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        self.init(glorotUniformFor: layers, inputCount: inputCount, using: &generator)
    }

    /// Glorot-uniform kernels and zero biases drawn from `generator`.
    init(glorotUniformFor specs: [NetworkLayerSpec], inputCount: Int, using generator: inout SplitMix64) {
        var layers: [DenseLayerParameters] = []
        var fanIn = inputCount
        for spec in specs {
            let limit = Self.glorotLimit(fanIn: fanIn, fanOut: spec.units)
            let kernel = (0..<(fanIn * spec.units)).map { _ in
                (2 * Self.unitFloat(&generator) - 1) * limit
            }
            layers.append(
                DenseLayerParameters(
                    inputCount: fanIn, units: spec.units, activation: spec.activation,
                    kernel: kernel, bias: [Float](repeating: 0, count: spec.units)))
            fanIn = spec.units
        }
        self.init(inputCount: inputCount, layers: layers)
    }

    /// Glorot's bound `sqrt(6 / (fanIn + fanOut))`, as Keras' `GlorotUniform` computes it.
    public static func glorotLimit(fanIn: Int, fanOut: Int) -> Float {
        Float((6.0 / Double(fanIn + fanOut)).squareRoot())
    }

    /// A float uniform in `[0, 1)` with 24 random bits.
    static func unitFloat(_ generator: inout SplitMix64) -> Float {
        Float(generator.next() >> 40) * 0x1.0p-24
    }

    /// The layer widths and activations.
    public var specs: [NetworkLayerSpec] {
        layers.map { NetworkLayerSpec(units: $0.units, activation: $0.activation) }
    }

    /// Total trainable values (kernels and biases).
    public var parameterCount: Int {
        layers.reduce(0) { $0 + $1.kernel.count + $1.bias.count }
    }

    /// The network for inference: an input layer named `input_layer`, then dense layers
    /// named as Keras names them (`dense`, `dense_1`, …), the last one the output.
    ///
    /// Scoring reads the same ``Models/DenseNetwork``, so what was trained is what is
    /// scored.
    /// - Throws: ``Models/NetworkError`` when the shapes do not fit or a value is not finite
    ///   (a network that diverged).
    public func denseNetwork() throws -> DenseNetwork {
        var networkLayers = [NetworkLayer(name: "input_layer", operation: .input(width: inputCount), inputs: [])]
        for (index, layer) in layers.enumerated() {
            networkLayers.append(
                NetworkLayer(
                    name: index == 0 ? "dense" : "dense_\(index)",
                    operation: .dense(
                        units: layer.units, kernel: layer.kernel, bias: layer.bias,
                        activation: layer.activation),
                    inputs: [index]))
        }
        return try DenseNetwork(layers: networkLayers, outputLayer: networkLayers.count - 1)
    }

    /// Checks that these parameters are a network of `specs` reading `inputCount` features.
    func check(matching specs: [NetworkLayerSpec], inputCount expectedInputs: Int) throws(NetworkTrainingError) {
        func mismatch(_ message: String) -> NetworkTrainingError { NetworkTrainingError(.parametersMismatch(message)) }
        guard inputCount == expectedInputs else {
            throw mismatch("they read \(inputCount) features, the data has \(expectedInputs)")
        }
        guard self.specs == specs else { throw mismatch("their layers are \(self.specs), the options ask for \(specs)") }
        var fanIn = inputCount
        for (index, layer) in layers.enumerated() {
            guard layer.inputCount == fanIn, layer.kernel.count == fanIn * layer.units, layer.bias.count == layer.units else {
                throw mismatch("layer \(index + 1) has a kernel of \(layer.kernel.count) and a bias of \(layer.bias.count) values")
            }
            fanIn = layer.units
        }
    }
}

/// One dense layer's weights: `activation(x · kernel + bias)`.
public struct DenseLayerParameters: Sendable, Equatable, Codable {
    /// Inputs (rows of the kernel).
    public var inputCount: Int
    /// Outputs (columns of the kernel).
    public var units: Int
    /// The activation after the affine map.
    public var activation: Activation
    /// `inputCount × units` values, row-major: Keras' kernel layout.
    public var kernel: [Float]
    /// `units` values.
    public var bias: [Float]

    /// A layer from its weights.
    init(inputCount: Int, units: Int, activation: Activation, kernel: [Float], bias: [Float]) {
        self.inputCount = inputCount
        self.units = units
        self.activation = activation
        self.kernel = kernel
        self.bias = bias
    }

    private enum CodingKeys: String, CodingKey { case inputCount, units, activation, kernel, bias }

    /// Reads the layer, its activation stored by name.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        inputCount = try container.decode(Int.self, forKey: .inputCount)
        units = try container.decode(Int.self, forKey: .units)
        activation = try container.decodeTrainableActivation(forKey: .activation)
        kernel = try container.decode([Float].self, forKey: .kernel)
        bias = try container.decode([Float].self, forKey: .bias)
    }

    /// Stores the layer, its activation by name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(inputCount, forKey: .inputCount)
        try container.encode(units, forKey: .units)
        try container.encodeTrainable(activation, forKey: .activation)
        try container.encode(kernel, forKey: .kernel)
        try container.encode(bias, forKey: .bias)
    }
}
