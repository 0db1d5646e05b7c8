import Models

/// Keras' built-in activations by the names a config uses, with the defaults each
/// Keras version applies when an activation is named by a string.
enum KerasActivations {
    /// The activation named `name` in a config written by Keras `major` (2 or 3), or
    /// `nil` when that Keras has no such built-in.
    static func named(_ name: String, kerasMajor: Int) -> Activation? {
        if kerasMajor >= 3, let activation = keras3Only[name] { return activation }
        if kerasMajor < 3, let activation = keras2Only[name] { return activation }
        return common[name]
    }

    /// Names both versions define alike.
    private static let common: [String: Activation] = [
        "linear": .linear,
        "relu": .relu(negativeSlope: 0, maxValue: nil, threshold: 0),
        "relu6": .relu6,
        // tf.nn.leaky_relu's default slope (Keras 2) and keras.activations.leaky_relu's (3).
        "leaky_relu": .leakyReLU(negativeSlope: 0.2),
        "elu": .elu(alpha: 1),
        "selu": .selu,
        "sigmoid": .sigmoid,
        "tanh": .tanh,
        "softplus": .softplus,
        "softsign": .softsign,
        "silu": .silu,
        "swish": .silu,
        "gelu": .gelu(approximate: false),
        "mish": .mish,
        "exponential": .exponential,
        "softmax": .softmax,
        "log_softmax": .logSoftmax,
    ]

    /// Keras 3 only, and `hard_sigmoid` as Keras 3 defines it.
    private static let keras3Only: [String: Activation] = [
        "hard_sigmoid": .hardSigmoid,
        "hard_silu": .hardSilu,
        "hard_swish": .hardSilu,
        "celu": .celu(alpha: 1),
        "squareplus": .squareplus(b: 4),
        "sparse_plus": .sparsePlus,
        "soft_shrink": .softShrink(threshold: 0.5),
        "hard_shrink": .hardShrink(threshold: 0.5),
        "tanh_shrink": .tanhShrink,
        "hard_tanh": .hardTanh,
        "log_sigmoid": .logSigmoid,
        "sparse_sigmoid": .sparseSigmoid,
        "sparsemax": .sparsemax,
        "glu": .glu,
    ]

    /// Keras 2 (tf.keras, tf-keras) only.
    private static let keras2Only: [String: Activation] = [
        "hard_sigmoid": .hardSigmoidKeras2,
        "softmax_v2": .softmax,
    ]
}
