import Foundation
import ModelFiles
import Results
import TestSupport
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

/// The rule that shows a model of many layers by type: the same for every format.
@Suite("Model summaries of large models")
struct LargeModelSummaryTests {
    @Test("a graph of 985 nodes is a row an operator type, counted as the onnx package counts")
    func largeGraph() throws {
        let summary = try ModelFileReader.read(contentsOf: Fixtures.url("large-graph/large_graph.onnx")).summary
        let expected = try SharedFixtures.largeGraphOperators()
        #expect(expected.count == 10)
        #expect(summary.layers.count == expected.map(\.nodes).reduce(0, +))
        let types = try #require(summary.layerTypes)
        #expect(types.map(\.type) == expected.map(\.type))
        #expect(types.map(\.count) == expected.map(\.nodes))
        #expect(types.map(\.parameterCount).reduce(0, +) == summary.layers.map(\.parameterCount).reduce(0, +))
        #expect(summary.layerHeading == "985 nodes by operator type")
        let lines = summary.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 4 + expected.count)
        #expect(lines[3].hasPrefix("985 nodes by operator type ("))
        for (type, nodes) in expected {
            #expect(lines.contains { $0.hasPrefix("  \(type): \(nodes) node\(nodes == 1 ? "" : "s")") }, "\(type)")
        }
    }

    @Test(
        "counts are written with thousands separators, as the site and the CLI write them",
        arguments: ["/Tests/ModelFilesTests/Fixtures/large-graph/large_graph.onnx", "/submissions/xgboost-trees/model.json"])
    func groupedCounts(file: String) throws {
        let summary = try ModelFileReader.read(contentsOf: URL(fileURLWithPath: SharedFixtures.repositoryRoot + file)).summary
        #expect(summary.parameterCount >= 1_000)
        // The first line names the file and the framework's version; every count follows it.
        for line in summary.text.split(separator: "\n").dropFirst() {
            #expect(line.firstMatch(of: /\d{4,}/) == nil, "\(line)")
        }
        #expect(summary.text.contains(" (\(CountText.of(summary.parameterCount)) parameters):"))
    }

    @Test(
        "small nets stay a row a layer, whatever the format",
        arguments: ["notebook_keras3.h5", "functional_keras3.keras", "/Tests/ONNXTests/Fixtures/torch_layernorm.onnx"])
    func smallNets(file: String) throws {
        let url = file.hasPrefix("/") ? URL(fileURLWithPath: SharedFixtures.repositoryRoot + file) : try Fixtures.url(file)
        let summary = try ModelFileReader.read(contentsOf: url).summary
        #expect(summary.layers.count <= ModelSummary.listedLayerLimit)
        #expect(summary.layerTypes == nil)
        #expect(summary.text.split(separator: "\n").count == 4 + summary.layers.count)
    }

    @Test("a Keras model past the limit is grouped by layer type too")
    func manyKerasLayers() throws {
        let summary = try ModelFileReader.read(contentsOf: Fixtures.url("activations_keras3.h5")).summary
        #expect(summary.layers.count > ModelSummary.listedLayerLimit)
        let types = try #require(summary.layerTypes)
        #expect(types.map(\.count).reduce(0, +) == summary.layers.count)
        #expect(Set(types.map(\.type)).count == types.count)
        #expect(types.first?.type == summary.layers.first?.type)
        #expect(summary.layerHeading == "\(summary.layers.count) layers by layer type")
    }
}
