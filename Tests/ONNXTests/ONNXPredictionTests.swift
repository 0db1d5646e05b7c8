import Foundation
import ModelFiles
import Models
import ONNX
import Results
import TestSupport
import Testing

/// Each exporter's file, read through ModelFileReader, predicts what its framework and
/// onnxruntime predicted, to 1e-5.
@Suite("ONNX files predict as their frameworks do")
struct ONNXPredictionTests {
    static let fixtures = [
        "torch_mlp", "torch_mlp_dynamo", "torch_mlp_batch1", "torch_softmax", "torch_glue", "torch_layernorm", "keras_mlp", "keras_softmax",
    ]

    @Test("predictions equal the framework's and onnxruntime's to 1e-5", arguments: fixtures)
    func predictionsMatch(_ stem: String) throws {
        let model = try ModelFileReader.read(contentsOf: ONNXFixtures.url("\(stem).onnx"))
        #expect(model.summary.format == .onnx)
        try model.requireInputCount(28)
        let rows = try SampleRows.hiddenTest()
        let predicted = try withFeatureBatch(rows, columns: 28) { try model.classifier.predict($0) }
        let framework = try ONNXFixtures.numbers("\(stem).predictions.txt")
        let runtime = try ONNXFixtures.numbers("\(stem).onnxruntime.txt")
        #expect(predicted.count == 500 && framework.count == 500 && runtime.count == 500)
        let toFramework = maxAbsDifference(predicted, framework), toRuntime = maxAbsDifference(predicted, runtime)
        print("\(stem).onnx: max |ours - framework| = \(toFramework), max |ours - onnxruntime| = \(toRuntime)")
        #expect(toFramework < 1e-5, "\(stem): \(toFramework) from the framework")
        #expect(toRuntime < 1e-5, "\(stem): \(toRuntime) from onnxruntime")
    }

    @Test("chunking on both cores changes no score", arguments: ["torch_glue", "torch_mlp"])
    func chunkingDoesNotChangeScores(_ stem: String) throws {
        let model = try ONNXModel(data: ONNXFixtures.data("\(stem).onnx"))
        let rows = try SampleRows.hiddenTest()
        let whole = try withFeatureBatch(rows, columns: 28) { try ONNXClassifier(model: model, chunkRows: 500).predict($0) }
        let chunked = try withFeatureBatch(rows, columns: 28) { try ONNXClassifier(model: model, chunkRows: 7).predict($0) }
        #expect(whole == chunked)
    }

    @Test("summary names producer, opset, nodes and output")
    func summary() throws {
        let softmax = try ModelFileReader.read(contentsOf: ONNXFixtures.url("torch_softmax.onnx")).summary
        #expect(softmax.framework == "pytorch")
        #expect(softmax.architecture.contains("ai.onnx 17"))
        #expect(softmax.output == ModelSummary.Output(units: 2, activation: "Softmax", reading: "twoClassColumn1"))
        #expect(softmax.layers.map(\.type) == ["Gemm", "Elu", "Gemm", "Tanh", "Gemm", "Softmax"])
        #expect(softmax.layers.first?.outputWidth == 48)
        #expect(softmax.layers.first?.parameterCount == 28 * 48 + 48)
        let mlp = try ModelFileReader.read(contentsOf: ONNXFixtures.url("torch_mlp.onnx")).summary
        #expect(mlp.output == ModelSummary.Output(units: 1, activation: "Sigmoid", reading: "singleUnit"))
        #expect(mlp.parameterCount == 28 * 64 + 64 + 64 * 32 + 32 + 32 + 1)
    }

    @Test("a one-row input is evaluated row by row")
    func fixedBatch() throws {
        let model = try ONNXModel(data: ONNXFixtures.data("torch_mlp_batch1.onnx"))
        #expect(ONNXClassifier(model: model).chunkRows == 1)
    }

    @Test("wrong batch width is refused")
    func wrongBatchWidth() throws {
        let model = try ModelFileReader.read(contentsOf: ONNXFixtures.url("torch_mlp.onnx"))
        #expect(throws: ClassifierError.inputWidth(expected: 28, found: 7)) {
            try withFeatureBatch([Float](repeating: 0, count: 70), columns: 7) { try model.classifier.predict($0) }
        }
    }
}
