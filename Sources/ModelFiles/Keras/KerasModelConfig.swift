/// One output tensor of one call of a layer: Keras' `[layer_name, node_index, tensor_index]`.
struct KerasTensorReference: Hashable, Sendable {
    var layer: String
    var node: Int
    var tensor: Int
}

/// A layer as the model's config describes it.
struct KerasLayerConfig: Sendable {
    /// `class_name`, e.g. `Dense` (a registered custom class looks like `Package>Name`).
    var className: String
    /// The layer's name, unique in the model.
    var name: String
    /// Keras 3's `module` (e.g. `keras.layers`), when given.
    var module: String?
    /// Keras 3's `registered_name`, when given (non-null for custom objects).
    var registeredName: String?
    /// The layer's own settings (`units`, `activation`, …).
    var config: [String: JSONValue]
    /// Each call of the layer in a functional model (Keras' "nodes"), with the tensors it
    /// was called on, in order. Empty for Sequential layers and input layers.
    var calls: [[KerasTensorReference]]
}

/// A Keras model's architecture, from `model_config` (`.h5`) or `config.json` (`.keras`).
///
/// Both layouts of functional configs are understood: Keras 2's
/// `inbound_nodes: [[[name, node, tensor, kwargs], …]]` and Keras 3's
/// `inbound_nodes: [{"args": [...keras tensors...], "kwargs": {...}}]`.
struct KerasModelConfig: Sendable {
    enum Architecture: String, Sendable {
        case sequential = "Sequential"
        case functional = "Functional"
    }

    var architecture: Architecture
    var name: String?
    var layers: [KerasLayerConfig]
    /// Functional models: the model's inputs and outputs.
    var inputs: [KerasTensorReference]
    var outputs: [KerasTensorReference]
    /// Sequential models: `build_input_shape` (batch axis first), when given.
    var buildInputShape: [Int?]?
    /// Whether the config is in Keras 3's style (layers carry `module`), for files that
    /// do not say their Keras version.
    var looksLikeKeras3: Bool

    /// Why a config could not be understood; the reader turns it into a ``ModelFileError``.
    enum Problem: Error {
        case malformed(String)
        case customModel(String)
    }

    /// Parses the JSON text of a model config.
    init(json text: String, maxLayers: Int) throws(Problem) {
        guard let root = JSONValue.parse(text), root.object != nil else {
            throw .malformed("the model config is not a JSON object")
        }
        try self.init(root: root, maxLayers: maxLayers)
    }

    init(root: JSONValue, maxLayers: Int) throws(Problem) {
        guard let className = root["class_name"]?.string else {
            throw .malformed("the model config has no class_name")
        }
        switch className {
        case "Sequential": architecture = .sequential
        case "Functional", "Model": architecture = .functional
        default: throw .customModel(className)
        }
        guard let config = root["config"]?.object else { throw .malformed("the model config has no config") }
        guard let layerValues = config["layers"]?.array else { throw .malformed("the model config lists no layers") }
        guard layerValues.count <= maxLayers else {
            throw .malformed("the model has \(layerValues.count) layers, more than \(maxLayers) (\(Limit.maxLayers.settingName))")
        }
        name = config["name"]?.string
        var layers: [KerasLayerConfig] = []
        var looksLikeKeras3 = root["module"] != nil
        for value in layerValues {
            guard let layerClass = value["class_name"]?.string, let layerConfig = value["config"]?.object else {
                throw .malformed("a layer has no class_name or config")
            }
            guard let layerName = layerConfig["name"]?.string ?? value["name"]?.string else {
                throw .malformed("a \(layerClass) layer has no name")
            }
            if value["module"] != nil { looksLikeKeras3 = true }
            let calls = try Self.calls(value["inbound_nodes"], layer: layerName)
            layers.append(
                KerasLayerConfig(
                    className: layerClass, name: layerName, module: value["module"]?.string,
                    registeredName: value["registered_name"]?.string, config: layerConfig, calls: calls))
        }
        self.layers = layers
        self.looksLikeKeras3 = looksLikeKeras3
        if architecture == .functional {
            inputs = try Self.references(config["input_layers"], what: "input_layers")
            outputs = try Self.references(config["output_layers"], what: "output_layers")
        } else {
            inputs = []
            outputs = []
        }
        buildInputShape = (config["build_input_shape"] ?? root["build_input_shape"])?.array.map { dims in
            dims.map(\.integer)
        }
    }

    /// `[name, node, tensor]` or a list of them (Keras 3 writes a single one flat).
    private static func references(_ value: JSONValue?, what: String) throws(Problem) -> [KerasTensorReference] {
        guard let items = value?.array else { throw .malformed("the functional config has no \(what)") }
        if items.first?.string != nil {
            return [try reference(items, what: what)]
        }
        var references: [KerasTensorReference] = []
        for item in items {
            guard let parts = item.array else { throw .malformed("\(what) is not a list of [name, node, tensor]") }
            references.append(try reference(parts, what: what))
        }
        return references
    }

    private static func reference(_ parts: [JSONValue], what: String) throws(Problem) -> KerasTensorReference {
        guard parts.count >= 3, let layer = parts[0].string, let node = parts[1].integer,
            let tensor = parts[2].integer, node >= 0, tensor >= 0
        else { throw .malformed("\(what) has an entry that is not [name, node, tensor]") }
        return KerasTensorReference(layer: layer, node: node, tensor: tensor)
    }

    private static func calls(_ value: JSONValue?, layer: String) throws(Problem) -> [[KerasTensorReference]] {
        guard let nodes = value?.array else { return [] }
        var calls: [[KerasTensorReference]] = []
        for node in nodes {
            var tensors: [KerasTensorReference] = []
            if let call = node.object {
                // Keras 3: {"args": [...], "kwargs": {...}}; tensors anywhere inside, in order.
                collectKeras3Tensors(call["args"] ?? .null, into: &tensors)
                if let kwargs = call["kwargs"]?.object {
                    for key in kwargs.keys.sorted() { collectKeras3Tensors(kwargs[key] ?? .null, into: &tensors) }
                }
                // A malformed history inside is reported by `collect`; none at all is an error below.
            } else if let inbound = node.array {
                // Keras 2: [[name, node, tensor, kwargs], ...].
                for entry in inbound {
                    guard let parts = entry.array else {
                        throw .malformed("layer '\(layer)' has an inbound node that is not a list")
                    }
                    tensors.append(try reference(parts, what: "layer '\(layer)' inbound_nodes"))
                }
            } else {
                throw .malformed("layer '\(layer)' has an inbound node of an unknown form")
            }
            guard !tensors.isEmpty else { throw .malformed("layer '\(layer)' is called on no tensor") }
            calls.append(tensors)
        }
        return calls
    }

    private static func collectKeras3Tensors(_ value: JSONValue, into tensors: inout [KerasTensorReference]) {
        switch value {
        case let .array(items):
            for item in items { collectKeras3Tensors(item, into: &tensors) }
        case let .object(members):
            if members["class_name"]?.string == "__keras_tensor__",
                let history = members["config"]?["keras_history"]?.array,
                history.count >= 3, let layer = history[0].string,
                let node = history[1].integer, let tensor = history[2].integer, node >= 0, tensor >= 0
            {
                tensors.append(KerasTensorReference(layer: layer, node: node, tensor: tensor))
            }
        default:
            return
        }
    }
}
