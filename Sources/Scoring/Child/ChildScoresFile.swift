import Foundation

/// The child's scores file: one float64 per requested row, in row order, in the machine's
/// byte order (parent and child are the same executable on the same machine), nothing else.
enum ChildScoresFile {
    /// Writes `scores` to `path`.
    static func write(_ scores: [Double], to path: String) throws {
        try scores.withUnsafeBufferPointer { Data(buffer: $0) }.write(to: URL(fileURLWithPath: path))
    }

    /// The scores at `path`; `nil` unless the file holds exactly `count` of them.
    static func read(from path: String, count: Int) -> [Double]? {
        guard let data = FileManager.default.contents(atPath: path), data.count == count * MemoryLayout<Double>.size else {
            return nil
        }
        return data.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
    }
}
