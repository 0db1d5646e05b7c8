/// A binary decision tree that predicts a class, as scikit-learn's
/// `DecisionTreeClassifier` stores one: a node either splits on one feature at a
/// threshold (a row goes left when its value is `<=` the threshold) or is a leaf that
/// predicts signal or background.
///
/// Values are compared as scikit-learn compares them: the float32 feature widened to
/// `Double` against a `Double` threshold. Construction checks that the nodes form a tree
/// (every child comes after its parent), so evaluation always ends at a leaf.
public struct DecisionTree: Sendable, Equatable {
    /// One node of a tree.
    public struct Node: Sendable, Equatable {
        /// The feature a split reads (0-based column); `-1` for a leaf.
        public var feature: Int
        /// The split's threshold: rows with `Double(value) <= threshold` go left. `0` for a leaf.
        public var threshold: Double
        /// Index of the left child, `-1` for a leaf.
        public var left: Int
        /// Index of the right child, `-1` for a leaf.
        public var right: Int
        /// The class a leaf predicts: `true` for signal (class 1). Unused for a split node
        /// (`false` there by convention, and what the model file reads back).
        public var predictsSignal: Bool

        /// A split on `feature` at `threshold` into nodes `left` and `right`.
        public static func split(
            feature: Int, threshold: Double, left: Int, right: Int,
            predictsSignal: Bool = false
        ) -> Node {
            Node(feature: feature, threshold: threshold, left: left, right: right, predictsSignal: predictsSignal)
        }

        /// A leaf predicting signal (`true`) or background.
        public static func leaf(signal: Bool) -> Node {
            Node(feature: -1, threshold: 0, left: -1, right: -1, predictsSignal: signal)
        }

        /// Whether the node is a leaf.
        public var isLeaf: Bool { left < 0 }
    }

    /// The nodes; node 0 is the root, and every child's index is larger than its parent's.
    public let nodes: [Node]

    /// A tree of `nodes` (node 0 the root) reading rows of `inputCount` features.
    ///
    /// - Throws: ``TreeModelError`` when there are no nodes, a child index does not come
    ///   after its parent or is out of range, a split reads a feature outside
    ///   `0..<inputCount`, or a threshold is NaN.
    public init(nodes: [Node], inputCount: Int) throws(TreeModelError) {
        guard !nodes.isEmpty else { throw TreeModelError("a tree has no nodes") }
        for (index, node) in nodes.enumerated() {
            if node.left < 0 || node.right < 0 {
                guard node.left == -1, node.right == -1 else {
                    throw TreeModelError("node \(index) has one child; a node has two children or none")
                }
                continue
            }
            guard node.left > index, node.right > index, node.left < nodes.count, node.right < nodes.count,
                node.left != node.right
            else {
                throw TreeModelError(
                    "node \(index) has children \(node.left) and \(node.right): children "
                        + "must be distinct nodes after their parent, among \(nodes.count)")
            }
            guard (0..<inputCount).contains(node.feature) else {
                throw TreeModelError("node \(index) splits on feature \(node.feature), not among the \(inputCount) features")
            }
            guard !node.threshold.isNaN else { throw TreeModelError("node \(index) has a NaN threshold") }
        }
        self.nodes = nodes
    }

    /// Whether the tree predicts signal for the row whose first feature `row` points at.
    ///
    /// - Precondition: `row` has at least as many features as the tree was built for.
    @inline(__always)
    func predictsSignal(row: UnsafePointer<Float>) -> Bool {
        nodes.withUnsafeBufferPointer { nodes in
            var index = 0
            while true {
                let node = nodes[index]
                if node.left < 0 { return node.predictsSignal }
                index = Double(row[node.feature]) <= node.threshold ? node.left : node.right
            }
        }
    }

    /// Whether the tree predicts signal for `row` (one row's features).
    ///
    /// - Precondition: `row` holds every feature a split reads.
    public func predictsSignal(_ row: UnsafeBufferPointer<Float>) -> Bool {
        precondition(nodes.allSatisfy { $0.feature < row.count }, "DecisionTree: row too short")
        return predictsSignal(row: row.baseAddress!)
    }

    /// The longest path from the root to a leaf, in splits (0 for a single leaf).
    public var depth: Int {
        var depths = [Int](repeating: 0, count: nodes.count)
        for (index, node) in nodes.enumerated() where !node.isLeaf {
            depths[node.left] = depths[index] + 1
            depths[node.right] = depths[index] + 1
        }
        return depths.max() ?? 0
    }

    /// Number of leaves.
    public var leafCount: Int { nodes.filter(\.isLeaf).count }
}

/// Why a tree model could not be built: one line.
public struct TreeModelError: Error, Equatable, CustomStringConvertible {
    /// The reason, in words.
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}
