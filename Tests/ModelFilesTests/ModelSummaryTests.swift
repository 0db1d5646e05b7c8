import Foundation
import ModelFiles
import Results
import Testing

/// What `check` will show: format, version, backend, layers, input width, output.
@Suite("Model summaries")
struct ModelSummaryTests {
    @Test("the notebook's net, Keras 3 .h5")
    func notebookKeras3() throws {
        let summary = try ModelFileReader.read(contentsOf: Fixtures.url("notebook_keras3.h5")).summary
        #expect(summary.file == "notebook_keras3.h5")
        #expect(summary.format == .hdf5)
        #expect(summary.framework == "Keras")
        #expect(summary.frameworkVersion == "3.15.1")
        #expect(summary.backend == "tensorflow")
        #expect(summary.architecture == "Sequential")
        #expect(summary.inputCount == 28)
        #expect(summary.output == .init(units: 1, activation: "sigmoid", reading: "singleUnit"))
        #expect(summary.parameterCount == 28 * 28 + 28 + 28 * 14 + 14 + 14 * 7 + 7 + 7 + 1)
        #expect(summary.layers.map(\.type) == ["InputLayer", "Dense", "Dense", "Dense", "Dense"])
        #expect(summary.layers.compactMap(\.units) == [28, 14, 7, 1])
        #expect(summary.layers.compactMap(\.activation) == ["relu", "relu", "relu", "sigmoid"])
        #expect(summary.layers[2].inputs == ["dense"])
        #expect(summary.text.contains("Keras 3.15.1 HDF5, backend tensorflow, Sequential model"))
        #expect(summary.text.contains("dense_1: Dense 14 relu -> 14, 406 parameters"))
    }

    @Test("same net from tf-keras and a .keras zip")
    func otherWriters() throws {
        let tfKeras = try ModelFileReader.read(contentsOf: Fixtures.url("notebook_tfkeras.h5")).summary
        #expect(tfKeras.frameworkVersion == "2.21.0")
        #expect(tfKeras.inputCount == 28)
        #expect(tfKeras.parameterCount == 1_331)
        let zip = try ModelFileReader.read(contentsOf: Fixtures.url("notebook_keras3.keras")).summary
        #expect(zip.format == .zip)
        #expect(zip.frameworkVersion == "3.15.1")
        #expect(zip.parameterCount == 1_331)
    }

    @Test("a functional model with branches", arguments: ["functional_keras3.h5", "functional_tfkeras.h5", "functional_keras3.keras"])
    func functional(file: String) throws {
        let summary = try ModelFileReader.read(contentsOf: Fixtures.url(file)).summary
        #expect(summary.architecture == "Functional")
        #expect(summary.modelName == "functional_bn_norm")
        let byName = Dictionary(uniqueKeysWithValues: summary.layers.map { ($0.name, $0) })
        #expect(byName["sum"]?.type == "Add")
        #expect(Set(byName["sum"]?.inputs ?? []) == ["branch_a", "branch_b_elu"])
        #expect(byName["join"]?.type == "Concatenate")
        #expect(byName["join"]?.outputWidth == 12)
        #expect(byName["standardize"]?.type == "Normalization")
        #expect(byName["standardize"]?.parameterCount == 56)
        #expect(byName["branch_b_bn"]?.parameterCount == 24)
        #expect(byName["branch_c"]?.parameterCount == 64)
        #expect(summary.layers.last?.name == "score")
        #expect(summary.output.activation == "sigmoid")
    }

    @Test("a softmax output reads column 1")
    func softmax() throws {
        let summary = try ModelFileReader.read(contentsOf: Fixtures.url("softmax2_keras3.h5")).summary
        #expect(summary.output == .init(units: 2, activation: "softmax", reading: "twoClassColumn1"))
        #expect(summary.text.contains("column 1 read as signal"))
        let layer = try ModelFileReader.read(contentsOf: Fixtures.url("softmax2_tfkeras.h5")).summary
        #expect(layer.output == .init(units: 2, activation: "softmax", reading: "twoClassColumn1"))
        #expect(layer.layers.last?.type == "Softmax")
    }

    @Test("summaries encode to JSON for --json")
    func codable() throws {
        let summary = try ModelFileReader.read(contentsOf: Fixtures.url("functional_keras3.h5")).summary
        let data = try JSONEncoder().encode(summary)
        #expect(try JSONDecoder().decode(ModelSummary.self, from: data) == summary)
    }
}
