/// A forest of regression trees flattened for fast evaluation: the one evaluator that
/// XGBoost, LightGBM and ONNX-ML `TreeEnsembleClassifier`/`TreeEnsembleRegressor` files
/// all compile into.
///
/// Each tree is given as a list of ``Node``s (node 0 its root). A split sends a row to its
/// `left` child when the comparison `value <op> threshold` holds, to `right` otherwise;
/// the value is the float32 feature widened to `Double`, the threshold a `Double`, so
/// float thresholds (XGBoost, ONNX) and double thresholds (LightGBM) both compare exactly
/// as their framework compares them. A missing value (NaN, and values with
/// `|x| ≤ 1e-35` when the split's ``Node/zeroIsMissing`` is set, as LightGBM's missing
/// type `Zero`) goes where ``Node/missingGoesLeft`` says, whatever the comparison.
///
/// Leaves hold ``outputCount`` values each (one for a binary booster, one per class for
/// an ONNX multi-class forest). The ensemble's raw score of a row, output `k`, is
/// `base[k] + Σ_trees leaf_k` for ``Aggregation/sum``, and `base[k] + (Σ_trees leaf_k) / trees`
/// for ``Aggregation/average``. Per-tree weights are not kept: fold them into the leaf
/// values (LightGBM's `shrinkage` already is). Turning raw scores into a probability is
/// ``TreeEnsembleClassifier``'s job.
///
/// Construction checks everything an evaluator relies on and throws ``TreeModelError``
/// otherwise: children inside their tree, every node reached once from the root (no
/// cycles, no shared children), feature indexes below `inputCount`, no NaN threshold,
/// finite leaf and base values, node counts under a limit. Unreachable nodes are dropped;
/// the rest are renumbered depth-first, so a row's path runs forward through memory.
public struct TreeEnsemble: Sendable {
    /// How a split compares a row's value with its threshold; the row goes left when the
    /// comparison holds (ONNX's `BRANCH_LT`, `BRANCH_LEQ`, … modes).
    public enum Comparison: UInt8, Sendable, CaseIterable {
        /// `value < threshold` (XGBoost).
        case lessThan
        /// `value <= threshold` (LightGBM, scikit-learn).
        case lessOrEqual
        /// `value >= threshold`.
        case greaterOrEqual
        /// `value > threshold`.
        case greaterThan
        /// `value == threshold`.
        case equal
        /// `value != threshold`.
        case notEqual
    }

    /// How the trees' leaf values are combined.
    public enum Aggregation: String, Sendable {
        /// Summed (gradient boosting).
        case sum
        /// Summed, then divided by the number of trees (random forests).
        case average
    }

    /// One node of a tree as a reader builds it.
    public struct Node: Sendable, Equatable {
        /// The feature a split reads (0-based column); ignored for a leaf.
        public var feature: Int
        /// The split's threshold; ignored for a leaf.
        public var threshold: Double
        /// How the value is compared with ``threshold``.
        public var comparison: Comparison
        /// Index (in the tree's node list) of the child taken when the comparison holds;
        /// `-1` for a leaf.
        public var left: Int
        /// Index of the child taken otherwise; `-1` for a leaf.
        public var right: Int
        /// Where a missing value goes: left when `true`.
        public var missingGoesLeft: Bool
        /// Whether values with `|x| ≤ 1e-35` count as missing too (LightGBM's `Zero`).
        public var zeroIsMissing: Bool

        /// A split on `feature`: rows go to `left` when `value <comparison> threshold`, and
        /// missing values go left when `missingGoesLeft`.
        public static func split(
            feature: Int, threshold: Double, comparison: Comparison, left: Int, right: Int,
            missingGoesLeft: Bool, zeroIsMissing: Bool = false
        ) -> Node {
            Node(feature: feature, threshold: threshold, comparison: comparison, left: left, right: right,
                 missingGoesLeft: missingGoesLeft, zeroIsMissing: zeroIsMissing)
        }

        /// A leaf (its values are in the tree's ``Tree/leafValues``).
        public static var leaf: Node {
            Node(feature: 0, threshold: 0, comparison: .lessThan, left: -1, right: -1,
                 missingGoesLeft: false, zeroIsMissing: false)
        }

        /// Whether the node is a leaf (it has no children).
        public var isLeaf: Bool { left < 0 && right < 0 }
    }

