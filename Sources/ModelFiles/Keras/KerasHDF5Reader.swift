import Foundation
import Models
import Results

/// Reads a Keras model saved as HDF5 (`model.save('x.h5')`) by Keras 3 or Keras 2
/// (tf.keras, tf-keras).
///
/// Layout: root attributes `model_config` (JSON), `keras_version`, `backend`; group
/// `model_weights` holding a group per layer whose attribute `weight_names` lists that
/// layer's datasets in order. Only `weight_names` is followed: the dataset paths differ
/// between versions (`sequential/dense/kernel` in Keras 3, `dense/kernel:0` in Keras 2).
enum KerasHDF5Reader {
    static func read(_ bytes: Data, fileName: String, limits: ModelFileLimits) throws -> LoadedModel {
        do {
            return try HDF5File.withImage(bytes, limits: limits) { file in
                try read(file, fileName: fileName, limits: limits)
            }
        } catch let error as HDF5Error {
            throw ReasonError(.malformed(detail: error.description))
        }
    }

    private static func read(_ file: HDF5File, fileName: String, limits: ModelFileLimits) throws -> LoadedModel {
        guard file.hasAttribute("model_config") else {
            throw ReasonError(refusalWithoutConfig(file))
        }
        guard let text = try file.stringsAttribute("model_config", maxBytes: limits.maxConfigBytes).first else {
            throw ReasonError(.malformed(detail: "its model_config attribute is empty"))
        }
        let config = try KerasModelConfig.parse(text, maxLayers: limits.maxLayers)
        let version = file.stringAttribute("keras_version", maxBytes: 256)
        let backend = file.stringAttribute("backend", maxBytes: 256)
        let major = kerasMajorVersion(version) ?? (config.looksLikeKeras3 ? 3 : 2)
        guard file.isGroup("model_weights") else {
            throw ReasonError(.malformed(detail: "it has a model_config but no model_weights group"))
        }
        let store = HDF5WeightNamesStore(file: file, maxBytes: limits.maxConfigBytes)
        let result = try KerasModelBuilder(config: config, kerasMajor: major, store: store, limits: limits).build()
        return LoadedModel(
            classifier: result.network,
            summary: ModelSummary(
                keras: result, config: config, file: fileName, format: .hdf5, version: version, backend: backend))
    }

    /// Why an HDF5 file without `model_config` is refused: Keras weights alone, or not Keras.
    private static func refusalWithoutConfig(_ file: HDF5File) -> ModelFileError.Reason {
        if file.hasAttribute("layer_names") {
            return .weightsOnly(layout: "Keras 2 save_weights layout: layer_names but no model_config")
        }
        if file.isGroup("layers") || (file.isGroup("vars") && file.isGroup("optimizer")) {
            return .weightsOnly(layout: "Keras 3 .weights.h5 layout from save_weights")
        }
        if file.isGroup("model_weights") {
            return .weightsOnly(layout: "a model_weights group but no model_config")
        }
        let members = (try? file.memberNames(of: "/", limit: 10_000)) ?? []
        let shown = members.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
        return .notKeras(found: members.isEmpty ? "nothing in it" : shown + (members.count > 5 ? ", …" : ""))
    }
}

/// `.h5` weights: `model_weights/<layer>/<each of weight_names>`.
struct HDF5WeightNamesStore: KerasWeightStore {
    let file: HDF5File
    let maxBytes: Int

    func weightPaths(of layer: KerasLayerConfig, index: Int) throws -> [String] {
        let group = "model_weights/\(layer.name)"
        guard file.isGroup(group), file.hasAttribute("weight_names", at: group) else { return [] }
        return try file.stringsAttribute("weight_names", at: group, maxBytes: maxBytes).map { "\(group)/\($0)" }
    }

    func shape(_ path: String) throws -> [Int] { try file.datasetShape(path) }

    func read(_ path: String, expected: [Int]) throws -> [Float] { try file.readFloats(path, expected: expected) }
}

/// The major version in a `keras_version` such as `3.15.1` or `2.21.0`.
func kerasMajorVersion(_ version: String?) -> Int? {
    guard let version, let major = Int(version.prefix { $0.isNumber }) else { return nil }
    return major
}

extension KerasModelConfig {
    /// Parses a config, turning its problems into refusals.
    static func parse(_ text: String, maxLayers: Int) throws(ReasonError) -> KerasModelConfig {
        do {
            return try KerasModelConfig(json: text, maxLayers: maxLayers)
        } catch {
            throw refusal(error)
        }
    }

    /// Parses an already decoded config, turning its problems into refusals.
    static func parse(_ root: JSONValue, maxLayers: Int) throws(ReasonError) -> KerasModelConfig {
        do {
            return try KerasModelConfig(root: root, maxLayers: maxLayers)
        } catch {
            throw refusal(error)
        }
    }

    private static func refusal(_ problem: Problem) -> ReasonError {
        switch problem {
        case let .malformed(detail): return ReasonError(.malformed(detail: detail))
        case let .customModel(className): return ReasonError(.customLayer(layer: "the model itself", className: className))
        }
    }
}

extension ModelSummary {
    init(
        keras result: KerasModelBuilder.Result, config: KerasModelConfig, file: String, format: ModelFileFormat,
        version: String?, backend: String?
    ) {
        self.init(
            file: file, format: format, framework: "Keras", frameworkVersion: version, backend: backend,
            architecture: config.architecture.rawValue, modelName: config.name,
            inputCount: result.network.inputCount,
            output: Output(
                units: result.network.widths[result.network.outputLayer], activation: result.outputActivation,
                reading: result.network.output.rawValue),
            layers: result.layers, parameterCount: result.parameterCount)
    }
}
