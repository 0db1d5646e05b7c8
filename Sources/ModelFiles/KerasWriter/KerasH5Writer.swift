import Foundation
import Models

/// Writes a ``Models/DenseNetwork`` as the `.h5` file that Keras 3's `model.save("x.h5")`
/// writes for a Sequential model of Dense layers, so that `keras.models.load_model` loads
/// it and participants can start from it.
///
/// The layout is Keras 3's legacy HDF5 format (checked against files Keras 3.15.1 saved):
/// root attributes `model_config` (the Sequential model's JSON), `keras_version` and
/// `backend`; group `model_weights` with `layer_names`, `keras_version`, `backend`; a
/// group per layer with `weight_names` (`<model>/<layer>/kernel`, `…/bias`) and those
/// datasets, float32, kernels `inputs × units`; and an empty `top_level_model_weights`.
/// No training configuration is written: Keras loads the model uncompiled, as it loads
/// any model saved before `compile`.
public enum KerasH5Writer {
    /// The Keras version the file says wrote it: the one whose layout is reproduced.
    static let kerasVersion = "3.15.1"
    /// The backend the file names.
    public static let backend = "tensorflow"

    /// The bytes of the `.h5` file for `network`.
    ///
    /// - Parameter modelName: the Sequential model's name (Keras' default `sequential`),
    ///   which prefixes every weight's name.
    /// - Throws: ``KerasExportError`` when the network is not an input followed by a chain
    ///   of dense layers ending in its output, a name cannot be a Keras name, an
    ///   activation has no exact Keras name, or libhdf5 fails.
    public static func data(for network: DenseNetwork, modelName: String = "sequential") throws(KerasExportError) -> Data {
        let model = try SequentialDenseModel(network, name: modelName)
        let config = model.configJSON()
        do {
            return try HDF5Writer.image { file in
                try file.setString(backend, "backend", utf8: true)
                try file.setString(kerasVersion, "keras_version", utf8: true)
                try file.setString(config, "model_config")
                try file.createGroup("model_weights")
                try file.setString(backend, "backend", at: "model_weights")
                try file.setString(kerasVersion, "keras_version", at: "model_weights")
                try file.setStrings(model.layers.map(\.name), "layer_names", at: "model_weights")
                for layer in model.layers {
                    let group = "model_weights/\(layer.name)"
                    try file.createGroup(group)
                    try file.createGroup("\(group)/\(model.name)")
                    try file.createGroup("\(group)/\(model.name)/\(layer.name)")
                    var weightNames = ["\(model.name)/\(layer.name)/kernel"]
                    try file.writeFloats(layer.kernel, shape: [layer.inputs, layer.units], at: "\(group)/\(weightNames[0])")
                    if let bias = layer.bias {
                        weightNames.append("\(model.name)/\(layer.name)/bias")
                        try file.writeFloats(bias, shape: [layer.units], at: "\(group)/\(weightNames[1])")
                    }
                    try file.setStrings(weightNames, "weight_names", at: group)
                }
                try file.createGroup("model_weights/top_level_model_weights")
                try file.setStrings([], "weight_names", at: "model_weights/top_level_model_weights")
            }
        } catch let error as HDF5Error {
            throw KerasExportError(.hdf5(error.description))
        } catch {
            throw KerasExportError(.hdf5("\(error)"))
        }
    }

    /// Writes the `.h5` file for `network` to `url`, atomically (the whole file or none).
    ///
    /// - Throws: ``KerasExportError``, as ``data(for:modelName:)`` does, or
    ///   ``KerasExportError/Reason/cannotWrite(path:detail:)``.
    public static func write(_ network: DenseNetwork, to url: URL, modelName: String = "sequential") throws(KerasExportError) {
        let bytes = try data(for: network, modelName: modelName)
        do {
            try bytes.write(to: url, options: .atomic)
        } catch {
            throw KerasExportError(.cannotWrite(path: url.path, detail: error.localizedDescription))
        }
    }
}

/// A network understood as a Keras Sequential model of Dense layers.
struct SequentialDenseModel {
    struct Layer {
        var name: String
        var inputs: Int
        var units: Int
        var kernel: [Float]
        var bias: [Float]?
        var activation: String
    }

    let name: String
    let inputCount: Int
    let layers: [Layer]