    /// One tree as a reader builds it.
    public struct Tree: Sendable, Equatable {
        /// The nodes; node 0 is the root.
        public var nodes: [Node]
        /// `outputCount` values per node, node after node (a split's entries are unused):
        /// node `n`'s output `k` is `leafValues[n * outputCount + k]`.
        public var leafValues: [Double]

        /// A tree of `nodes` whose leaves hold `leafValues` (`outputCount` per node).
        public init(nodes: [Node], leafValues: [Double]) {
            self.nodes = nodes
            self.leafValues = leafValues
        }
    }

    /// Features every row must have.
    public let inputCount: Int
    /// Values per leaf, and raw scores per row.
    public let outputCount: Int
    /// How the trees are combined.
    public let aggregation: Aggregation
    /// Added to every row's raw score, one value per output.
    public let baseScores: [Double]
    /// Number of trees.
    public var treeCount: Int { roots.count }
    /// Depth of each tree, in splits (0 for a single leaf).
    public let depths: [Int]
    /// Nodes kept (reachable from a root), over all trees.
    public var nodeCount: Int { features.count }
    /// Leaves kept, over all trees.
    public let leafCount: Int

    // The flattened forest. Node `n` of the whole forest reads `features[n]` and compares
    // with `thresholds[n]`; its children are `children[2n]` (comparison holds) and
    // `children[2n + 1]`. A leaf is its own child on both sides (so a walk may run a
    // fixed number of steps) and its values start at `values[n * outputCount]`.
    let features: [Int32]
    let thresholds: [Double]
    let children: [Int32]
    /// Bit 0: missing goes left; bit 1: zero is missing; bits 4-7: the ``Comparison``.
    let flags: [UInt8]
    let values: [Double]
    /// Each tree's root in the flattened arrays.
    let roots: [Int32]
    /// How a walk may run (see ``TreeEnsemble+Prediction``).
    let rule: WalkRule

    /// Default bound on the nodes of a whole ensemble.
    public static let defaultMaxNodes = 20_000_000

    /// An ensemble of `trees` reading rows of `inputCount` features, with `outputCount`
    /// values per leaf, combined by `aggregation` and added to `baseScores`
    /// (`outputCount` values).
    ///
    /// - Throws: ``TreeModelError`` naming the tree and node, for: no trees; more than
    ///   `maxNodes` nodes in all; a tree without nodes or with the wrong number of leaf
    ///   values; a node with one child; a child index outside the tree; a node reached
    ///   twice from the root (a cycle or a shared child); a feature outside
    ///   `0..<inputCount`; a NaN threshold; a leaf or base value that is not finite.
    public init(trees: [Tree], inputCount: Int, outputCount: Int = 1, aggregation: Aggregation = .sum,
                baseScores: [Double], maxNodes: Int = TreeEnsemble.defaultMaxNodes) throws(TreeModelError) {
        guard !trees.isEmpty else { throw TreeModelError("the ensemble has no trees") }
        guard inputCount > 0, inputCount <= Int(Int32.max) else {
            throw TreeModelError("the ensemble reads \(inputCount) features")
        }
        guard outputCount > 0, outputCount <= 1 << 16 else {
            throw TreeModelError("the ensemble has \(outputCount) outputs per leaf")
        }
        guard baseScores.count == outputCount else {
            throw TreeModelError("\(baseScores.count) base scores for \(outputCount) outputs")
        }
        guard baseScores.allSatisfy(\.isFinite) else { throw TreeModelError("a base score is not finite") }
        var total = 0
        for (t, tree) in trees.enumerated() {
            total += tree.nodes.count
            guard total <= maxNodes, total <= Int(Int32.max) / 2 else {
                throw TreeModelError("more than \(maxNodes) tree nodes in all (the limit on tree nodes), at tree \(t)")
            }
        }
        var flattener = Flattener(inputCount: inputCount, outputCount: outputCount, capacity: total)
        for (t, tree) in trees.enumerated() {
            try flattener.append(tree, index: t)
        }
        self.inputCount = inputCount
        self.outputCount = outputCount
        self.aggregation = aggregation
        self.baseScores = baseScores
        self.depths = flattener.depths
        self.leafCount = flattener.leafCount
        self.features = flattener.features
        self.thresholds = flattener.thresholds
        self.children = flattener.children
        self.flags = flattener.flags
        self.values = flattener.values
        self.roots = flattener.roots
        self.rule = flattener.rule ?? .lessThan
    }
}

