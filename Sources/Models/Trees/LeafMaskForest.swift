import CForestKernel
import Foundation

/// A forest of small trees in "leaf mask" form (QuickScorer: Lucchese et al., SIGIR 2015),
/// the fast path of ``TreeEnsemble`` for boosted trees of at most 64 leaves.
///
/// Number a tree's leaves from left to right. A row that fails a split's test (goes
/// right) can reach none of the leaves of the split's left subtree: a contiguous run of
/// leaf numbers. Start a row with every leaf bit set and clear, for every split it fails,
/// the bits of that split's left subtree; the lowest bit left is the row's leaf. The
/// splits need no order, so a block of rows tests every split of a tree one after another,
/// each split for all rows at once: one comparison and one masked AND per row, which the
/// processor does 8 or 16 rows at a time. The walk it replaces loads a node, then the row's
/// value, then the next node, one dependent step after another.
///
/// Missing values need no test of their own: a split whose NaN goes left tests
/// `!(x >= t)` (or `!(x > t)`), which NaN passes, and one whose NaN goes right tests
/// `x < t` (or `x <= t`), which NaN fails; the kernel keeps the two kinds in separate runs.
///
/// The kernel (C target `CForestKernel`) is compiled for AVX-512, AVX2 and the baseline
/// instruction set, and runs the best one this processor has.
struct LeafMaskForest: Sendable {
    /// Rows a kernel call scores.
    static let blockRows = Int(LB_FOREST_BLOCK_ROWS)
    /// The most leaves a tree may have (two 32-bit mask words).
    static let maxLeaves = 64
    /// The most features a row may have: a block is copied column by column into a buffer
    /// of `blockRows` rows.
    static let maxFeatures = 4096
    /// The most values a leaf may have: the kernel sums a block's outputs in a buffer of
    /// `blockRows` rows.
    static let maxOutputs = 64

    /// Where each tree's splits (four runs: see ``LBMaskTree``) and leaves start.
    let trees: [LBMaskTree]
    /// The splits, tree after tree, as mask updates on one 32-bit word each.
    let splits: [LBMaskSplit]
    /// Leaf values, tree after tree, each tree's leaves from left to right, `outputs` values
    /// a leaf.
    let leaves: [Double]
    /// Values per leaf.
    let outputs: Int
    /// Whether splits test `x <= t` (else `x < t`).
    let orEqual: Bool
    /// The instruction set the kernel runs with.
    private(set) var level: LBForestKernelLevel

    /// The mask form of the flattened forest, or `nil` when it has none: more than
    /// ``maxOutputs`` outputs or ``maxFeatures`` features, splits other than all `<` or all
    /// `<=` with NaN as the only missing value, or a tree of more than ``maxLeaves`` leaves.
    init?(
        nodes: [PackedNode], flags: [UInt8], roots: [Int32], values: [Double], rule: WalkRule,
        inputCount: Int, outputCount: Int
    ) {
        guard outputCount <= Self.maxOutputs, inputCount <= Self.maxFeatures,
            rule == .lessThan || rule == .lessOrEqual
        else { return nil }
        var trees: [LBMaskTree] = []
        var splits: [LBMaskSplit] = []
        var leaves: [Double] = []
        trees.reserveCapacity(roots.count)
        // The tree's splits by word (low, high) and by where NaN goes (fails, passes).
        var runs = [[LBMaskSplit]](repeating: [], count: 4)
        for (t, root) in roots.enumerated() {
            let end = t + 1 < roots.count ? Int(roots[t + 1]) : nodes.count
            guard (end - Int(root) + 1) / 2 <= Self.maxLeaves else { return nil }
            let firstSplit = splits.count, firstLeaf = leaves.count / outputCount
            for k in runs.indices { runs[k].removeAll(keepingCapacity: true) }
            Self.appendTree(
                Int(root), nodes: nodes, flags: flags, values: values, outputs: outputCount,
                firstLeaf: firstLeaf, runs: &runs, leaves: &leaves)
            for run in runs { splits.append(contentsOf: run) }
            trees.append(
                LBMaskTree(
                    firstSplit: UInt32(firstSplit), firstLeaf: UInt32(firstLeaf),
                    counts: (
                        UInt32(runs[0].count), UInt32(runs[1].count),
                        UInt32(runs[2].count), UInt32(runs[3].count)
                    )))
        }
        self.trees = trees
        self.splits = splits
        self.leaves = leaves
        self.outputs = outputCount
        self.orEqual = rule == .lessOrEqual
        self.level = Self.defaultLevel
    }

