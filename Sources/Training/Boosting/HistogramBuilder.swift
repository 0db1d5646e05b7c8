import Dispatch

/// Weighted histograms of the two classes over every feature's bins, for the nodes of
/// one tree level, built in a fixed number of parts on all cores and summed in order.
///
/// Layout: `((node * columns + feature) * 256 + bin) * 2 + class`.
final class HistogramBuilder: @unchecked Sendable {
    static let bins = 256
    let data: BinnedRows
    let parts: Int
    let capacityNodes: Int
    /// One histogram block per part, then the summed one.
    private let scratch: UnsafeMutablePointer<Double>
    private let stride: Int

    init(data: BinnedRows, maxNodes: Int) {
        self.data = data
        parts = BinnedRows.parts(data.rows)
        capacityNodes = maxNodes
        // Room for the root's second copy (see accumulateRoot) even when maxNodes is 1.
        stride = max(maxNodes, 2) * data.columns * Self.bins * 2
        scratch = .allocate(capacity: stride * (parts + 1))
    }

    deinit { scratch.deallocate() }

    /// The summed histograms of `nodeCount` nodes (valid until the next call).
    ///
    /// - Parameters:
    ///   - tree: the tree so far; a row's node is the frontier node it reaches.
    ///   - frontier: per tree node, its index among the nodes histogrammed, or -1.
    ///   - rescale: when set, every weight first becomes `max(weight * rescale, floor)`
    ///     (scikit-learn's normalization and clip at the start of a round).
    func build(
        tree: [BinnedTree.Node], frontier: [Int], nodeCount: Int,
        rescale: (factor: Double, floor: Double)?
    ) -> UnsafeMutablePointer<Double> {
        precondition(nodeCount <= capacityNodes)
        let data = self.data, parts = self.parts, stride = self.stride
        let rows = data.rows, columns = data.columns, signalRows = data.signalRows
        let size = nodeCount * columns * Self.bins * 2
        let scratch = SharedPointer(self.scratch)
        let rootOnly = tree.count == 1
        tree.withUnsafeBufferPointer { treeNodes in
            frontier.withUnsafeBufferPointer { frontier in
                let treeShared = SharedPointer(UnsafeMutablePointer(mutating: treeNodes.baseAddress!))
                let frontierShared = SharedPointer(UnsafeMutablePointer(mutating: frontier.baseAddress!))
                let treeCount = treeNodes.count
                DispatchQueue.concurrentPerform(iterations: parts) { part in
                    let histogram = scratch.pointer + part * stride
                    histogram.initialize(repeating: 0, count: rootOnly ? 2 * size : size)
                    let treeNodes = UnsafeBufferPointer(start: treeShared.pointer, count: treeCount)
                    let block = 2048
                    var local = [Int32](repeating: 0, count: block)
                    var start = rows * part / parts
                    let end = rows * (part + 1) / parts
                    while start < end {
                        let stop = min(end, start + block)
                        if let rescale {
                            for row in start..<stop {
                                data.weights[row] = Swift.max(data.weights[row] * rescale.factor, rescale.floor)
                            }
                        }
                        if rootOnly {
                            Self.accumulateRoot(data, histogram, start, stop, signalRows, rows, columns)
                        } else {
                            local.withUnsafeMutableBufferPointer { local in
                                for row in start..<stop {
                                    let leaf = BinnedTree.leaf(treeNodes, bins: data.bins, rows: rows, row: row)
                                    local[row - start] = Int32(frontierShared.pointer[leaf])
                                }
                                Self.accumulateNodes(
                                    data, histogram, local.baseAddress!, start, stop,
                                    signalRows, rows, columns)
                            }
                        }
                        start = stop
                    }
                    if rootOnly {
                        let odd = histogram + size
                        for i in 0..<size { histogram[i] += odd[i] }
                    }
                }
            }
        }
        let total = self.scratch + parts * stride
        total.initialize(repeating: 0, count: size)
        for part in 0..<parts {
            let histogram = self.scratch + part * stride
            for i in 0..<size { total[i] += histogram[i] }
        }
        return total
    }

    /// Rows `start..<stop` into the root's histogram. The hot loop of training.
    ///
    /// Fast path: rows alternate between two copies of the histogram (the second
    /// `columns * bins * 2` values further on, summed into the first by the caller), so
    /// that runs of rows in the same bin — common in features with few values, such as the
    /// b-tags — do not wait on each other's store. Same sums, in another order.
    @inline(__always)
    private static func accumulateRoot(
        _ data: BinnedRows, _ histogram: UnsafeMutablePointer<Double>,
        _ start: Int, _ stop: Int, _ signalRows: Int, _ rows: Int, _ columns: Int
    ) {
        let weights = data.weights
        let split = Swift.min(Swift.max(start, signalRows), stop)
        let copy = columns &* bins &* 2
        for feature in 0..<columns {
            let column = data.bins + feature &* rows
            let h = histogram + feature &* (bins * 2)
            // Signal rows (class 1) then background rows (class 0).
            for (first, end, cls) in [(start, split, 1), (split, stop, 0)] {
                let even = h + cls, odd = h + cls + copy
                var row = first
                while row &+ 1 < end {
                    even[Int(column[row]) &<< 1] += weights[row]
                    odd[Int(column[row &+ 1]) &<< 1] += weights[row &+ 1]
                    row &+= 2
                }
                if row < end { even[Int(column[row]) &<< 1] += weights[row] }
            }
        }
    }

    /// Rows `start..<stop` into their nodes' histograms (`local[row - start]`, -1 to skip).
    @inline(__always)
    private static func accumulateNodes(
        _ data: BinnedRows, _ histogram: UnsafeMutablePointer<Double>,
        _ local: UnsafeMutablePointer<Int32>, _ start: Int, _ stop: Int,
        _ signalRows: Int, _ rows: Int, _ columns: Int
    ) {
        let weights = data.weights
        let nodeStride = columns &* bins &* 2
        for feature in 0..<columns {
            let column = data.bins + feature &* rows
            let h = histogram + feature &* (bins * 2)
            for row in start..<stop {
                let node = Int(local[row &- start])
                if node < 0 { continue }
                let cls = row < signalRows ? 1 : 0
                h[node &* nodeStride &+ (Int(column[row]) &<< 1) &+ cls] += weights[row]
            }
        }
    }
}
