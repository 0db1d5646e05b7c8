import Foundation
import Models
import Testing

@testable import ModelFiles

/// Config shapes the fixtures do not cover, built from JSON with weights held in memory.
@Suite("Keras configs")
struct KerasModelBuilderTests {
    /// Weights by layer name, in Keras' order.
    struct MemoryStore: KerasWeightStore {
        var weights: [String: [(shape: [Int], values: [Float])]]

        func weightPaths(of layer: KerasLayerConfig, index: Int) throws -> [String] {
            (weights[layer.name] ?? []).indices.map { "\(layer.name)/\($0)" }
        }

        private func entry(_ path: String) throws -> (shape: [Int], values: [Float]) {
            let parts = path.split(separator: "/")
            let list = try #require(weights[String(parts[0])])
            return list[try #require(Int(parts[1]))]
        }

        func shape(_ path: String) throws -> [Int] { try entry(path).shape }

        func read(_ path: String, expected: [Int]) throws -> [Float] {
            let weight = try entry(path)
            #expect(weight.shape == expected)
            return weight.values
        }
    }

    static func build(_ json: String, weights: [String: [(shape: [Int], values: [Float])]] = [:], major: Int = 3) throws
        -> KerasModelBuilder.Result
    {
        let config = try KerasModelConfig.parse(json, maxLayers: 100)
        return try KerasModelBuilder(
            config: config, kerasMajor: major, store: MemoryStore(weights: weights), limits: ModelFileLimits()
        ).build()
    }

    static func reason(_ body: () throws -> Void) throws -> ModelFileError.Reason {
        try #require(throws: ReasonError.self, performing: body).reason
    }

    static func predict(_ network: DenseNetwork, _ row: [Float]) throws -> Double {
        try withFeatureBatch(row, columns: row.count) { try network.predict($0) }[0]
    }

    @Test("no InputLayer: width from build_input_shape")
    func impliedInput() throws {
        let json = """
            {"class_name": "Sequential", "config": {"name": "s", "layers": [
              {"class_name": "Dense", "config": {"name": "d", "units": 1, "activation": "sigmoid", "use_bias": false}}
            ], "build_input_shape": [null, 2]}}
            """
        let result = try Self.build(json, weights: ["d": [([2, 1], [1, -1])]])
        #expect(result.network.inputCount == 2)
        #expect(abs(try Self.predict(result.network, [3, 1]) - 1 / (1 + exp(-2))) < 1e-7)
        #expect(result.layers.map(\.type) == ["InputLayer", "Dense"])
    }

    @Test("shared layer weights; Keras 3 dict activations")
    func sharedLayer() throws {
        func tensor(_ layer: String, _ node: Int) -> String {
            #"{"class_name": "__keras_tensor__", "config": {"shape": [null, 2], "keras_history": ["\#(layer)", \#(node), 0]}}"#
        }
        let json = """
            {"class_name": "Functional", "config": {"name": "f", "layers": [
              {"class_name": "InputLayer", "name": "x", "config": {"name": "x", "batch_shape": [null, 2]}, "inbound_nodes": []},
              {"class_name": "Dense", "name": "shared", "config": {"name": "shared", "units": 2,
                "activation": {"module": "keras.activations", "class_name": "function", "config": "relu", "registered_name": "function"}},
               "inbound_nodes": [{"args": [\(tensor("x", 0))], "kwargs": {}}, {"args": [\(tensor("shared", 0))], "kwargs": {}}]},
              {"class_name": "Subtract", "name": "diff", "config": {"name": "diff"},
               "inbound_nodes": [{"args": [[\(tensor("shared", 1)), \(tensor("x", 0))]], "kwargs": {}}]},
              {"class_name": "Dense", "name": "out", "config": {"name": "out", "units": 1, "activation": "linear"},
               "inbound_nodes": [{"args": [\(tensor("diff", 0))], "kwargs": {}}]}
            ], "input_layers": ["x", 0, 0], "output_layers": ["out", 0, 0]}}
            """
        let weights: [String: [(shape: [Int], values: [Float])]] = [
            "shared": [([2, 2], [1, 0, 0, 2]), ([2], [0, -1])],
            "out": [([2, 1], [1, 1]), ([1], [0.5])],
        ]
        let result = try Self.build(json, weights: weights)
        #expect(result.layers.map(\.name) == ["x", "shared", "shared (call 2)", "diff", "out"])
        #expect(result.parameterCount == 6 + 3)
        // shared(x) = relu([1, 3]) = [1, 3]; again: relu([1, 5]) = [1, 5]; minus x: [0, 3]; sum + 0.5.
        #expect(try Self.predict(result.network, [1, 2]) == 3.5)
    }

