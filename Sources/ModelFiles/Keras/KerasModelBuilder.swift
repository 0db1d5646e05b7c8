import Models
import Results

/// Where a Keras model's weights are: the two file layouts (`.h5`'s `weight_names`,
/// `.keras`'s `vars/0…n`) behind one interface.
protocol KerasWeightStore {
    /// Dataset paths of the weights of `layer` (index `index` in the config), in Keras'
    /// order; empty when the file has none for it.
    func weightPaths(of layer: KerasLayerConfig, index: Int) throws -> [String]
    /// The dimensions of a dataset.
    func shape(_ path: String) throws -> [Int]
    /// A dataset's values after checking its shape (see `HDF5File.readFloats`).
    func read(_ path: String, expected: [Int]) throws -> [Float]
}

/// Turns a Keras config and its weights into a ``DenseNetwork`` and a summary.
///
/// Every layer is screened first (a Lambda or custom layer anywhere refuses the file,
/// even off the output's path: Keras would run its code on loading). Then the graph is
/// walked from the output to the input, each layer's settings are read with Keras'
/// defaults, and each weight is read only after its shape checks out against the
/// config.
struct KerasModelBuilder {
    let config: KerasModelConfig
    /// 2 for Keras 2 (tf.keras, tf-keras), 3 for Keras 3: names resolve differently.
    let kerasMajor: Int
    let store: any KerasWeightStore
    let limits: ModelFileLimits

    struct Result {
        var network: DenseNetwork
        var layers: [ModelSummary.Layer]
        var outputActivation: String?
        var parameterCount: Int
    }

    /// A call of a layer: the graph's node.
    private struct Node: Hashable {
        var layer: Int
        var call: Int
    }

    func build() throws -> Result {
        let kinds = try config.layers.map { layer throws(ReasonError) in try KerasLayerKind.of(layer) }
        var indexByName: [String: Int] = [:]
        for (index, layer) in config.layers.enumerated() {
            guard indexByName.updateValue(index, forKey: layer.name) == nil else {
                throw ReasonError(.malformed(detail: "two layers are named '\(layer.name)'"))
            }
        }
        let (order, inputsOf) = try graph(kinds: kinds, indexByName: indexByName)

        var networkLayers: [NetworkLayer] = []
        var widths: [Int] = []
        var summaries: [ModelSummary.Layer] = []
        var position: [Node: Int] = [:]
        var parameterCount = 0
        var activations: [String?] = []
        for node in order {
            // Layer -1 stands for the implied input of a Sequential model without an InputLayer.
            let layer = node.layer >= 0 ? config.layers[node.layer] : nil
            let inputs = inputsOf[node, default: []].compactMap { position[$0] }
            let inputWidths = inputs.map { widths[$0] }
            let translated = try translate(
                layer, index: node.layer, kind: node.layer >= 0 ? kinds[node.layer] : nil,
                inputWidths: inputWidths, parametersSoFar: parameterCount)
            let firstCall = node.call == 0
            if firstCall { parameterCount += translated.parameters }
            let layerName = layer?.name ?? "input"
            let name = firstCall ? layerName : "\(layerName) (call \(node.call + 1))"
            position[node] = networkLayers.count
            networkLayers.append(NetworkLayer(name: name, operation: translated.operation, inputs: inputs))
            widths.append(translated.width)
            activations.append(translated.activation)
            summaries.append(
                ModelSummary.Layer(
                    name: name, type: layer?.className ?? "InputLayer", units: translated.units, activation: translated.activation,
                    outputWidth: translated.width, parameterCount: firstCall ? translated.parameters : 0,
                    inputs: inputs.map { networkLayers[$0].name }))
        }
        guard let outputWidth = widths.last, let outputActivation = activations.last else {
            throw ReasonError(.malformed(detail: "the model has no layers"))
        }
        guard outputWidth == 1 || outputWidth == 2 else {
            throw ReasonError(.outputShape(units: outputWidth))
        }
        let network: DenseNetwork
        do {
            network = try DenseNetwork(layers: networkLayers, outputLayer: networkLayers.count - 1)
        } catch let error as NetworkError {
            throw ReasonError(.malformed(detail: error.description))
        }
        return Result(
            network: network, layers: summaries, outputActivation: outputActivation, parameterCount: parameterCount)
    }