/// Builds the flattened arrays tree by tree, checking each tree as it goes.
private struct Flattener {
    let inputCount: Int
    let outputCount: Int
    var features: [Int32] = []
    var thresholds: [Double] = []
    var children: [Int32] = []
    var flags: [UInt8] = []
    var values: [Double] = []
    var roots: [Int32] = []
    var depths: [Int] = []
    var leafCount = 0
    /// The cheapest walk every split so far allows.
    var rule: WalkRule?

    init(inputCount: Int, outputCount: Int, capacity: Int) {
        self.inputCount = inputCount
        self.outputCount = outputCount
        features.reserveCapacity(capacity)
        thresholds.reserveCapacity(capacity)
        children.reserveCapacity(2 * capacity)
        flags.reserveCapacity(capacity)
        values.reserveCapacity(capacity * outputCount)
    }

    /// Checks `tree` (the `index`th) and appends its reachable nodes in depth-first order.
    mutating func append(_ tree: TreeEnsemble.Tree, index t: Int) throws(TreeModelError) {
        let nodes = tree.nodes
        guard !nodes.isEmpty else { throw TreeModelError("tree \(t) has no nodes") }
        guard tree.leafValues.count == nodes.count * outputCount else {
            throw TreeModelError("tree \(t) has \(tree.leafValues.count) leaf values for \(nodes.count) nodes "
                + "of \(outputCount) output\(outputCount == 1 ? "" : "s")")
        }
        // Depth-first from the root: `newIndex[n]` is where node n goes; -1 = not reached yet.
        var newIndex = [Int32](repeating: -1, count: nodes.count)
        let base = Int32(features.count)
        var order: [Int] = []
        var stack: [(node: Int, depth: Int)] = [(0, 0)]
        var depth = 0
        while let (n, d) = stack.popLast() {
            guard newIndex[n] < 0 else {
                throw TreeModelError("tree \(t): node \(n) is reached twice from the root (a cycle or a shared child)")
            }
            newIndex[n] = base + Int32(order.count)
            order.append(n)
            depth = max(depth, d)
            let node = nodes[n]
            if node.isLeaf { continue }
            guard node.left >= 0, node.right >= 0 else {
                throw TreeModelError("tree \(t): node \(n) has one child; a node has two children or none")
            }
            guard node.left < nodes.count, node.right < nodes.count else {
                throw TreeModelError("tree \(t): node \(n) has children \(node.left) and \(node.right), "
                    + "outside the tree's \(nodes.count) nodes")
            }
            stack.append((node.right, d + 1))
            stack.append((node.left, d + 1))
        }
        roots.append(base)
        depths.append(depth)
        for n in order {
            let node = nodes[n]
            let here = newIndex[n]
            let leafStart = n * outputCount
            if node.isLeaf {
                let leaf = tree.leafValues[leafStart ..< leafStart + outputCount]
                guard leaf.allSatisfy(\.isFinite) else {
                    throw TreeModelError("tree \(t): leaf \(n) has a value that is not finite")
                }
                features.append(0)
                thresholds.append(0)
                children.append(here)
                children.append(here)
                flags.append(0)
                values.append(contentsOf: leaf)
                leafCount += 1
                continue
            }
            guard (0..<inputCount).contains(node.feature) else {
                throw TreeModelError("tree \(t): node \(n) splits on feature \(node.feature), "
                    + "not among the \(inputCount) features")
            }
            guard !node.threshold.isNaN else { throw TreeModelError("tree \(t): node \(n) has a NaN threshold") }
            // `>` and `>=` are `<=` and `<` with the children swapped (missing values are
            // routed by their flag, not by the comparison, so the swap is exact).
            var comparison = node.comparison
            var (left, right) = (newIndex[node.left], newIndex[node.right])
            var missingLeft = node.missingGoesLeft
            switch comparison {
            case .greaterThan: comparison = .lessOrEqual
            case .greaterOrEqual: comparison = .lessThan
            default: break
            }
            if comparison != node.comparison {
                swap(&left, &right)
                missingLeft.toggle()
            }
            features.append(Int32(node.feature))
            thresholds.append(node.threshold)
            children.append(left)
            children.append(right)
            flags.append((missingLeft ? 1 : 0) | (node.zeroIsMissing ? 2 : 0) | comparison.rawValue << 4)
            values.append(contentsOf: repeatElement(0, count: outputCount))
            rule = WalkRule.combining(rule, comparison: comparison, zeroIsMissing: node.zeroIsMissing)
        }
    }
}