    @Test("refusals found in the config")
    func configRefusals() throws {
        let conv = """
            {"class_name": "Sequential", "config": {"layers": [
              {"class_name": "InputLayer", "config": {"name": "i", "batch_input_shape": [null, 28]}},
              {"class_name": "Conv1D", "config": {"name": "conv"}}]}}
            """
        #expect(try Self.reason { _ = try Self.build(conv, major: 2) } == .unsupportedLayer(layer: "conv", className: "Conv1D"))

        let customActivation = """
            {"class_name": "Sequential", "config": {"layers": [
              {"class_name": "InputLayer", "config": {"name": "i", "batch_shape": [null, 28]}},
              {"class_name": "Dense", "config": {"name": "d", "units": 1, "activation": "my_sigmoid"}}]}}
            """
        #expect(try Self.reason { _ = try Self.build(customActivation) } == .customActivation(layer: "d", activation: "my_sigmoid"))

        let image = """
            {"class_name": "Sequential", "config": {"layers": [
              {"class_name": "InputLayer", "config": {"name": "i", "batch_shape": [null, 28, 1]}},
              {"class_name": "Flatten", "config": {"name": "f"}}]}}
            """
        guard case .unsupportedSetting(layer: "i", let detail) = try Self.reason({ _ = try Self.build(image) }) else {
            Issue.record("a 2-D input was not refused as a setting")
            return
        }
        #expect(detail.contains("(28, 1)"))

        let twoInputs = """
            {"class_name": "Functional", "config": {"name": "m", "layers": [],
              "input_layers": [["a", 0, 0], ["b", 0, 0]], "output_layers": [["o", 0, 0]]}}
            """
        #expect(
            try Self.reason { _ = try Self.build(twoInputs, major: 2) }
                == .unsupportedSetting(layer: "m", detail: "has 2 inputs (one is read)"))

        let subclassed = #"{"class_name": "MyModel", "config": {"layers": []}}"#
        #expect(try Self.reason { _ = try Self.build(subclassed) } == .customLayer(layer: "the model itself", className: "MyModel"))

        #expect(try Self.reason { _ = try Self.build("not json") } == .malformed(detail: "the model config is not a JSON object"))
    }

    @Test("Keras 2 inbound nodes, and a cycle in them")
    func keras2Cycle() throws {
        let json = """
            {"class_name": "Model", "config": {"name": "m", "layers": [
              {"class_name": "InputLayer", "name": "x", "config": {"name": "x", "batch_input_shape": [null, 3]}, "inbound_nodes": []},
              {"class_name": "Add", "name": "a", "config": {"name": "a"}, "inbound_nodes": [[["x", 0, 0, {}], ["b", 0, 0, {}]]]},
              {"class_name": "Dropout", "name": "b", "config": {"name": "b", "rate": 0.5}, "inbound_nodes": [[["a", 0, 0, {}]]]}
            ], "input_layers": [["x", 0, 0]], "output_layers": [["b", 0, 0]]}}
            """
        guard case let .malformed(detail) = try Self.reason({ _ = try Self.build(json, major: 2) }) else {
            Issue.record("a cycle was not refused")
            return
        }
        #expect(detail.contains("cycle"))
    }
}