    // MARK: The graph

    /// The nodes from the input to the output, each after its inputs, and each node's inputs.
    private func graph(kinds: [KerasLayerKind], indexByName: [String: Int]) throws -> ([Node], [Node: [Node]]) {
        switch config.architecture {
        case .sequential:
            var order: [Node] = []
            var inputsOf: [Node: [Node]] = [:]
            let inputLayers = kinds.indices.filter { kinds[$0] == .input }
            guard inputLayers.count <= 1, inputLayers.first.map({ $0 == 0 }) ?? true else {
                throw ReasonError(
                    .unsupportedSetting(
                        layer: config.name ?? "sequential", detail: "has an InputLayer that is not its first layer"))
            }
            guard !config.layers.isEmpty, inputLayers.count < config.layers.count else {
                throw ReasonError(.malformed(detail: "the Sequential model has no layers"))
            }
            // The input node is the InputLayer, or a stand-in (layer -1) when there is none.
            var previous = Node(layer: inputLayers.first ?? -1, call: 0)
            order.append(previous)
            for index in config.layers.indices where kinds[index] != .input {
                let node = Node(layer: index, call: 0)
                inputsOf[node] = [previous]
                order.append(node)
                previous = node
            }
            return (order, inputsOf)
        case .functional:
            guard config.inputs.count == 1 else {
                throw ReasonError(
                    .unsupportedSetting(
                        layer: config.name ?? "model", detail: "has \(config.inputs.count) inputs (one is read)"))
            }
            guard config.outputs.count == 1 else {
                throw ReasonError(
                    .unsupportedSetting(
                        layer: config.name ?? "model", detail: "has \(config.outputs.count) outputs (one is read)"))
            }
            guard let inputIndex = indexByName[config.inputs[0].layer], kinds[inputIndex] == .input else {
                throw ReasonError(.malformed(detail: "the model's input '\(config.inputs[0].layer)' is not an InputLayer"))
            }
            func node(for reference: KerasTensorReference) throws -> Node {
                guard let index = indexByName[reference.layer] else {
                    throw ReasonError(.malformed(detail: "a layer reads '\(reference.layer)', which is not in the model"))
                }
                guard reference.tensor == 0 else {
                    throw ReasonError(
                        .unsupportedSetting(
                            layer: reference.layer, detail: "is read at output \(reference.tensor) (layers with several outputs)"))
                }
                let calls = kinds[index] == .input ? 1 : config.layers[index].calls.count
                guard reference.node < calls else {
                    throw ReasonError(
                        .malformed(detail: "a layer reads call \(reference.node) of '\(reference.layer)', which has \(calls)"))
                }
                return Node(layer: index, call: reference.node)
            }
            var inputsOf: [Node: [Node]] = [:]
            var order: [Node] = []
            var state: [Node: Bool] = [:]  // false: being visited, true: done
            var stack: [(Node, expanded: Bool)] = [(try node(for: config.outputs[0]), false)]
            while let (current, expanded) = stack.popLast() {
                if expanded {
                    state[current] = true
                    order.append(current)
                    continue
                }
                switch state[current] {
                case true?: continue
                case false?: throw ReasonError(.malformed(detail: "the layers form a cycle at '\(config.layers[current.layer].name)'"))
                case nil: break
                }
                state[current] = false
                stack.append((current, true))
                if kinds[current.layer] == .input {
                    guard current.layer == inputIndex else {
                        throw ReasonError(
                            .unsupportedSetting(
                                layer: config.layers[current.layer].name, detail: "is a second input (one is read)"))
                    }
                    continue
                }
                let references = config.layers[current.layer].calls[current.call]
                let inputs = try references.map(node(for:))
                inputsOf[current] = inputs
                for input in inputs.reversed() where state[input] != true {
                    stack.append((input, false))
                }
                guard order.count + stack.count <= limits.maxLayers * 4 else {
                    throw ReasonError(
                        .tooLarge(
                            detail: "the model's graph has more than \(limits.maxLayers * 4) nodes (4 × \(Limit.maxLayers.settingName))"))
                }
            }
            return (order, inputsOf)
        }
    }

