import Models
import Results

extension ModelSummary {
    /// The summary of a tree ensemble read from a file: one line for all the trees (count,
    /// depth, leaves), and what turns their sum into a probability.
    ///
    /// `parameterCount` counts a feature and a threshold per split and `outputCount`
    /// values per leaf, plus the base scores.
    static func trees(
        file: String, format: ModelFileFormat, framework: String, version: String?, architecture: String,
        ensemble: TreeEnsemble, activation: String, note: String? = nil
    ) -> ModelSummary {
        let splits = ensemble.nodeCount - ensemble.leafCount
        let parameters = 2 * splits + ensemble.leafCount * ensemble.outputCount + ensemble.outputCount
        let depth = ensemble.depths.max() ?? 0
        let type =
            "\(CountText.of(ensemble.treeCount)) trees (depth ≤ \(depth), \(CountText.of(ensemble.leafCount)) leaves)"
            + (note.map { ", \($0)" } ?? "")
        return ModelSummary(
            file: file, format: format, framework: framework, frameworkVersion: version, backend: nil,
            architecture: architecture, modelName: nil, inputCount: ensemble.inputCount,
            output: .init(units: 1, activation: activation, reading: "singleUnit"),
            layers: [
                .init(
                    name: "trees", type: type, units: nil, activation: nil, outputWidth: ensemble.outputCount,
                    parameterCount: parameters, inputs: [])
            ],
            parameterCount: parameters)
    }
}