    init(_ network: DenseNetwork, name: String) throws(KerasExportError) {
        guard Self.isKerasName(name) else { throw KerasExportError(.badLayerName(name)) }
        let source = network.layers
        guard let first = source.first, case let .input(inputWidth) = first.operation else {
            throw KerasExportError(.notSequential("the first layer is not the input"))
        }
        guard source.count >= 2 else { throw KerasExportError(.notSequential("there are no dense layers")) }
        guard network.outputLayer == source.count - 1 else {
            throw KerasExportError(.notSequential("the output is not the last layer"))
        }
        var layers: [Layer] = []
        var names: Set<String> = [name, "input_layer"]
        var width = inputWidth
        for (index, layer) in source.enumerated().dropFirst() {
            guard layer.inputs == [index - 1] else {
                throw KerasExportError(.notSequential("layer '\(layer.name)' does not read the layer before it"))
            }
            guard case let .dense(units, kernel, bias, activation) = layer.operation else {
                throw KerasExportError(.notSequential("layer '\(layer.name)' is not dense"))
            }
            guard Self.isKerasName(layer.name), names.insert(layer.name).inserted,
                layer.name != "top_level_model_weights"
            else {
                throw KerasExportError(.badLayerName(layer.name))
            }
            guard let kerasActivation = Self.kerasName(of: activation) else {
                throw KerasExportError(.unsupportedActivation(layer: layer.name, activation: "\(activation)"))
            }
            layers.append(
                Layer(
                    name: layer.name, inputs: width, units: units, kernel: kernel, bias: bias,
                    activation: kerasActivation))
            width = units
        }
        self.name = name
        inputCount = network.inputCount
        self.layers = layers
    }

    /// Letters, digits, `_`, `-`, `.`; not empty; no `/`, which would nest HDF5 groups.
    static func isKerasName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 200
            && name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || $0 == "_" || $0 == "-" || $0 == "."
            }
    }

    /// The Keras 3 activation string meaning exactly `activation` with its parameters at
    /// the string's defaults, or `nil`.
    static func kerasName(of activation: Activation) -> String? {
        switch activation {
        case .linear: return "linear"
        case .relu(0, nil, 0): return "relu"
        case .relu: return nil
        case .relu6: return "relu6"
        case .leakyReLU(0.2): return "leaky_relu"
        case .elu(1): return "elu"
        case .selu(_, _) where activation == .selu: return "selu"
        case .celu(1): return "celu"
        case .sigmoid: return "sigmoid"
        case .hardSigmoid: return "hard_sigmoid"
        case .hardSilu: return "hard_silu"
        case .logSigmoid: return "log_sigmoid"
        case .sparseSigmoid: return "sparse_sigmoid"
        case .tanh: return "tanh"
        case .tanhShrink: return "tanh_shrink"
        case .hardTanh: return "hard_tanh"
        case .softShrink(0.5): return "soft_shrink"
        case .hardShrink(0.5): return "hard_shrink"
        case .softplus: return "softplus"
        case .softsign: return "softsign"
        case .squareplus(4): return "squareplus"
        case .sparsePlus: return "sparse_plus"
        case .silu: return "silu"
        case .gelu(false): return "gelu"
        case .mish: return "mish"
        case .exponential: return "exponential"
        case .softmax: return "softmax"
        case .logSoftmax: return "log_softmax"
        case .sparsemax: return "sparsemax"
        case .glu: return "glu"
        case .leakyReLU, .elu, .selu(_, _), .celu, .softShrink, .hardShrink, .squareplus, .gelu, .linearHardSigmoid:
            return nil
        }
    }

    /// The `model_config` JSON, key for key as Keras 3.15.1 writes it for a Sequential
    /// model (names are checked to need no escaping).
    func configJSON() -> String {
        let dtype = #"{"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": null}"#
        let input =
            #"{"class_name": "InputLayer", "config": {"batch_shape": [null, \#(inputCount)], "dtype": "float32", "sparse": false, "#
            + #""ragged": false, "name": "input_layer", "optional": false}}"#
        let dense = layers.map { layer in
            #"{"class_name": "Dense", "config": {"name": "\#(layer.name)", "trainable": true, "dtype": \#(dtype), "#
                + #""units": \#(layer.units), "activation": "\#(layer.activation)", "use_bias": \#(layer.bias != nil), "#
                + #""kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform", "#
                + #""config": {"seed": null, "input_axes": null, "output_axes": null}, "registered_name": null}, "#
                + #""bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {}, "#
                + #""registered_name": null}, "kernel_regularizer": null, "bias_regularizer": null, "#
                + #""kernel_constraint": null, "bias_constraint": null, "quantization_config": null}}"#
        }
        let layerList = ([input] + dense).joined(separator: ", ")
        return
            #"{"class_name": "Sequential", "config": {"name": "\#(name)", "trainable": true, "dtype": \#(dtype), "#
            + #""layers": [\#(layerList)], "build_input_shape": [null, \#(inputCount)]}}"#
    }
}
