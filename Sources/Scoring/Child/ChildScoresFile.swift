import Foundation
import ModelFiles

/// The child's scores file: one float64 per requested row, in row order, in the machine's
/// byte order (parent and child are the same executable on the same machine), nothing else.
enum ChildScoresFile {
    /// Writes `scores` to `path`.
    static func write(_ scores: [Double], to path: String) throws {
        try scores.withUnsafeBufferPointer { Data(buffer: $0) }.write(to: URL(fileURLWithPath: path))
    }

    /// The scores at `path`; `nil` unless the file holds exactly `count` of them. A child the
    /// file it scored has taken over can write anything to its outputs, so the file is read as
    /// a participant's (``SubmissionRoot``): a regular file, never followed through a link, its
    /// size checked before a byte is read (a sparse terabyte costs nothing to refuse).
    static func read(from path: String, count: Int) -> [Double]? {
        let bytes = count * MemoryLayout<Double>.size
        guard let data = try? SubmissionRoot.file(at: URL(fileURLWithPath: path)).contents(maxBytes: bytes),
            data.count == bytes
        else {
            return nil
        }
        return data.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
    }
}