    // MARK: Layers

    private struct Translated {
        var operation: NetworkLayer.Operation
        var width: Int
        var parameters: Int
        var units: Int? = nil
        var activation: String? = nil
    }

    private func translate(
        _ layer: KerasLayerConfig?, index: Int, kind: KerasLayerKind?, inputWidths: [Int], parametersSoFar: Int
    ) throws -> Translated {
        guard index >= 0, let layer, let kind else {
            // A Sequential model without an InputLayer: the input is implied.
            let width = try impliedSequentialInputWidth()
            return Translated(operation: .input(width: width), width: width, parameters: 0)
        }
        let settings = layer.config
        func setting(_ detail: String) -> ReasonError { ReasonError(.unsupportedSetting(layer: layer.name, detail: detail)) }
        func single() throws -> Int {
            guard inputWidths.count == 1 else { throw setting("is called on \(inputWidths.count) tensors") }
            return inputWidths[0]
        }
        func number(_ key: String, default value: Float) throws -> Float {
            guard let json = settings[key], !json.isNull else { return value }
            guard let number = json.number, number.isFinite else { throw setting("has \(key) = \(json)") }
            return Float(number)
        }
        /// Checks that `axis` means "the features" (-1, or 1 for rows of features).
        func checkLastAxis(_ key: String = "axis") throws {
            guard let value = settings[key] else { return }
            let axes = value.array ?? [value]
            guard axes.count == 1, let axis = axes[0].integer, axis == -1 || axis == 1 else {
                throw setting("works along axis \(value) (only the feature axis is supported)")
            }
        }
        var budget = limits.maxParameters - parametersSoFar
        func weights(_ expected: [[Int]], optionalTail: Int = 0) throws -> [[Float]] {
            let paths = try store.weightPaths(of: layer, index: index)
            guard paths.count >= expected.count, paths.count <= expected.count + optionalTail else {
                throw ReasonError(
                    .malformed(
                        detail:
                            "layer '\(layer.name)' (\(layer.className)) has \(paths.count) weights in the file, expected \(expected.count)")
                )
            }
            return try zip(paths, expected).map { path, shape in
                let count = shape.reduce(1, *)
                guard count <= budget else {
                    throw ReasonError(.tooLarge(detail: "more parameters than \(Limit.maxParameters.phrase(limits.maxParameters))"))
                }
                budget -= count
                return try store.read(path, expected: shape)
            }
        }

        switch kind {
        case .input:
            let width = try inputWidth(of: layer)
            if !inputWidths.isEmpty {
                return Translated(operation: .identity, width: try single(), parameters: 0)
            }
            return Translated(operation: .input(width: width), width: width, parameters: 0)

        case .dense:
            let width = try single()
            guard let units = settings["units"]?.integer, units > 0, units <= limits.maxParameters else {
                throw ReasonError(.malformed(detail: "layer '\(layer.name)' has no valid units"))
            }
            let (kernelCount, overflow) = width.multipliedReportingOverflow(by: units)
            guard !overflow, kernelCount <= budget else {
                throw ReasonError(.tooLarge(detail: "more parameters than \(Limit.maxParameters.phrase(limits.maxParameters))"))
            }
            if let rank = settings["lora_rank"], !rank.isNull { throw setting("uses LoRA") }
            let useBias = settings["use_bias"]?.bool ?? true
            let (activation, activationName) = try self.activation(settings["activation"], layer: layer.name)
            let values = try weights(useBias ? [[width, units], [units]] : [[width, units]])
            return Translated(
                operation: .dense(units: units, kernel: values[0], bias: useBias ? values[1] : nil, activation: activation),
                width: units, parameters: values.reduce(0) { $0 + $1.count }, units: units,
                activation: activationName)

        case .batchNormalization:
            let width = try single()
            try checkLastAxis()
            if settings["renorm"]?.bool == true { throw setting("uses batch renormalization") }
            let center = settings["center"]?.bool ?? true
            let scale = settings["scale"]?.bool ?? true
            let epsilon = try number("epsilon", default: 1e-3)
            var shapes = [[width], [width]]
            if center { shapes.insert([width], at: 0) }
            if scale { shapes.insert([width], at: 0) }
            var values = try weights(shapes)
            let gamma = scale ? values.removeFirst() : nil
            let beta = center ? values.removeFirst() : nil
            return Translated(
                operation: .batchNormalization(
                    mean: values[0], variance: values[1], scale: gamma, offset: beta, epsilon: epsilon),
                width: width, parameters: shapes.count * width)

        case .normalization:
            let width = try single()
            if settings["invert"]?.bool == true { throw setting("inverts the normalization") }
            let perFeature: Bool
            if let axis = settings["axis"], !axis.isNull {
                try checkLastAxis()
                perFeature = true
            } else {
                perFeature = false
            }
            let count = perFeature ? width : 1
            if let mean = settings["mean"], !mean.isNull {
                let means = flattenNumbers(mean), variances = flattenNumbers(settings["variance"] ?? .null)
                guard [1, width].contains(means.count), [1, width].contains(variances.count) else {
                    throw setting("has a mean or variance of the wrong size")
                }
                return Translated(operation: .normalization(mean: means, variance: variances), width: width, parameters: 0)
            }
            // Keras writes mean, variance, then the sample count, which inference does not use.
            let values = try weights([[count], [count]], optionalTail: 1)
            return Translated(
                operation: .normalization(mean: values[0], variance: values[1]), width: width, parameters: 2 * count)

        case .activation:
            let width = try single()
            let (activation, name) = try self.activation(settings["activation"], layer: layer.name)
            guard let out = activation.outputWidth(forInput: width) else { throw setting("cannot take \(width) values") }
            return Translated(operation: .activation(activation), width: out, parameters: 0, activation: name)

        case .relu:
            let width = try single()
            let maxValue: Float? = settings["max_value"].flatMap { $0.isNull ? nil : $0.number.map(Float.init) }
            let slope = try number("negative_slope", default: 0)
            let threshold = try number("threshold", default: 0)
            return Translated(
                operation: .activation(.relu(negativeSlope: slope, maxValue: maxValue, threshold: threshold)),
                width: width, parameters: 0, activation: "relu")

        case .leakyReLU:
            let width = try single()
            // Keras 3 says negative_slope, Keras 2 alpha; both default to 0.3 in the layer.
            let slope =
                settings["negative_slope"] != nil
                ? try number("negative_slope", default: 0.3) : try number("alpha", default: 0.3)
            return Translated(
                operation: .activation(.leakyReLU(negativeSlope: slope)), width: width, parameters: 0,
                activation: "leaky_relu")

        case .elu:
            let width = try single()
            return Translated(
                operation: .activation(.elu(alpha: try number("alpha", default: 1))), width: width, parameters: 0,
                activation: "elu")

        case .thresholdedReLU:
            let width = try single()
            let theta = try number("theta", default: 1)
            return Translated(
                operation: .activation(.relu(negativeSlope: 0, maxValue: nil, threshold: theta)), width: width,
                parameters: 0, activation: "thresholded_relu")

        case .softmax:
            let width = try single()
            try checkLastAxis()
            return Translated(operation: .activation(.softmax), width: width, parameters: 0, activation: "softmax")

        case .parametricReLU:
            let width = try single()
            let paths = try store.weightPaths(of: layer, index: index)
            guard paths.count == 1 else {
                throw ReasonError(.malformed(detail: "layer '\(layer.name)' (PReLU) has \(paths.count) weights, expected 1"))
            }
            let shape = try store.shape(paths[0])
            let count = shape.reduce(1, *)
            guard count == width || count == 1 else { throw setting("has alpha of shape \(shape)") }
            let alpha = try weights([shape])[0]
            return Translated(operation: .parametricReLU(alpha: alpha), width: width, parameters: count, activation: "prelu")

        case .identity:
            return Translated(operation: .identity, width: try single(), parameters: 0)

        case let .merge(merge):
            guard inputWidths.count >= 2, Set(inputWidths).count == 1 else {
                throw ReasonError(.malformed(detail: "layer '\(layer.name)' merges tensors of widths \(inputWidths)"))
            }
            return Translated(operation: .merge(merge), width: inputWidths[0], parameters: 0)

        case .concatenate:
            try checkLastAxis()
            return Translated(operation: .concatenate, width: inputWidths.reduce(0, +), parameters: 0)
        }
    }