    /// The same forest run with `level` (at most the processor's best): for tests that
    /// compare every compiled kernel.
    func running(at level: LBForestKernelLevel) -> LeafMaskForest {
        var copy = self
        copy.level = level
        return copy
    }

    /// Appends the leaves of the tree rooted at `root` to `leaves` and sorts its splits into
    /// `runs` (in the flattened forest, node `n` is a leaf when its `left` is `n - 1`).
    private static func appendTree(
        _ root: Int, nodes: [PackedNode], flags: [UInt8], values: [Double], outputs: Int,
        firstLeaf: Int, runs: inout [[LBMaskSplit]], leaves: inout [Double]
    ) {
        /// Visits `n`, returning the range of leaf numbers under it.
        func visit(_ n: Int) -> Range<Int> {
            let node = nodes[n]
            if Int(node.left) == n - 1 {
                leaves.append(contentsOf: values[n * outputs..<(n + 1) * outputs])
                let leaf = leaves.count / outputs - 1 - firstLeaf
                return leaf..<leaf + 1
            }
            let left = visit(Int(node.left))
            let right = visit(Int(node.left) + 1)
            let nanPasses = flags[n] & 1 != 0
            for word in 0..<2 {
                let bits = left.clamped(to: word * 32..<word * 32 + 32)
                guard !bits.isEmpty else { continue }
                let run = bits.count == 32 ? UInt32.max : (UInt32(1) << UInt32(bits.count)) &- 1
                runs[word * 2 + (nanPasses ? 1 : 0)].append(
                    LBMaskSplit(
                        feature: node.feature, threshold: node.threshold,
                        mask: ~(run << UInt32(bits.lowerBound - word * 32))))
            }
            return left.lowerBound..<right.upperBound
        }
        _ = visit(root)
    }

    /// Adds every tree's leaf values for the ``blockRows`` rows of `columns` (feature `f` of
    /// row `r` at `columns[f * blockRows + r]`) to `sums` (output `k` of row `r` at
    /// `sums[k * blockRows + r]`).
    func add(columns: UnsafePointer<Float>, into sums: UnsafeMutablePointer<Double>) {
        trees.withUnsafeBufferPointer { trees in
            splits.withUnsafeBufferPointer { splits in
                leaves.withUnsafeBufferPointer { leaves in
                    var forest = LBMaskForest(
                        trees: trees.baseAddress, treeCount: trees.count,
                        splits: splits.baseAddress, leaves: leaves.baseAddress,
                        outputs: UInt32(outputs), orEqual: orEqual ? 1 : 0)
                    lb_forest_add(level, &forest, columns, sums)
                }
            }
        }
    }
}

extension LeafMaskForest {
    /// Every instruction set this processor runs the kernel with, the baseline first.
    static var availableLevels: [LBForestKernelLevel] {
        let best = lb_forest_processor_level()
        return [LBForestKernelBaseline, LBForestKernelAVX2, LBForestKernelAVX512].filter { $0.rawValue <= best.rawValue }
    }

    /// The instruction set kernels run with: the processor's best, or a lower one named by
    /// the environment variable `LEADERBOARD_TREE_KERNEL` (`baseline`, `avx2`), which
    /// bench/trees_predict.sh uses to time what a processor without AVX-512 would do.
    static let defaultLevel: LBForestKernelLevel = {
        let best = lb_forest_processor_level()
        let named: LBForestKernelLevel
        switch ProcessInfo.processInfo.environment["LEADERBOARD_TREE_KERNEL"] {
        case "baseline": named = LBForestKernelBaseline
        case "avx2": named = LBForestKernelAVX2
        default: named = best
        }
        return named.rawValue < best.rawValue ? named : best
    }()
}

extension TreeEnsemble {
    /// This ensemble scoring every block by walking its trees (no leaf masks).
    func walkingOnly() -> TreeEnsemble {
        var copy = self
        copy.leafMasks = nil
        return copy
    }

    /// This ensemble with its leaf-mask kernel run at `level`, one of
    /// ``LeafMaskForest/availableLevels``.
    func runningLeafMasks(at level: LBForestKernelLevel) -> TreeEnsemble {
        var copy = self
        copy.leafMasks = leafMasks?.running(at: level)
        return copy
    }
}
