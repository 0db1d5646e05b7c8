/// A forest of regression trees flattened for fast evaluation: the one evaluator that
/// XGBoost, LightGBM and ONNX-ML `TreeEnsembleClassifier`/`TreeEnsembleRegressor` files
/// all compile into.
///
/// Each tree is given as a list of ``Node``s (node 0 its root). A split sends a row to its
/// `left` child when the comparison `value <op> threshold` holds, to `right` otherwise;
/// the value is the float32 feature, the threshold a `Double` (kept as the `Float` that
/// compares every float32 value the same way), so float thresholds (XGBoost, ONNX) and
/// double thresholds (LightGBM) both compare exactly as their framework compares them.
/// A missing value (NaN, and values with `|x| ≤ float32(1e-35)` when the split's
/// ``Node/zeroIsMissing`` is set, as LightGBM's missing type `Zero`) goes where
/// ``Node/missingGoesLeft`` says, whatever the comparison.
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
/// the rest are renumbered breadth-first, tree after tree, so that a split's children are
/// neighbours and a row's path runs forward through memory.
///
/// An ensemble of ``InputPrecision/float64`` (LightGBM's, which compares `x <= threshold`
/// in double) keeps its `Double` thresholds too, and compares a batch's
/// ``FeatureBatch/exactValues`` with them when the rows are not all float32; on float32 rows
/// the packed `Float` thresholds compare exactly the same, and the fast kernels run.
///
/// Prediction (``rawScores(_:)``) runs over blocks of rows, on all cores for large batches.
/// Boosted trees of at most 64 leaves with splits all `<` or all `<=` and NaN as the only
/// missing value (XGBoost, LightGBM, scikit-learn's boosters) are scored in leaf-mask form
/// (``LeafMaskForest``), every split of a tree tested for 16 rows at once; other forests
/// are walked: each tree for a block of 64 rows, level by level, before the next tree. Both
/// add the trees' leaf values in the same order, so they give the same doubles.
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
        /// Whether values with `|x| ≤ float32(1e-35)` count as missing too (LightGBM's `Zero`).
        public var zeroIsMissing: Bool

        /// A split on `feature`: rows go to `left` when `value <comparison> threshold`, and
        /// missing values go left when `missingGoesLeft`.
        public static func split(
            feature: Int, threshold: Double, comparison: Comparison, left: Int, right: Int,
            missingGoesLeft: Bool, zeroIsMissing: Bool = false
        ) -> Node {
            Node(
                feature: feature, threshold: threshold, comparison: comparison, left: left, right: right,
                missingGoesLeft: missingGoesLeft, zeroIsMissing: zeroIsMissing)
        }

        /// A leaf (its values are in the tree's ``Tree/leafValues``).
        public static var leaf: Node {
            Node(
                feature: 0, threshold: 0, comparison: .lessThan, left: -1, right: -1,
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
    public var nodeCount: Int { nodes.count }
    /// Leaves kept, over all trees.
    public let leafCount: Int
    /// The precision the framework compares in.
    public let precision: InputPrecision

    /// The flattened forest (12-byte nodes), tree after tree, each in breadth-first order so
    /// that the two children of a split are neighbours: node `n` goes to `nodes[n].left` when its test
    /// holds and to `nodes[n].left + 1` otherwise. A leaf has a NaN threshold (no value
    /// passes its test) and `left = n - 1`, so it is its own child and a walk may run a
    /// fixed number of steps; its values start at `values[n * outputCount]`.
    let nodes: [PackedNode]
    /// Each node's flags (see ``PackedNode/flags(missingGoesLeft:zeroIsMissing:comparison:)``).
    let flags: [UInt8]
    let values: [Double]
    /// Each node's `Double` threshold (NaN for a leaf), for ``InputPrecision/float64`` walks;
    /// empty for a float32 ensemble.
    let exactThresholds: [Double]
    /// Where a value's float32 could compare differently from the value (float64 only).
    let boundaries: SplitBoundaries?
    /// Each tree's root in ``nodes``.
    let roots: [Int32]
    /// How a walk may run (see ``TreeEnsemble+Prediction``).
    let rule: WalkRule
    /// The forest in leaf-mask form, when every tree has at most 64 leaves and splits are all
    /// `<` or all `<=` with NaN as the only missing value: then it scores every block.
    var leafMasks: LeafMaskForest?

    /// Default bound on the nodes of a whole ensemble.
    public static let defaultMaxNodes = 20_000_000

    /// An ensemble of `trees` reading rows of `inputCount` features, with `outputCount`
    /// values per leaf, combined by `aggregation` and added to `baseScores`
    /// (`outputCount` values), compared in `precision`.
    ///
    /// - Throws: ``TreeModelError`` naming the tree and node, for: no trees; `inputCount`
    ///   outside `1...16_777_216`; more than
    ///   `maxNodes` nodes in all; a tree without nodes or with the wrong number of leaf
    ///   values; a node with one child; a child index outside the tree; a node reached
    ///   twice from the root (a cycle or a shared child); a feature outside
    ///   `0..<inputCount`; a NaN threshold; a leaf or base value that is not finite.
    public init(
        trees: [Tree], inputCount: Int, outputCount: Int = 1, aggregation: Aggregation = .sum,
        baseScores: [Double], precision: InputPrecision = .float32, maxNodes: Int = TreeEnsemble.defaultMaxNodes
    ) throws(TreeModelError) {
        guard !trees.isEmpty else { throw TreeModelError("the ensemble has no trees") }
        guard inputCount > 0, inputCount <= PackedNode.maxFeatures else {
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
        self.nodes = flattener.nodes
        self.flags = flattener.flags
        self.values = flattener.values
        self.precision = precision
        self.exactThresholds = precision == .float64 ? flattener.exactThresholds : []
        self.boundaries =
            precision == .float64
            ? SplitBoundaries(
                nodes: flattener.nodes, flags: flattener.flags, thresholds: flattener.exactThresholds,
                inputCount: inputCount)
            : nil
        self.roots = flattener.roots
        self.rule = flattener.rule ?? .lessThan
        self.leafMasks = LeafMaskForest(
            nodes: nodes, flags: flags, roots: roots, values: values, rule: rule,
            inputCount: inputCount, outputCount: outputCount)
    }
}

/// One node of the flattened forest: 12 bytes, one load a step.
struct PackedNode: Sendable {
    /// The threshold as a `Float` that compares float32 values exactly as the given `Double`
    /// threshold does (see ``floatThreshold(_:for:)``); NaN for a leaf.
    var threshold: Float
    /// The child taken when the test holds; the other is `left + 1`. `n - 1` for leaf `n`.
    var left: Int32
    /// The feature the split reads (0 for a leaf). The node's flags, which only walks over
    /// missing values need, are kept apart in ``TreeEnsemble/flags``.
    var feature: UInt32

    /// Most features a node can name.
    static let maxFeatures = 1 << 24

    /// The flags of a split: bit 0 missing goes left, bit 1 zero is missing, bits 4-7 the
    /// ``TreeEnsemble/Comparison``.
    static func flags(missingGoesLeft: Bool, zeroIsMissing: Bool, comparison: TreeEnsemble.Comparison) -> UInt8 {
        (missingGoesLeft ? 1 : 0) | (zeroIsMissing ? 2 : 0) | comparison.rawValue << 4
    }

    /// The `Float` `f` such that `x <comparison> f` ⟺ `Double(x) <comparison> threshold` for
    /// every float `x`, so that a walk compares in `Float` without widening the row's value:
    /// for `<` the smallest float ≥ `threshold`, for `<=` the largest float ≤ it; for `==` and
    /// `!=` the threshold itself when it is a float, else NaN (no float equals it, and
    /// nothing equals NaN). `>` and `>=` never reach here (the flattener turns them into `<=`
    /// and `<`).
    static func floatThreshold(_ threshold: Double, for comparison: TreeEnsemble.Comparison) -> Float {
        let nearest = Float(threshold)
        switch comparison {
        case .lessThan, .greaterOrEqual:
            return Double(nearest) < threshold ? nearest.nextUp : nearest
        case .lessOrEqual, .greaterThan:
            return Double(nearest) > threshold ? nearest.nextDown : nearest
        case .equal, .notEqual:
            return Double(nearest) == threshold ? nearest : .nan
        }
    }
}

/// Builds the flattened arrays tree by tree, checking each tree as it goes.
private struct Flattener {
    let inputCount: Int
    let outputCount: Int
    var nodes: [PackedNode] = []
    var flags: [UInt8] = []
    var values: [Double] = []
    var exactThresholds: [Double] = []
    var roots: [Int32] = []
    var depths: [Int] = []
    var leafCount = 0
    /// The cheapest walk every split so far allows.
    var rule: WalkRule?

    init(inputCount: Int, outputCount: Int, capacity: Int) {
        self.inputCount = inputCount
        self.outputCount = outputCount
        nodes.reserveCapacity(capacity)
        flags.reserveCapacity(capacity)
        values.reserveCapacity(capacity * outputCount)
    }

    /// Checks `tree` (the `index`th) and appends its reachable nodes in breadth-first order
    /// (children of a split side by side).
    mutating func append(_ tree: TreeEnsemble.Tree, index t: Int) throws(TreeModelError) {
        let given = tree.nodes
        guard !given.isEmpty else { throw TreeModelError("tree \(t) has no nodes") }
        guard tree.leafValues.count == given.count * outputCount else {
            throw TreeModelError(
                "tree \(t) has \(tree.leafValues.count) leaf values for \(given.count) nodes "
                    + "of \(outputCount) output\(outputCount == 1 ? "" : "s")")
        }
        // Breadth-first from the root: `order[k]` is the given node placed k-th, `depth[k]`
        // its depth; `placed` marks the nodes already reached.
        var placed = [Bool](repeating: false, count: given.count)
        var order = [0], depth = [0]
        placed[0] = true
        var next = 0
        while next < order.count {
            let n = order[next]
            let node = given[n]
            next += 1
            if node.isLeaf { continue }
            guard node.left >= 0, node.right >= 0 else {
                throw TreeModelError("tree \(t): node \(n) has one child; a node has two children or none")
            }
            guard node.left < given.count, node.right < given.count else {
                throw TreeModelError(
                    "tree \(t): node \(n) has children \(node.left) and \(node.right), "
                        + "outside the tree's \(given.count) nodes")
            }
            // The child the test sends rows to is placed first; `>` and `>=` become `<=` and
            // `<` below with the children trading places.
            let swapped = node.comparison == .greaterThan || node.comparison == .greaterOrEqual
            for child in swapped ? [node.right, node.left] : [node.left, node.right] {
                guard !placed[child] else {
                    throw TreeModelError("tree \(t): node \(child) is reached twice from the root (a cycle or a shared child)")
                }
                placed[child] = true
                order.append(child)
                depth.append(depth[next - 1] + 1)
            }
        }
        let base = nodes.count
        roots.append(Int32(base))
        depths.append(depth.last ?? 0)
        // Where each split's first child lands: children are appended in pairs, in order.
        var firstChild = base + 1
        for (k, n) in order.enumerated() {
            let node = given[n]
            let here = base + k
            if node.isLeaf {
                let leaf = tree.leafValues[n * outputCount..<(n + 1) * outputCount]
                guard leaf.allSatisfy(\.isFinite) else {
                    throw TreeModelError("tree \(t): leaf \(n) has a value that is not finite")
                }
                nodes.append(PackedNode(threshold: .nan, left: Int32(here - 1), feature: 0))
                exactThresholds.append(.nan)
                flags.append(0)
                values.append(contentsOf: leaf)
                leafCount += 1
                continue
            }
            guard (0..<inputCount).contains(node.feature) else {
                throw TreeModelError(
                    "tree \(t): node \(n) splits on feature \(node.feature), "
                        + "not among the \(inputCount) features")
            }
            guard !node.threshold.isNaN else { throw TreeModelError("tree \(t): node \(n) has a NaN threshold") }
            // `>` and `>=` are `<=` and `<` with the children swapped (done when placing
            // them); missing values are routed by their flag, not by the comparison, so the
            // swap is exact once the flag is flipped too.
            var comparison = node.comparison
            var missingLeft = node.missingGoesLeft
            switch comparison {
            case .greaterThan: comparison = .lessOrEqual; missingLeft.toggle()
            case .greaterOrEqual: comparison = .lessThan; missingLeft.toggle()
            default: break
            }
            nodes.append(
                PackedNode(
                    threshold: PackedNode.floatThreshold(node.threshold, for: comparison),
                    left: Int32(firstChild), feature: UInt32(node.feature)))
            exactThresholds.append(node.threshold)
            flags.append(
                PackedNode.flags(
                    missingGoesLeft: missingLeft, zeroIsMissing: node.zeroIsMissing,
                    comparison: comparison))
            firstChild += 2
            values.append(contentsOf: repeatElement(0, count: outputCount))
            rule = WalkRule.combining(rule, comparison: comparison, zeroIsMissing: node.zeroIsMissing)
        }
    }
}
