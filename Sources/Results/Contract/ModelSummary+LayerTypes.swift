/// How a summary is shown to people: a row a layer when the model has few, a row a type
/// when it has many. One rule for every format, so a Keras net and an ONNX graph of the
/// same size read alike on the entry page and in `check`.
extension ModelSummary {
    /// Most layers (ONNX nodes) shown one a row. Past it the rows stop being read: a deep
    /// exported graph has hundreds of `Add` and `MatMul` nodes whose names repeat a block
    /// number. 30 keeps every small net of the examples and fixtures (at most 13 layers) a
    /// row a layer, and groups the glue-heavy and tree-per-class graphs (32 to 220 nodes).
    public static let listedLayerLimit = 30

    /// A type of layer, or an ONNX operator, and how often the model uses it.
    public struct LayerType: Sendable, Equatable {
        /// The layer's class or the node's operator (`MatMul`, `ai.onnx.ml/TreeEnsembleClassifier`).
        public var type: String
        /// Layers (nodes) of this type.
        public var count: Int
        /// Numbers read from the file for them together.
        public var parameterCount: Int
    }

    /// The layers by type, each type where it first appears in evaluation order (input to
    /// output, so the table reads in the direction the model computes); `nil` when the
    /// model has at most ``listedLayerLimit`` layers and they are shown one a row.
    public var layerTypes: [LayerType]? {
        guard layers.count > Self.listedLayerLimit else { return nil }
        var types: [LayerType] = []
        var position: [String: Int] = [:]
        for layer in layers {
            if let index = position[layer.type] {
                types[index].count += 1
                types[index].parameterCount += layer.parameterCount
            } else {
                position[layer.type] = types.count
                types.append(LayerType(type: layer.type, count: 1, parameterCount: layer.parameterCount))
            }
        }
        return types
    }

    /// What a row of ``layers`` is: a `node` of an ONNX graph, otherwise a `layer`.
    public var layerNoun: String { format == .onnx ? "node" : "layer" }

    /// The heading over the rows: what they are, and how many the model has in all.
    public var layerHeading: String {
        guard layerTypes != nil else { return "\(layerNoun)s" }
        return "\(CountText.of(layers.count)) \(layerNoun)s by \(format == .onnx ? "operator" : "layer") type"
    }
}
