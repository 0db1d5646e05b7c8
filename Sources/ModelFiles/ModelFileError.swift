import ONNX

/// Why a model file was not read: one line that names the file, says what was found and
/// what to submit instead.
public struct ModelFileError: Error, Equatable, CustomStringConvertible {
    /// The file, as the caller named it (usually its last path component).
    public var file: String
    /// What was found.
    public var reason: Reason

    /// An error about `file`.
    public init(file: String, reason: Reason) {
        self.file = file
        self.reason = reason
    }

    /// What was found, with what the message needs to say.
    public enum Reason: Equatable, Sendable {
        /// Weights without an architecture (`save_weights`); `layout` says which writer.
        case weightsOnly(layout: String)
        /// A `Lambda` layer: Python code.
        case lambdaLayer(layer: String)
        /// A layer of a class that is not Keras' own (registered or custom objects).
        case customLayer(layer: String, className: String)
        /// An activation given as a custom function.
        case customActivation(layer: String, activation: String)
        /// A built-in Keras layer this reader does not support.
        case unsupportedLayer(layer: String, className: String)
        /// A supported layer with a setting that is not (an axis, `invert=True`, several
        /// inputs…).
        case unsupportedSetting(layer: String, detail: String)
        /// A Python pickle (or joblib file), possibly inside a zip (`container`).
        case pickle(container: String?)
        /// An HDF5 file that is not a Keras model; `found` lists what is in it.
        case notKeras(found: String)
        /// The model reads `found` features per row where `expected` are given.
        case inputWidth(expected: Int, found: Int)
        /// The output is `units` wide; only 1 (sigmoid) or 2 (softmax) are scored.
        case outputShape(units: Int)
        /// A format this reader does not read.
        case unknownFormat(found: String)
        /// The file is damaged or inconsistent (config and weights disagree, bad JSON…).
        case malformed(detail: String)
        /// A model of a framework this tool reads (XGBoost, LightGBM…) with a part or setting
        /// it does not: `detail` says what, `advice` what to submit instead.
        case unsupportedModel(detail: String, advice: String)
        /// A model file of such a framework that is damaged or inconsistent; `advice` says
        /// how to save it again.
        case damagedModel(detail: String, advice: String)
        /// Over a size limit (file, zip entries, bytes inflated, layers, parameters).
        case tooLarge(detail: String)
        /// The file could not be read at all.
        case unreadable(detail: String)
        /// An ONNX model that the interpreter refused; the error says why.
        case onnx(ONNXError)
        /// An HDF5 file (a `.h5`, or the weights inside a `.keras`) with a part that would
        /// make libhdf5 open another file or load a plugin; `member` names the file inside
        /// a `.keras` archive.
        case pointsOutside(HDF5OutsideReference, member: String?)
    }

    /// The one-line message.
    public var description: String {
        let name = "'\(file)'"
        let ownLayers = "rebuild it from built-in Keras layers, or submit a predictions file (id,score) instead"
        switch reason {
        case let .weightsOnly(layout):
            return "\(name) holds only weights (\(layout)), no architecture: save the whole model "
                + "with model.save('model.h5') or model.save('model.keras') and submit that file"
        case let .lambdaLayer(layer):
            return "\(name) has a Lambda layer '\(layer)': it carries Python code, which Keras runs "
                + "when it loads the file and this tool never runs; \(ownLayers)"
        case let .customLayer(layer, className):
            return "\(name) has layer '\(layer)' of custom class '\(className)': custom layers carry "
                + "code that this tool never runs; \(ownLayers)"
        case let .customActivation(layer, activation):
            return "\(name) has layer '\(layer)' with custom activation '\(activation)': custom "
                + "functions carry code that this tool never runs; use a built-in Keras activation"
        case let .unsupportedLayer(layer, className):
            return "\(name) has layer '\(layer)' of type \(className), which this tool does not read "
                + "(it reads \(KerasLayerKind.supportedClassNames); custom layers carry code that is never "
                + "run here): export the model to ONNX with tf2onnx, or submit a predictions file (id,score)"
        case let .unsupportedSetting(layer, detail):
            return "\(name): layer '\(layer)' \(detail), which is not supported; \(ownLayers)"
        case let .pickle(container):
            let what = container.map { "is a \($0) holding a Python pickle" } ?? "is a Python pickle"
            return "\(name) \(what); pickles can run code, so they are not read: export the model "
                + "to ONNX (skl2onnx for scikit-learn, torch.onnx for PyTorch) and submit the .onnx file"
        case let .notKeras(found):
            return "\(name) is an HDF5 file but not a Keras model (no model_config; found \(found)): "
                + "save the model with Keras' model.save('model.h5') and submit that file"
        case let .inputWidth(expected, found):
            return "\(name) reads \(found) features per event, but \(expected) are given: train on all "
                + "28 features, or name the features the model reads in the submission's manifest"
        case let .outputShape(units):
            return "\(name) outputs \(units) values per event: the last layer must be 1 sigmoid unit "
                + "or 2 softmax units (column 1 = signal)"
        case let .unknownFormat(found):
            return "\(name) is not a model file this tool reads (found \(found)): submit a Keras "
                + "model (model.save('model.h5') or 'model.keras'), an ONNX file (.onnx), an XGBoost "
                + "save_model .json/.ubj, a LightGBM save_model .txt, or a predictions file (id,score)"
        case let .malformed(detail):
            return "\(name) is damaged or inconsistent: \(detail); save the model again with "
                + "model.save('model.h5')"
        case let .unsupportedModel(detail, advice):
            return "\(name) \(detail), which this tool does not read: \(advice)"
        case let .damagedModel(detail, advice):
            return "\(name) is damaged or inconsistent: \(detail); \(advice)"
        case let .tooLarge(detail):
            return "\(name) is too large: \(detail)"
        case let .unreadable(detail):
            return "\(name) could not be read: \(detail)"
        case let .onnx(error):
            return "\(name) \(error.description)"
        case let .pointsOutside(reference, member):
            let place = member.map { " in \($0)" } ?? ""
            return "\(name) has\(place) \(reference.phrase): this tool never opens a file that a model "
                + "points to, and Keras never writes one; save the model again with model.save('model.h5') "
                + "or model.save('model.keras') and submit that file"
        }
    }
}
