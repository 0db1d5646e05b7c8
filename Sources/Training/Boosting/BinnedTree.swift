/// A tree as training grows it: splits are "bin ≤ k" on binned features, and every node
/// keeps the weight of each class among its rows.
struct BinnedTree {
    struct Node {
        /// Split feature, `-1` for a leaf.
        var feature = -1
        /// Rows with `bin <= bin` go left.
        var bin = 0
        var left = -1
        var right = -1
        /// Weight of background (class 0) and signal (class 1) rows in the node.
        var background: Double
        var signal: Double

        /// scikit-learn's leaf class: the heavier class, background on a tie.
        var predictsSignal: Bool { signal > background }
        var isLeaf: Bool { left < 0 }
        var weight: Double { background + signal }
        /// Gini impurity, `1 - Σ p_k²`.
        var gini: Double {
            let total = weight
            return total > 0 ? 1 - (background * background + signal * signal) / (total * total) : 0
        }
    }

    var nodes: [Node]

    /// Weighted impurity decrease of every split, per feature (scikit-learn's
    /// `feature_importances_` of one tree before normalization, times the root weight).
    func impurityDecrease(features: Int) -> [Double] {
        var gains = [Double](repeating: 0, count: features)
        for node in nodes where !node.isLeaf {
            let left = nodes[node.left], right = nodes[node.right]
            gains[node.feature] += node.weight * node.gini - left.weight * left.gini - right.weight * right.gini
        }
        return gains
    }

    /// The weighted error of the tree on the rows it was grown on: the weight of the class
    /// each leaf does not predict, over the root's weight.
    var weightedError: Double {
        var wrong = 0.0
        for node in nodes where node.isLeaf {
            wrong += node.predictsSignal ? node.background : node.signal
        }
        return wrong / nodes[0].weight
    }

    /// The leaf reached by `row` of `rows`.
    @inline(__always)
    static func leaf(_ nodes: UnsafeBufferPointer<Node>, bins: UnsafePointer<UInt8>, rows: Int, row: Int) -> Int {
        var index = 0
        while true {
            let node = nodes[index]
            if node.left < 0 { return index }
            index = Int(bins[node.feature &* rows &+ row]) <= node.bin ? node.left : node.right
        }
    }
}