    /// The activation a config names, and its name for the summary.
    private func activation(_ value: JSONValue?, layer: String) throws -> (Activation, String) {
        guard let value, !value.isNull else { return (.linear, "linear") }
        var name: String?
        if let string = value.string {
            name = string
        } else if let object = value.object {
            // Keras 3 may serialize a built-in as {"module": "keras.activations", "config": "relu", …}.
            if let module = object["module"]?.string, module.hasPrefix("keras"), let config = object["config"]?.string {
                name = config
            } else {
                let label =
                    object["registered_name"]?.string ?? object["config"]?.string
                    ?? object["class_name"]?.string ?? "an object"
                throw ReasonError(.customActivation(layer: layer, activation: label))
            }
        }
        guard let name else { throw ReasonError(.customActivation(layer: layer, activation: "\(value)")) }
        guard let activation = KerasActivations.named(name, kerasMajor: kerasMajor) else {
            throw ReasonError(.customActivation(layer: layer, activation: name))
        }
        return (activation, name)
    }

    /// The width of an InputLayer's rows, from `batch_shape` (Keras 3) or
    /// `batch_input_shape` (Keras 2).
    private func inputWidth(of layer: KerasLayerConfig) throws -> Int {
        let shape = layer.config["batch_shape"] ?? layer.config["batch_input_shape"]
        guard let dims = shape?.array else {
            throw ReasonError(.malformed(detail: "input layer '\(layer.name)' has no shape"))
        }
        return try featureWidth(dims.map(\.integer), layer: layer.name)
    }

