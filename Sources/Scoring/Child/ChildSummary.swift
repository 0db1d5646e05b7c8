import Foundation
import ModelFiles
import Results

/// What the child understood of the file it scored, written beside its scores as JSON. The
/// format shown in tables is named by the parent, from its own look at the file and from
/// `model`, never from the child's word.
struct ChildSummary: Codable, Sendable, Equatable {
    /// What was understood of a model file; `nil` for a predictions file.
    var model: ModelSummary?

    /// A summary of what was understood of a model file (`nil` for a predictions file).
    init(model: ModelSummary?) {
        self.model = model
    }

    /// Writes the summary to `path`.
    func write(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(self).write(to: URL(fileURLWithPath: path))
    }

    /// The summary at `path`; `nil` if there is none, it is not one, or it is over `maxBytes`.
    /// The child's outputs are read as a participant's files (``SubmissionRoot``): a child
    /// taken over by the file it read can write a huge or sparse file, or anything at all.
    static func read(from path: String, maxBytes: Int) -> ChildSummary? {
        guard let data = try? SubmissionRoot.file(at: URL(fileURLWithPath: path)).contents(maxBytes: maxBytes) else {
            return nil
        }
        return try? JSONDecoder().decode(ChildSummary.self, from: data)
    }

    /// The most a child's summary can honestly take for a model read under `limits`: every
    /// string in it comes from the file's config (at most `maxConfigBytes`), which JSON
    /// escaping at most sextuples, beside the fixed fields of at most `maxLayers` layers.
    static func maxBytes(for limits: ModelFileLimits) -> Int {
        6 * limits.maxConfigBytes + 1_024 * limits.maxLayers + (1 << 20)
    }
}
