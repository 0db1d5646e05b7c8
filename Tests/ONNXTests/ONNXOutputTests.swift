import Foundation
import ModelFiles
import Models
import Testing

@testable import ONNX

/// Which output is P(signal): found from the graph, or named in the manifest.
@Suite("ONNX output choice")
struct ONNXOutputTests {
    /// A model with a sigmoid output `p` ([N,1]), a two-column softmax `q` and an int64 `label`.
    private var threeOutputs: ModelBuilder {
        var model = ModelBuilder()
        model.initializers = [
            ModelBuilder.floats("w1", [28, 1], [Float](repeating: 0.1, count: 28)),
            ModelBuilder.floats("w2", [28, 2], (0..<56).map { Float($0 % 2) * 0.1 }),
        ]
        model.nodes = [
            ModelBuilder.node("MatMul", ["x", "w1"], ["h1"]), ModelBuilder.node("Sigmoid", ["h1"], ["p"]),
            ModelBuilder.node("MatMul", ["x", "w2"], ["h2"]), ModelBuilder.node("Softmax", ["h2"], ["q"]),
            ModelBuilder.node("ArgMax", ["h2"], ["label"], [ModelBuilder.int("axis", 1), ModelBuilder.int("keepdims", 0)]),
        ]
        model.outputs = [("label", 7, [-1]), ("p", 1, [-1, 1]), ("q", 1, [-1, 2])]
        return model
    }

    @Test("the probability output, not the labels")
    func single() throws {
        var model = threeOutputs
        model.outputs.removeLast()
        let loaded = try model.load()
        #expect(loaded.output.name == "p" && loaded.output.producer == "Sigmoid")
    }

    @Test("several candidates: refusal lists them")
    func ambiguous() throws {
        let error = try #require(throws: ModelFileError.self) {
            try ModelFileReader.read(threeOutputs.data, fileName: "two.onnx")
        }
        #expect(
            error.description == "'two.onnx' has no usable signal output: several outputs could be the signal "
                + "probability ('label' (int64 tensor [N]), 'p' (float tensor [N, 1]), 'q' (float tensor [N, 2])); "
                + "name one with output: in the manifest")
    }

    @Test("manifest's output: picks one or is refused")
    func named() throws {
        let data = try threeOutputs.data
        let q = try ModelFileReader.read(data, fileName: "m.onnx", options: ModelFileOptions(output: "q"))
        #expect(q.summary.output.reading == "twoClassColumn1")
        let scores = try withFeatureBatch([Float](repeating: 1, count: 28), columns: 28) { try q.classifier.predict($0) }
        #expect(abs(scores[0] - 1 / (1 + exp(-2.8))) < 1e-6)  // columns 0 and 2.8 after the MatMul
        let missing = try #require(throws: ModelFileError.self) {
            try ModelFileReader.read(data, fileName: "m.onnx", options: ModelFileOptions(output: "prob"))
        }
        #expect(missing.description.contains("the manifest names output 'prob', but the graph's outputs are 'label'"))
        let label = try #require(throws: ModelFileError.self) {
            try ModelFileReader.read(data, fileName: "m.onnx", options: ModelFileOptions(output: "label"))
        }
        #expect(label.description.contains("output 'label' (int64 tensor [N]) is not a float tensor"))
    }

    @Test("a manifest's output: key is read")
    func manifestKey() throws {
        let manifest = try SubmissionManifest(parsing: Data("model: m.onnx\noutput: probabilities\n".utf8), fileName: "manifest.yml")
        #expect(manifest.output == "probabilities")
    }
}
