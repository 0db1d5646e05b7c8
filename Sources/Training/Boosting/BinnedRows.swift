import Dispatch
import Models

/// The training rows as AdaBoost reads them: every feature's bin (one byte) stored
/// column by column, the signal rows first, and each row's boosting weight and running
/// score.
///
/// Rows are reordered by class once, so that histogram loops know a row's class from its
/// position; the order inside each class is the input order. Memory: one byte per
/// feature value, plus 12 bytes a row.
final class BinnedRows: @unchecked Sendable {
    let rows: Int
    let columns: Int
    /// Rows `0..<signalRows` are signal, the rest background.
    let signalRows: Int
    /// `bins[feature * rows + row]`.
    let bins: UnsafeMutablePointer<UInt8>
    /// Each row's sample weight (scikit-learn's `sample_weight`), unnormalized between
    /// rounds: see ``AdaBoostTrainer``.
    let weights: UnsafeMutablePointer<Double>
    /// Each row's running `Σ_t α_t s_t`, for the ensemble's training error.
    let scores: UnsafeMutablePointer<Float>

    /// Bins `batch` (whose labels are `labels`) with `binning`.
    ///
    /// - Precondition: `labels.count == batch.rows`, labels are 0 or 1, and `binning`
    ///   has `batch.columns` features.
    init(_ batch: FeatureBatch, labels: UnsafeBufferPointer<UInt8>, binning: FeatureBinning) {
        precondition(labels.count == batch.rows && binning.edges.count == batch.columns)
        rows = batch.rows
        columns = batch.columns
        bins = .allocate(capacity: rows * columns)
        weights = .allocate(capacity: rows)
        scores = .allocate(capacity: rows)
        let parts = Self.parts(rows)
        // Where each part's signal and background rows go.
        var signalBefore = [Int](repeating: 0, count: parts + 1)
        for part in 0..<parts {
            var count = 0
            for row in rows * part / parts..<rows * (part + 1) / parts { count &+= Int(labels[row]) }
            signalBefore[part + 1] = signalBefore[part] + count
        }
        signalRows = signalBefore[parts]
        // Edges padded to 256 with +inf, for an 8-step branch-free search.
        var padded = [Double](repeating: .infinity, count: columns * 256)
        for (feature, edges) in binning.edges.enumerated() {
            for (k, edge) in edges.enumerated() { padded[feature * 256 + k] = edge }
        }
        let (rows, columns, signalRows) = (rows, columns, signalRows)
        let input = SharedPointer(UnsafeMutablePointer(mutating: batch.values.baseAddress!))
        let label = SharedPointer(UnsafeMutablePointer(mutating: labels.baseAddress!))
        let output = SharedPointer(bins)
        let before = signalBefore
        padded.withUnsafeBufferPointer { padded in
            let table = SharedPointer(UnsafeMutablePointer(mutating: padded.baseAddress!))
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let first = rows * part / parts
                var signal = before[part]
                var background = signalRows + first - before[part]
                for row in first..<rows * (part + 1) / parts {
                    let destination: Int
                    if label.pointer[row] != 0 {
                        destination = signal
                        signal &+= 1
                    } else {
                        destination = background
                        background &+= 1
                    }
                    let x = input.pointer + row &* columns
                    for feature in 0..<columns {
                        output.pointer[feature &* rows &+ destination] =
                            Self.bin(Double(x[feature]), edges: table.pointer + feature &* 256)
                    }
                }
            }
        }
        weights.initialize(repeating: 1 / Double(rows), count: rows)
        scores.initialize(repeating: 0, count: rows)
    }

    deinit {
        bins.deallocate()
        weights.deallocate()
        scores.deallocate()
    }

    /// How many edges of the 256 (padded with +inf) are below `x`.
    @inline(__always)
    static func bin(_ x: Double, edges: UnsafePointer<Double>) -> UInt8 {
        var position = 0
        var step = 128
        while step > 0 {
            if edges[position &+ step &- 1] < x { position &+= step }
            step >>= 1
        }
        return UInt8(truncatingIfNeeded: position)
    }

    /// How many parts a pass over `rows` rows is cut into: fixed by the row count alone,
    /// never by the machine, so that sums (and so the trees) do not depend on the cores.
    static func parts(_ rows: Int) -> Int {
        rows < 32_768 ? 1 : 16
    }
}
