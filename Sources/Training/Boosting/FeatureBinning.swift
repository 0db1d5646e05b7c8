import Dispatch
import Models

/// The bins of every feature: ascending thresholds (edges) chosen once from the data, so
/// that a value's bin is the number of edges below it and "value ≤ edge k" is
/// "bin ≤ k".
///
/// Edges sit where scikit-learn's trees put thresholds: halfway between two adjacent
/// distinct values (`a/2 + b/2` in `Double`, or `a` when that rounds to `b`), never
/// between values 1e-7 or less apart. When a feature has at most `maxBins` distinct
/// values in the sample, every such midpoint is an edge and binning changes nothing that
/// a stump can choose; otherwise the `maxBins - 1` edges are taken at quantiles (each bin
/// gets about the same number of sample rows), and only those thresholds exist.
struct FeatureBinning: Sendable, Equatable {
    /// Per feature, the ascending edges (at most `maxBins - 1`).
    let edges: [[Double]]
    /// Per feature, whether every midpoint between the sample's distinct values is an edge.
    let isExact: [Bool]

    /// The bin of `value` for `feature`: how many of its edges are below `value`.
    func bin(_ value: Float, feature: Int) -> Int {
        let x = Double(value)
        return edges[feature].reduce(0) { $0 + ($1 < x ? 1 : 0) }
    }

    /// Chooses the edges of every column of `batch` from at most `sampleRows` rows of it,
    /// evenly spaced.
    ///
    /// - Throws: ``AdaBoostError`` with ``AdaBoostError/Reason/notANumber(feature:)``.
    static func make(_ batch: FeatureBatch, sampleRows: Int, maxBins: Int) throws(AdaBoostError) -> FeatureBinning {
        let rows = batch.rows, columns = batch.columns
        let sample = min(rows, sampleRows)
        var edges = [[Double]](repeating: [], count: columns)
        var exact = [Bool](repeating: true, count: columns)
        var nanFeature = [Bool](repeating: false, count: columns)
        let base = SharedPointer(UnsafeMutablePointer(mutating: batch.values.baseAddress!))
        let results = SharedPointer(UnsafeMutablePointer<([Double], Bool, Bool)>.allocate(capacity: columns))
        defer { results.pointer.deallocate() }
        DispatchQueue.concurrentPerform(iterations: columns) { feature in
            var values = [Float](unsafeUninitializedCapacity: sample) { buffer, count in
                for i in 0..<sample {
                    // Row i·rows/sample: evenly spaced, deterministic.
                    buffer[i] = base.pointer[(i * rows / sample) * columns + feature]
                }
                count = sample
            }
            let hasNaN = values.contains { $0.isNaN }
            values.sort()
            let (found, isExact) = hasNaN ? ([], false) : Self.edges(sorted: values, maxBins: maxBins)
            (results.pointer + feature).initialize(to: (found, isExact, hasNaN))
        }
        for feature in 0..<columns {
            (edges[feature], exact[feature], nanFeature[feature]) = (results.pointer + feature).move()
        }
        if let feature = nanFeature.firstIndex(of: true) { throw AdaBoostError(.notANumber(feature: feature)) }
        return FeatureBinning(edges: edges, isExact: exact)
    }

    /// An explicit binning (for tests and for callers that fix their own edges).
    ///
    /// - Precondition: every feature's edges ascend strictly and number at most 255.
    init(edges: [[Double]], isExact: [Bool]) {
        precondition(edges.count == isExact.count, "FeatureBinning: one exactness flag per feature")
        precondition(
            edges.allSatisfy { $0.count <= 255 && zip($0, $0.dropFirst()).allSatisfy { $0 < $1 } },
            "FeatureBinning: edges must ascend, at most 255 per feature")
        self.edges = edges
        self.isExact = isExact
    }

    /// The edges for one feature's sorted sample values, and whether they are all the
    /// midpoints scikit-learn could use.
    static func edges(sorted values: [Float], maxBins: Int) -> ([Double], Bool) {
        // Groups of values that scikit-learn never splits between (gaps of 1e-7 or less).
        var groupEnds: [Int] = []  // index one past each group's last value
        for i in 1..<max(values.count, 1) where Double(values[i]) > Double(values[i - 1]) + 1e-7 {
            groupEnds.append(i)
        }
        func midpoint(after end: Int) -> Double {
            let a = Double(values[end - 1]), b = Double(values[end])
            let t = a / 2 + b / 2
            return (t == b || t.isInfinite) ? a : t
        }
        if groupEnds.count <= maxBins - 1 {
            return (groupEnds.map(midpoint(after:)), true)
        }
        // Greedy quantiles: close a bin at the first group boundary where it holds at
        // least its share of the rows still to place.
        var chosen: [Double] = []
        var start = 0
        for (index, end) in groupEnds.enumerated() {
            let binsLeft = maxBins - chosen.count
            let target = Double(values.count - start) / Double(binsLeft)
            let boundariesLeft = groupEnds.count - index
            if Double(end - start) >= target || boundariesLeft <= binsLeft - 1 {
                chosen.append(midpoint(after: end))
                start = end
                if chosen.count == maxBins - 1 { break }
            }
        }
        return (chosen, false)
    }
}

/// A pointer shared by the parts of a `concurrentPerform`, each of which touches only
/// its own elements.
struct SharedPointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}
