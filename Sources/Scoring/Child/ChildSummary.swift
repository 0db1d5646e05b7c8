import Foundation
import Results

/// What the child understood of the file it scored, written beside its scores as JSON.
struct ChildSummary: Codable, Sendable, Equatable {
    /// The format's name for tables: `keras-h5`, `onnx`, `lightgbm`, `predictions`…
    var format: String
    /// What was understood of a model file; `nil` for a predictions file.
    var model: ModelSummary?

    /// A summary of a file of `format`.
    init(format: String, model: ModelSummary?) {
        self.format = format
        self.model = model
    }

    /// Writes the summary to `path`.
    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }

    /// The summary at `path`; `nil` if there is none or it is not one.
    static func read(from path: String) -> ChildSummary? {
        FileManager.default.contents(atPath: path).flatMap { try? JSONDecoder().decode(ChildSummary.self, from: $0) }
    }
}
