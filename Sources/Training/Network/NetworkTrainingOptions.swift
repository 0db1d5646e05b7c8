import Models

/// How to train a multilayer perceptron: its layers and Keras' training settings.
///
/// The defaults are the hackathon notebook's network and Keras' own defaults: Dense 28 relu
/// → 14 relu → 7 relu → 1 sigmoid, Adam with learning rate 0.001, β1 0.9, β2 0.999,
/// ε 1e-7, binary cross-entropy, batches of 256 rows, shuffled every epoch.
public struct NetworkTrainingOptions: Sendable, Equatable, Codable {
    /// The dense layers after the input, in order. The last must be 1 unit with
    /// ``Models/Activation/sigmoid`` (binary cross-entropy reads a probability).
    public var layers: [NetworkLayerSpec]
    /// Passes over the training rows.
    public var epochs: Int
    /// Rows per gradient step (the last step of an epoch takes what is left).
    public var batchSize: Int
    /// Adam's learning rate.
    public var learningRate: Double
    /// Adam's decay of the first moment.
    var beta1: Double
    /// Adam's decay of the second moment.
    var beta2: Double
    /// Adam's ε, added to the square root of the second moment (Keras' form).
    ///
    /// The four Adam settings are doubles, as Keras holds them (Python floats), and are
    /// rounded to float32 where Keras rounds them: `1 - beta1` is computed before rounding.
    var epsilon: Double
    /// Seeds the initial weights and every epoch's shuffle: the same seed, data and
    /// options give the same network, bit for bit.
    public var seed: UInt64
    /// Whether the rows are visited in a new random order every epoch (Keras'
    /// `shuffle=True`); otherwise in file order.
    var shuffle: Bool
    /// Whether the two halves of each batch run on two cores when the machine has them.
    /// The result is the same either way (the halves are always summed in the same order);
    /// only the time differs.
    var parallel: Bool

    /// The notebook's network: 28 relu, 14 relu, 7 relu, 1 sigmoid.
    public static let notebookLayers: [NetworkLayerSpec] = [
        NetworkLayerSpec(units: 28, activation: .relu),
        NetworkLayerSpec(units: 14, activation: .relu),
        NetworkLayerSpec(units: 7, activation: .relu),
        NetworkLayerSpec(units: 1, activation: .sigmoid),
    ]

    /// Options with Keras' defaults; every setting can be given.
    public init(
        layers: [NetworkLayerSpec] = NetworkTrainingOptions.notebookLayers,
        epochs: Int = 10,
        batchSize: Int = 256,
        learningRate: Double = 0.001,
        beta1: Double = 0.9,
        beta2: Double = 0.999,
        epsilon: Double = 1e-7,
        seed: UInt64 = 2014,
        shuffle: Bool = true,
        parallel: Bool = true
    ) {
        self.layers = layers
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.seed = seed
        self.shuffle = shuffle
        self.parallel = parallel
    }

    /// Checks the options.
    ///
    /// - Throws: ``NetworkTrainingError`` with ``NetworkTrainingError/Reason/badOption(_:)``
    ///   naming the first setting that cannot work.
    public func validate() throws(NetworkTrainingError) {
        func bad(_ message: String) -> NetworkTrainingError { NetworkTrainingError(.badOption(message)) }
        guard !layers.isEmpty else { throw bad("the network needs at least one layer") }
        for (index, layer) in layers.enumerated() where layer.units < 1 || layer.units > 4096 {
            throw bad("layer \(index + 1) has \(layer.units) units; give 1 to 4096")
        }
        for (index, layer) in layers.enumerated() where layer.activation.trainableName == nil {
            throw bad("layer \(index + 1)'s activation cannot be trained; give relu, sigmoid, tanh or linear")
        }
        guard let last = layers.last, last.units == 1, last.activation == .sigmoid else {
            throw bad("the last layer must be 1 unit with sigmoid (binary cross-entropy reads a probability)")
        }
        guard epochs >= 1 else { throw bad("epochs is \(epochs); give 1 or more") }
        guard batchSize >= 1 else { throw bad("batch size is \(batchSize); give 1 or more") }
        guard learningRate.isFinite, learningRate > 0 else { throw bad("learning rate \(learningRate) is not positive") }
        guard (0..<1).contains(beta1), (0..<1).contains(beta2) else {
            throw bad("beta1 and beta2 must be in [0, 1)")
        }
        guard epsilon.isFinite, epsilon >= 0 else { throw bad("epsilon \(epsilon) is negative") }
    }
}

/// One dense layer of a network to train: its width and activation.
public struct NetworkLayerSpec: Sendable, Equatable, Codable {
    /// Output units.
    public var units: Int
    /// The activation applied to `x · kernel + bias`: one the trainer differentiates
    /// (``Models/Activation/trainableName``: relu, sigmoid, tanh, linear).
    public var activation: Activation

    /// A dense layer of `units` units followed by `activation`.
    public init(units: Int, activation: Activation) {
        self.units = units
        self.activation = activation
    }

    private enum CodingKeys: String, CodingKey { case units, activation }

    /// Reads the layer, its activation stored by name.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        units = try container.decode(Int.self, forKey: .units)
        activation = try container.decodeTrainableActivation(forKey: .activation)
    }

    /// Stores the layer, its activation by name.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(units, forKey: .units)
        try container.encodeTrainable(activation, forKey: .activation)
    }
}
