import Foundation

/// Where a float64 ensemble's comparisons could differ between a value as written and its
/// float32: the fast kernels score every row in float32, and only the rows that could differ
/// are walked again in double.
///
/// A split compares `Double(Float(x))` with its `Double` threshold `t` in the kernels (the
/// packed `Float` threshold is chosen so), and `x` with `t` in the double walk; the two can
/// disagree only when `t` lies between `x` and `Float(x)`, ends included. The zero-as-missing
/// test likewise only when `±zeroThreshold` does. So a row needs the double walk only if one
/// of its values has one of its feature's thresholds (or, for a feature some split reads with
/// zero as missing, `±zeroThreshold`) in that interval: a binary search per value in the
/// feature's sorted thresholds.
struct SplitBoundaries: Sendable {
    /// Per feature, the sorted distinct values where a comparison changes side.
    let byFeature: [[Double]]

    /// The boundaries of the ensemble's splits: `thresholds[n]` for each split `n` (NaN for a
    /// leaf), the feature it reads in `nodes`, and its flags.
    init(nodes: [PackedNode], flags: [UInt8], thresholds: [Double], inputCount: Int) {
        var byFeature = [Set<Double>](repeating: [], count: inputCount)
        for n in nodes.indices where !thresholds[n].isNaN {
            let feature = Int(nodes[n].feature)
            byFeature[feature].insert(thresholds[n])
            if flags[n] & 2 != 0 {
                byFeature[feature].formUnion([ExactTest.zeroThreshold, -ExactTest.zeroThreshold])
            }
        }
        self.byFeature = byFeature.map { $0.sorted() }
    }

    /// Whether some boundary of `feature` lies between `x` and `rounded` (ends included).
    @inline(__always)
    func separates(_ x: Double, _ rounded: Double, feature: Int) -> Bool {
        let low = Swift.min(x, rounded), high = Swift.max(x, rounded)
        return byFeature[feature].withUnsafeBufferPointer { bounds in
            var first = 0, count = bounds.count
            while count > 0 {
                let half = count / 2
                if bounds[first + half] < low {
                    first += half + 1
                    count -= half + 1
                } else {
                    count = half
                }
            }
            return first < bounds.count && bounds[first] <= high
        }
    }

    /// The rows of `batch` (`exact` its values as written) that a boundary separates from
    /// their float32, in order; on all cores for a large batch.
    func rowsToWalk(_ batch: FeatureBatch, exact: UnsafeBufferPointer<Double>) -> [Int] {
        let columns = batch.columns, rows = batch.rows
        guard rows > 0, let first = batch.values.baseAddress, let firstWritten = exact.baseAddress else { return [] }
        let chunks = rows < 8_192 ? 1 : min(64, rows / 4_096)
        let found = ChunkResults(count: chunks)
        let values = UnsafeSendablePointer(first), written = UnsafeSendablePointer(firstWritten)
        let work: @Sendable (Int) -> Void = { chunk in
            var part: [Int] = []
            for r in rows * chunk / chunks..<rows * (chunk + 1) / chunks {
                for f in 0..<columns {
                    let x = written.pointer[r * columns + f], rounded = Double(values.pointer[r * columns + f])
                    if x != rounded, !x.isNaN, separates(x, rounded, feature: f) {
                        part.append(r)
                        break
                    }
                }
            }
            found.store(part, at: chunk)
        }
        if chunks == 1 { work(0) } else { performInParallel(iterations: chunks, work) }
        return found.joined()
    }
}

/// Each chunk's rows, stored from its own thread.
private final class ChunkResults: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [[Int]]

    init(count: Int) { parts = Array(repeating: [], count: count) }

    func store(_ part: [Int], at chunk: Int) { lock.withLock { parts[chunk] = part } }

    func joined() -> [Int] { lock.withLock { parts.flatMap { $0 } } }
}
