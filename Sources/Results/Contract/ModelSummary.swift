/// What a reader understood of a model file: what `leaderboard check` shows a
/// participant before they submit.
public struct ModelSummary: Sendable, Equatable, Codable {
    /// The file, as the caller named it.
    public var file: String
    /// The container the file is.
    public var format: ModelFileFormat
    /// The framework that wrote it, e.g. `Keras`.
    public var framework: String
    /// The framework's version as the file records it (Keras' `keras_version`).
    public var frameworkVersion: String?
    /// The backend the file records (Keras' `backend`, e.g. `tensorflow`).
    public var backend: String?
    /// `Sequential` or `Functional` for Keras.
    public var architecture: String
    /// The model's name in the file.
    public var modelName: String?
    /// Features the model reads per event.
    public var inputCount: Int
    /// What the model outputs.
    public var output: Output
    /// The layers in evaluation order (a shared layer appears once per call).
    public var layers: [Layer]
    /// Numbers read from the file's weights (trainable or not).
    public var parameterCount: Int

    /// A summary of the given values.
    public init(
        file: String, format: ModelFileFormat, framework: String, frameworkVersion: String?, backend: String?,
        architecture: String, modelName: String?, inputCount: Int, output: Output, layers: [Layer], parameterCount: Int
    ) {
        self.file = file
        self.format = format
        self.framework = framework
        self.frameworkVersion = frameworkVersion
        self.backend = backend
        self.architecture = architecture
        self.modelName = modelName
        self.inputCount = inputCount
        self.output = output
        self.layers = layers
        self.parameterCount = parameterCount
    }

    /// The model's output.
    public struct Output: Sendable, Equatable, Codable {
        /// Units of the last layer: 1 or 2.
        public var units: Int
        /// The last layer's activation (`sigmoid`, `softmax`…), when it has one.
        public var activation: String?
        /// How the score is read: `singleUnit` or `twoClassColumn1`.
        public var reading: String

        /// An output of `units` with `activation`, read as `reading`.
        public init(units: Int, activation: String?, reading: String) {
            self.units = units
            self.activation = activation
            self.reading = reading
        }
    }

    /// One layer of the model.
    public struct Layer: Sendable, Equatable, Codable {
        /// The layer's name in the file.
        public var name: String
        /// Its class, e.g. `Dense`, `BatchNormalization`.
        public var type: String
        /// Units, for dense layers.
        public var units: Int?
        /// The activation it applies, when it applies one (Keras' name).
        public var activation: String?
        /// Values per event it outputs.
        public var outputWidth: Int
        /// Numbers read from the file for it.
        public var parameterCount: Int
        /// The layers it reads.
        public var inputs: [String]

        /// A layer summary.
        public init(
            name: String, type: String, units: Int?, activation: String?, outputWidth: Int,
            parameterCount: Int, inputs: [String]
        ) {
            self.name = name
            self.type = type
            self.units = units
            self.activation = activation
            self.outputWidth = outputWidth
            self.parameterCount = parameterCount
            self.inputs = inputs
        }
    }

    /// A few lines for people: format and version, input, output, then a line a layer, or
    /// a line a type of layer when there are many (``layerTypes``).
    public var text: String {
        var lines = [
            "\(file): \(framework) \(frameworkVersion ?? "(version not recorded)") \(format.displayName)"
                + (backend.map { ", backend \($0)" } ?? "") + ", \(architecture) model"
                + (modelName.map { " '\($0)'" } ?? ""),
            "input: \(inputCount) features per event",
            "output: \(output.units) unit\(output.units == 1 ? "" : "s")"
                + (output.activation.map { " (\($0))" } ?? "")
                + (output.reading == "twoClassColumn1" ? ", column 1 read as signal" : ""),
            "\(layerHeading) (\(CountText.of(parameterCount)) parameters):",
        ]
        if let layerTypes {
            for type in layerTypes {
                var line = "  \(type.type): \(CountText.of(type.count)) \(layerNoun)\(type.count == 1 ? "" : "s")"
                if type.parameterCount > 0 { line += ", \(CountText.of(type.parameterCount)) parameters" }
                lines.append(line)
            }
            return lines.joined(separator: "\n")
        }
        for layer in layers {
            var line = "  \(layer.name): \(layer.type)"
            if let units = layer.units { line += " \(units)" }
            if let activation = layer.activation { line += " \(activation)" }
            line += " -> \(layer.outputWidth)"
            if layer.parameterCount > 0 { line += ", \(CountText.of(layer.parameterCount)) parameters" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
