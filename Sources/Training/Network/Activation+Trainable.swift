import Models

extension Activation {
    /// The activations the trainer differentiates, by the Keras names that the stored
    /// settings, `leaderboard train` and the baseline's README give them.
    static let trainable: [(name: String, activation: Activation)] = [
        ("relu", .relu), ("sigmoid", .sigmoid), ("tanh", .tanh), ("linear", .linear),
    ]

    /// The Keras name of an activation the trainer can differentiate; `nil` for any other.
    public var trainableName: String? {
        Self.trainable.first { $0.activation == self }?.name
    }
}

extension KeyedDecodingContainer {
    /// The trainable activation stored under `key` by its name.
    func decodeTrainableActivation(forKey key: Key) throws -> Activation {
        let name = try decode(String.self, forKey: key)
        guard let activation = Activation.trainable.first(where: { $0.name == name })?.activation else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "'\(name)' is not an activation the trainer differentiates")
        }
        return activation
    }
}

extension KeyedEncodingContainer {
    /// Stores `activation` under `key` by its name.
    mutating func encodeTrainable(_ activation: Activation, forKey key: Key) throws {
        guard let name = activation.trainableName else {
            throw EncodingError.invalidValue(
                activation,
                EncodingError.Context(
                    codingPath: codingPath + [key], debugDescription: "\(activation) is not an activation the trainer differentiates"))
        }
        try encode(name, forKey: key)
    }
}
