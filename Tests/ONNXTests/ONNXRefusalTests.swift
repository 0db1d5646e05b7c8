import Foundation
import ModelFiles
import TestSupport
import Testing

@testable import ONNX

/// Broken, hostile and unsupported files are refused with one line that names the file and
/// the problem (and the limit, for limits), never with a crash or a large allocation.
@Suite("ONNX files that are refused")
struct ONNXRefusalTests {
    /// The refusal of `data` read as `model.onnx`, after checking it is one line naming the file.
    private func refusal(_ data: Data, limits: ModelFileLimits = ModelFileLimits()) throws -> String {
        let error = try #require(throws: ModelFileError.self) {
            try ModelFileReader.read(data, fileName: "model.onnx", limits: limits)
        }
        let message = error.description
        #expect(message.hasPrefix("'model.onnx' "))
        #expect(!message.contains("\n"))
        return message
    }

    /// A model `y = relu(x W)` with `W` as given.
    private func withWeights(_ weights: Onnx_TensorProto) -> ModelBuilder {
        var model = ModelBuilder()
        model.initializers = [weights]
        model.nodes = [ModelBuilder.node("MatMul", ["x", "W"], ["h"]), ModelBuilder.node("Sigmoid", ["h"], ["y"])]
        return model
    }

    @Test("a truncated file")
    func truncated() throws {
        let whole = try ONNXFixtures.data("torch_mlp.onnx")
        for length in [whole.count / 2, whole.count - 3, 40] {
            let message = try refusal(whole.prefix(length))
            #expect(message.contains("truncated") || message.contains("not a protobuf"), "\(message)")
        }
    }

    @Test("a tensor whose shape does not match its data")
    func shapeMismatch() throws {
        let message = try refusal(withWeights(ModelBuilder.floats("W", [28, 4], [Float](repeating: 1, count: 100))).data)
        #expect(message.contains("initializer 'W' declares shape [28, 4] (112 elements) but holds 100"), "\(message)")
        var raw = ModelBuilder.floats("W", [28, 1], [])
        raw.rawData = Data(count: 27 * 4)
        #expect(try refusal(withWeights(raw).data).contains("declares shape [28, 1] (28 elements) but holds 27"))
    }

    @Test(
        "huge declared shape refused before allocating",
        arguments: [
            [Int64(1) << 40, Int64(1) << 40], [100_000, 100_000], [-5, 4],
        ])
    func hugeShape(_ dims: [Int64]) throws {
        var weights = ModelBuilder.floats("W", dims, [])
        weights.rawData = Data(count: 16)
        let message = try refusal(withWeights(weights).data)
        #expect(message.contains("limits.max_tensor_elements in leaderboard.yml") || message.contains("negative dimension"), "\(message)")
    }

    @Test("huge ConstantOfShape at run time")
    func hugeComputedShape() throws {
        var model = ModelBuilder()
        model.initializers = [ModelBuilder.int64s("big", [2], [1 << 20, 1 << 20])]
        model.nodes = [ModelBuilder.node("ConstantOfShape", ["big"], ["y"])]
        #expect(try refusal(model.data).contains("limits.max_tensor_elements in leaderboard.yml"))
    }

    @Test("a graph with a cycle")
    func cycle() throws {
        var model = ModelBuilder()
        model.nodes = [
            ModelBuilder.node("Add", ["x", "c"], ["b"], name: "first"),
            ModelBuilder.node("Relu", ["b"], ["c"], name: "second"),
            ModelBuilder.node("Sigmoid", ["c"], ["y"]),
        ]
        let message = try refusal(model.data)
        #expect(message.contains("cycle") && message.contains("'first'"), "\(message)")
    }

    @Test("a node that reads an undefined value")
    func undefinedInput() throws {
        var model = ModelBuilder()
        model.nodes = [ModelBuilder.node("Add", ["x", "nowhere"], ["y"], name: "adder")]
        #expect(try refusal(model.data).contains("node 'adder' reads 'nowhere', which no node, initializer or input defines"))
    }

    @Test("an operator this tool does not evaluate is named")
    func unknownOperator() throws {
        var model = ModelBuilder()
        model.nodes = [ModelBuilder.node("LSTM", ["x"], ["y"], name: "rnn")]
        let message = try refusal(model.data)
        #expect(message.hasPrefix("'model.onnx' uses operator ai.onnx/LSTM, which this tool does not evaluate: node 'rnn'"))
        #expect(message.contains("Gemm"))
        model.nodes = [ModelBuilder.node("FusedGemm", ["x"], ["y"], domain: "com.microsoft")]
        #expect(try refusal(model.data).contains("uses operator com.microsoft/FusedGemm"))
    }

    @Test("an input of the wrong width")
    func wrongInputWidth() throws {
        var declared = ModelBuilder()
        declared.width = 30
        declared.outputs = [("y", 1, [-1, 1])]
        declared.nodes = [
            ModelBuilder.node("ReduceSum", ["x"], ["s"], [ModelBuilder.ints("axes", [1])]),
            ModelBuilder.node("Sigmoid", ["s"], ["y"]),
        ]
        declared.opset = 11
        let loaded = try ModelFileReader.read(declared.data, fileName: "model.onnx")
        let error = try #require(throws: ModelFileError.self) { try loaded.requireInputCount(28) }
        #expect(error.reason == .inputWidth(expected: 28, found: 30))

        // Declared 28 wide, but the weights take 30: found when the file is read.
        let message = try refusal(withWeights(ModelBuilder.floats("W", [30, 1], [Float](repeating: 0, count: 30))).data)
        #expect(message.contains("MatMul of shapes [1, 28] and [30, 1]"), "\(message)")
    }

    @Test("external data")
    func externalData() throws {
        var weights = ModelBuilder.floats("W", [28, 1], [])
        weights.dataLocation = .external
        var entry = Onnx_StringStringEntryProto()
        entry.key = "location"
        entry.value = "weights.bin"
        weights.externalData = [entry]
        #expect(try refusal(withWeights(weights).data).contains("external data for initializer 'W'"))
    }

    @Test("graphs too deep, too long, or nested too deeply")
    func tooDeep() throws {
        var chain = ModelBuilder()
        chain.nodes = (0..<50).map { ModelBuilder.node("Relu", [$0 == 0 ? "x" : "v\($0 - 1)"], [$0 == 49 ? "y" : "v\($0)"]) }
        var limits = ModelFileLimits()
        limits.onnx.maxGraphDepth = 20
        #expect(try refusal(chain.data, limits: limits).contains("the limit of 20, limits.max_graph_depth in leaderboard.yml"))
        limits = ModelFileLimits()
        limits.onnx.maxGraphNodes = 10
        #expect(
            try refusal(chain.data, limits: limits).contains(
                "the graph has 50 nodes (the limit of 10, limits.max_graph_nodes in leaderboard.yml)"))

        // A graph in an attribute of a node of a graph in an attribute…, 40 levels.
        var inner = Onnx_GraphProto()
        for _ in 0..<40 {
            var attribute = Onnx_AttributeProto()
            attribute.name = "body"
            attribute.type = .graph
            attribute.g = inner
            var node = Onnx_NodeProto()
            node.opType = "If"
            node.attribute = [attribute]
            inner = Onnx_GraphProto()
            inner.node = [node]
        }
        var nested = ModelBuilder()
        nested.nodes = inner.node
        #expect(try refusal(nested.data).contains("maxMessageDepth"))
    }

    @Test("flipped bytes never crash the reader")
    func mutations() throws {
        let original = [UInt8](try ONNXFixtures.data("torch_glue.onnx"))
        var generator = SeededGenerator(seed: 42)
        var refused = 0
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<3 {
                let at = Int(generator.next() % UInt64(bytes.count))
                bytes[at] = UInt8(truncatingIfNeeded: generator.next())
            }
            do {
                _ = try ModelFileReader.read(Data(bytes), fileName: "model.onnx")
            } catch {
                #expect(!error.description.contains("\n"))
                refused += 1
            }
        }
        print("flipped-byte files refused: \(refused) of 300")
    }
}
