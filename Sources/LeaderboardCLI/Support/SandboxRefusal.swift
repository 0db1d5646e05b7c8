import Foundation
import ModelFiles
import Results
import Scoring

/// Why the sandboxed child did not give scores for a file: its one line, printed as the
/// command's error.
struct SandboxRefusal: Error, CustomStringConvertible {
    let description: String
}

extension SandboxedPrediction {
    /// The scores (and the model's summary, `nil` for a predictions file) of `model`
    /// on `rows` of the data file at `data`, read and predicted in a child as `score` does:
    /// from a snapshot of the files opened without following links, and a file that crashes
    /// or hangs a reader gives one line.
    ///
    /// - Throws: ``SandboxRefusal`` with the child's reason.
    func scores(
        model: String, manifest: String?, data: String, cacheDirectory: String,
        rows: Range<Int>
    ) throws(SandboxRefusal) -> (scores: [Double], model: ModelSummary?) {
        switch run(modelFile: model, manifestFile: manifest, dataPath: data, cacheDirectory: cacheDirectory, rows: rows) {
        case let .failed(reason): throw SandboxRefusal(description: reason)
        case let .scores(scores, _, model, _): return (scores, model)
        }
    }
}