    private func featureWidth(_ dims: [Int?], layer: String) throws -> Int {
        guard dims.count == 2, let width = dims[1], width > 0 else {
            let shown = dims.dropFirst().map { $0.map(String.init) ?? "None" }.joined(separator: ", ")
            throw ReasonError(
                .unsupportedSetting(
                    layer: layer, detail: "takes inputs of shape (\(shown)); only rows of features (n,) are read"))
        }
        return width
    }

    /// A Sequential model without an InputLayer: its first layer's `batch_input_shape`
    /// (Keras 2), the model's `build_input_shape`, or the first dense kernel's rows.
    private func impliedSequentialInputWidth() throws -> Int {
        guard let first = config.layers.first else {
            throw ReasonError(.malformed(detail: "the Sequential model has no layers"))
        }
        if let dims = first.config["batch_input_shape"]?.array ?? first.config["batch_shape"]?.array {
            return try featureWidth(dims.map(\.integer), layer: first.name)
        }
        if let dims = config.buildInputShape {
            return try featureWidth(dims, layer: config.name ?? "sequential")
        }
        if first.className == "Dense", let path = try store.weightPaths(of: first, index: 0).first {
            let shape = try store.shape(path)
            if shape.count == 2, shape[0] > 0 { return shape[0] }
        }
        throw ReasonError(.malformed(detail: "the Sequential model does not say how many features it reads"))
    }
}

/// Every number in a JSON number or (nested) array, in order.
private func flattenNumbers(_ value: JSONValue) -> [Float] {
    switch value {
    case let .number(number): return [Float(number)]
    case let .array(items): return items.flatMap(flattenNumbers)
    default: return []
    }
}
