import Foundation
import Models
import ONNX
import Results

/// Reads an ONNX model file (a protobuf `ModelProto`) through the `ONNX` target's
/// interpreter, checks it by evaluating one row, and describes it.
enum ONNXModelFile {
    static func read(_ data: Data, fileName: String, limits: ModelFileLimits, options: ModelFileOptions) throws(ReasonError) -> LoadedModel
    {
        do {
            let model = try ONNXModel(data: data, options: ONNXReadOptions(outputName: options.output), limits: limits.onnx)
            let trial = try model.trialRun()
            return LoadedModel(classifier: model.classifier, summary: summary(model, trial: trial, fileName: fileName))
        } catch {
            throw ReasonError(.onnx(error))
        }
    }

    /// What `leaderboard check` shows: producer, opsets, the nodes that run, the output read.
    private static func summary(_ model: ONNXModel, trial: ONNXModel.Trial, fileName: String) -> ModelSummary {
        let units: Int
        let reading: String
        switch trial.output {
        case let .tensor(tensor) where tensor.rank == 2 && tensor.shape[1] == 2:
            (units, reading) = (2, "twoClassColumn1")
        case .sequence:
            (units, reading) = (2, "mapKey1")
        default:
            (units, reading) = (1, "singleUnit")
        }
        let opsets = model.opsets.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        // Constant nodes are values, not layers; a scalar output counts as width 1, a node
        // folded into a constant when the file was read (it never runs on data) as 0.
        let layers = model.nodes.filter { $0.opType != "Constant" }.map { node in
            ModelSummary.Layer(
                name: node.name,
                type: node.domain == "ai.onnx" ? node.opType : "\(node.domain)/\(node.opType)",
                units: nil, activation: nil,
                outputWidth: trial.shapes[node.name].map { $0.last ?? 1 } ?? 0,
                parameterCount: node.parameterCount, inputs: node.inputs.filter { !$0.isEmpty })
        }
        return ModelSummary(
            file: fileName, format: .onnx, framework: model.producerName ?? "ONNX",
            frameworkVersion: model.producerVersion, backend: nil,
            architecture: "graph (IR \(model.irVersion), opsets \(opsets))", modelName: model.graphName,
            inputCount: model.inputWidth,
            output: ModelSummary.Output(units: units, activation: model.output.producer, reading: reading),
            layers: layers, parameterCount: model.parameterCount)
    }
}
