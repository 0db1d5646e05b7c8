import Foundation

/// How a walk tests a split. The ensemble picks the cheapest rule that is exact for all of
/// its splits once, at construction; the walk is then specialised for it.
enum WalkRule: Sendable {
    /// Every split is `value < threshold`, missing means NaN only (XGBoost).
    case lessThan
    /// Every split is `value <= threshold`, missing means NaN only (LightGBM, scikit-learn).
    case lessOrEqual
    /// Anything: each split's own comparison and missing rule (a switch per node).
    case general

    /// The rule for the splits seen so far (`current`) plus one with `comparison`.
    static func combining(_ current: WalkRule?, comparison: TreeEnsemble.Comparison, zeroIsMissing: Bool) -> WalkRule {
        let own: WalkRule
        switch comparison {
        case .lessThan where !zeroIsMissing: own = .lessThan
        case .lessOrEqual where !zeroIsMissing: own = .lessOrEqual
        default: own = .general
        }
        guard let current else { return own }
        return current == own ? own : .general
    }
}

/// One split test: whether the row goes to the left child.
protocol SplitTest {
    /// The element type of the rows and thresholds compared.
    associatedtype Value
    /// Whether the test reads the node's flags (the walk skips loading them otherwise).
    static var readsFlags: Bool { get }
    /// Node `n`'s threshold: its packed `Float`, or its `Double` in `exact`.
    static func threshold(_ node: PackedNode, _ n: Int, _ exact: UnsafePointer<Double>?) -> Value
    static func goesLeft(_ x: Value, _ threshold: Value, _ flags: UInt8) -> Bool
}

extension SplitTest where Value == Float {
    @inline(__always)
    static func threshold(_ node: PackedNode, _ n: Int, _ exact: UnsafePointer<Double>?) -> Float { node.threshold }
}

/// `x < threshold`; NaN by the node's flag.
enum LessThanTest: SplitTest {
    static var readsFlags: Bool { true }
    @inline(__always)
    static func goesLeft(_ x: Float, _ threshold: Float, _ flags: UInt8) -> Bool {
        x.isNaN ? flags & 1 != 0 : x < threshold
    }
}

/// `x <= threshold`; NaN by the node's flag.
enum LessOrEqualTest: SplitTest {
    static var readsFlags: Bool { true }
    @inline(__always)
    static func goesLeft(_ x: Float, _ threshold: Float, _ flags: UInt8) -> Bool {
        x.isNaN ? flags & 1 != 0 : x <= threshold
    }
}

/// `x < threshold` for rows known to hold no NaN: one comparison a step. Exact only then
/// (a NaN would go right whatever the node's flag); leaves still stay put, as nothing is
/// `<` their NaN threshold.
enum LessThanNoMissingTest: SplitTest {
    static var readsFlags: Bool { false }
    @inline(__always)
    static func goesLeft(_ x: Float, _ threshold: Float, _ flags: UInt8) -> Bool { x < threshold }
}

/// `x <= threshold` for rows known to hold no NaN (see ``LessThanNoMissingTest``).
enum LessOrEqualNoMissingTest: SplitTest {
    static var readsFlags: Bool { false }
    @inline(__always)
    static func goesLeft(_ x: Float, _ threshold: Float, _ flags: UInt8) -> Bool { x <= threshold }
}

/// The node's own comparison (flag bits 4-7) and missing rule (bits 0-1).
enum GeneralTest: SplitTest {
    static var readsFlags: Bool { true }
    /// LightGBM's `kZeroThreshold`: values this close to zero are "zero". LightGBM writes it
    /// as the float literal `1e-35f` stored in a double, so it is float32(1e-35), not 1e-35.
    static let zeroThreshold: Float = 1e-35

    @inline(__always)
    static func goesLeft(_ x: Float, _ threshold: Float, _ flags: UInt8) -> Bool {
        generalGoesLeft(x, threshold, flags, zeroThreshold: zeroThreshold)
    }
}

/// ``GeneralTest`` in double, against each split's own `Double` threshold: how LightGBM
/// compares a row it reads in float64.
enum ExactTest: SplitTest {
    static var readsFlags: Bool { true }
    /// ``GeneralTest/zeroThreshold``, widened (LightGBM compares it in double).
    static let zeroThreshold = Double(GeneralTest.zeroThreshold)

    @inline(__always)
    static func threshold(_ node: PackedNode, _ n: Int, _ exact: UnsafePointer<Double>?) -> Double {
        exact.unsafelyUnwrapped[n]
    }

    @inline(__always)
    static func goesLeft(_ x: Double, _ threshold: Double, _ flags: UInt8) -> Bool {
        generalGoesLeft(x, threshold, flags, zeroThreshold: zeroThreshold)
    }
}

/// A split's own comparison (flag bits 4-7) and missing rule (bits 0-1), in `V`.
@inline(__always)
private func generalGoesLeft<V: BinaryFloatingPoint>(_ x: V, _ threshold: V, _ flags: UInt8, zeroThreshold: V) -> Bool {
    if x.isNaN || (flags & 2 != 0 && abs(x) <= zeroThreshold) { return flags & 1 != 0 }
    switch TreeEnsemble.Comparison(rawValue: flags >> 4) ?? .lessThan {
    case .lessThan: return x < threshold
    case .lessOrEqual: return x <= threshold
    case .greaterOrEqual: return x >= threshold
    case .greaterThan: return x > threshold
    case .equal: return x == threshold
    case .notEqual: return x != threshold
    }
}

extension TreeEnsemble {
    /// Trees at most this deep are walked a fixed number of steps (leaves loop on
    /// themselves), without a test for "reached a leaf"; deeper ones stop at their leaf.
    static let fixedWalkDepth = 16
    /// Rows a block: every tree is walked for a block of rows before the next tree, so the
    /// tree stays in cache.
    static let blockRows = 64

    /// The raw scores of every row: `outputCount` values per row, row after row (base score
    /// plus the trees' sum or average), before any transform.
    ///
    /// An ensemble of ``InputPrecision/float64`` compares a batch's ``FeatureBatch/exactValues``
    /// with its `Double` thresholds when the batch has them: the float32 kernels score every
    /// row, and the rows where a value's float32 could fall on the other side of a split
    /// (``SplitBoundaries``) are walked again in double. Without them (every value a float32)
    /// the float32 kernels compare exactly the same. Runs on all cores over chunks of rows
    /// when the batch is large.
    /// - Throws: ``ClassifierError/inputWidth(expected:found:)``.
    public func rawScores(_ batch: FeatureBatch) throws -> [Double] {
        guard batch.columns == inputCount else {
            throw ClassifierError.inputWidth(expected: inputCount, found: batch.columns)
        }
        guard let source = batch.values.baseAddress else { return [Double](repeating: 0, count: batch.rows * outputCount) }
        let block = leafMasks == nil ? Self.blockRows : LeafMaskForest.blockRows
        var scores = scoreRows(source, rows: batch.rows, block: block) { input, rows, output in
            scoreBlock(input, rows: rows, into: output)
        }
        if let boundaries, let exact = batch.exactValues {
            rescoreInDouble(boundaries.rowsToWalk(batch, exact: exact), of: exact, into: &scores)
        }
        return scores
    }

    /// Walks `rows` of `exact` (the batch's values as written) in double and puts their raw
    /// scores in place of the float32 ones in `scores`.
    private func rescoreInDouble(_ rows: [Int], of exact: UnsafeBufferPointer<Double>, into scores: inout [Double]) {
        guard !rows.isEmpty else { return }
        let width = inputCount, outputs = outputCount
        var gathered = [Double](repeating: 0, count: rows.count * width)
        for (i, r) in rows.enumerated() {
            for f in 0..<width { gathered[i * width + f] = exact[r * width + f] }
        }
        let walked = gathered.withUnsafeBufferPointer { input in
            scoreRows(input.baseAddress!, rows: rows.count, block: Self.blockRows) { input, rows, output in
                exactThresholds.withUnsafeBufferPointer { thresholds in
                    accumulate(ExactTest.self, input, thresholds: thresholds.baseAddress, rows: rows, into: output)
                }
            }
        }
        for (i, r) in rows.enumerated() {
            for k in 0..<outputs { scores[r * outputs + k] = walked[i * outputs + k] }
        }
    }

    /// Runs `scoreBlock` over blocks of at most `block` rows of `input` (`inputCount` values a
    /// row), on all cores for a large batch, and adds the base scores (averaging first for
    /// ``Aggregation/average``). `scoreBlock` adds the trees' leaf values into its zeroed output.
    private func scoreRows<V>(
        _ source: UnsafePointer<V>, rows: Int, block: Int,
        _ scoreBlock: @escaping @Sendable (UnsafePointer<V>, Int, UnsafeMutablePointer<Double>) -> Void
    ) -> [Double] {
        var out = [Double](repeating: 0, count: rows * outputCount)
        guard rows > 0 else { return out }
        let chunks = rows < 2 * block ? 1 : min(64, max(1, rows / 2048), rows / block)
        let input = UnsafeSendablePointer(source)
        let outputs = outputCount, base = baseScores
        let scale = aggregation == .average ? 1 / Double(treeCount) : 1
        out.withUnsafeMutableBufferPointer { buffer in
            let target = UnsafeSendablePointer(UnsafePointer(buffer.baseAddress!))
            let work: @Sendable (Int) -> Void = { chunk in
                let first = rows * chunk / chunks, end = rows * (chunk + 1) / chunks
                let output = UnsafeMutablePointer(mutating: target.pointer)
                var start = first
                while start < end {
                    let count = min(block, end - start)
                    let scores = output + start * outputs
                    scoreBlock(input.pointer + start * self.inputCount, count, scores)
                    for i in 0..<count * outputs { scores[i] = base[i % outputs] + scores[i] * scale }
                    start += count
                }
            }
            if chunks == 1 { work(0) } else { performInParallel(iterations: chunks, work) }
        }
        return out
    }

    /// Scores `rows` consecutive rows from `input` (at most ``LeafMaskForest/blockRows``
    /// with leaf masks, else at most ``blockRows``) into `output` (zeroed), before base scores.
    private func scoreBlock(_ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Double>) {
        let outputs = outputCount
        guard let leafMasks else {
            walkBlock(input, rows: rows, into: output)
            return
        }
        let block = LeafMaskForest.blockRows
        withUnsafeTemporaryAllocation(of: Float.self, capacity: block * inputCount) { columns in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: block * outputs) { sums in
                let columns = columns.baseAddress!, sum = sums.baseAddress!
                Self.copyColumns(input, rows: rows, inputCount, to: columns)
                sums.initialize(repeating: 0)
                leafMasks.add(columns: columns, into: sum)
                for r in 0..<rows {
                    for k in 0..<outputs { output[r * outputs + k] = sum[k * block + r] }
                }
            }
        }
    }

    /// Copies `rows` rows of `width` features to `columns` by column (``LeafMaskForest/blockRows``
    /// floats a column, rows past `rows` zero).
    private static func copyColumns(
        _ input: UnsafePointer<Float>, rows: Int, _ width: Int,
        to columns: UnsafeMutablePointer<Float>
    ) {
        let stride = LeafMaskForest.blockRows
        for r in 0..<rows {
            let row = input + r * width
            for f in 0..<width { columns[f * stride + r] = row[f] }
        }
        if rows < stride {
            for f in 0..<width { (columns + f * stride + rows).update(repeating: 0, count: stride - rows) }
        }
    }

    /// Walks `rows` (at most ``blockRows``) consecutive rows from `input` through every
    /// tree, adding the leaf values into `output` (zeroed).
    private func walkBlock(_ input: UnsafePointer<Float>, rows: Int, into output: UnsafeMutablePointer<Double>) {
        // Most blocks hold no NaN: their walks skip the missing-value test.
        let hasNaN = UnsafeBufferPointer(start: input, count: rows * inputCount).contains { $0.isNaN }
        switch (rule, hasNaN) {
        case (.lessThan, false): accumulate(LessThanNoMissingTest.self, input, thresholds: nil, rows: rows, into: output)
        case (.lessThan, true): accumulate(LessThanTest.self, input, thresholds: nil, rows: rows, into: output)
        case (.lessOrEqual, false): accumulate(LessOrEqualNoMissingTest.self, input, thresholds: nil, rows: rows, into: output)
        case (.lessOrEqual, true): accumulate(LessOrEqualTest.self, input, thresholds: nil, rows: rows, into: output)
        case (.general, _): accumulate(GeneralTest.self, input, thresholds: nil, rows: rows, into: output)
        }
    }

    /// Adds every tree's leaf values for `rows` rows into `output`, with split test `T`
    /// (whose thresholds are the packed ones, or `thresholds`' doubles).
    ///
    /// A tree at most ``fixedWalkDepth`` deep is walked level by level: every row of the
    /// block takes one step, then the next step; the rows' steps do not depend on each
    /// other, so the processor overlaps them (leaves are their own children, so rows that
    /// reached one early stay put). A deeper tree is walked row by row to its leaf.
    @inline(__always)
    private func accumulate<T: SplitTest>(
        _: T.Type, _ input: UnsafePointer<T.Value>, thresholds: UnsafePointer<Double>?, rows: Int,
        into output: UnsafeMutablePointer<Double>
    ) {
        let columns = inputCount, outputs = outputCount
        withUnsafeTemporaryAllocation(of: Int.self, capacity: Self.blockRows) { at in
            nodes.withUnsafeBufferPointer { nodes in
                flags.withUnsafeBufferPointer { flags in
                    values.withUnsafeBufferPointer { values in
                        let nodes = nodes.baseAddress!, flags = flags.baseAddress!, v = values.baseAddress!
                        @inline(__always) func step(_ n: Int, _ r: Int) -> Int {
                            let node = nodes[n]
                            let x = input[r &* columns &+ Int(node.feature)]
                            let threshold = T.threshold(node, n, thresholds)
                            return Int(node.left) &+ (T.goesLeft(x, threshold, T.readsFlags ? flags[n] : 0) ? 0 : 1)
                        }
                        for t in roots.indices {
                            let root = Int(roots[t]), depth = depths[t]
                            if depth <= Self.fixedWalkDepth {
                                for r in 0..<rows { at[r] = root }
                                for _ in 0..<depth {
                                    for r in 0..<rows { at[r] = step(at[r], r) }
                                }
                            } else {
                                for r in 0..<rows {
                                    var n = root
                                    while true {
                                        let next = step(n, r)
                                        if next == n { break }
                                        n = next
                                    }
                                    at[r] = n
                                }
                            }
                            if outputs == 1 {
                                for r in 0..<rows { output[r] += v[at[r]] }
                            } else {
                                for r in 0..<rows {
                                    for k in 0..<outputs { output[r * outputs + k] += v[at[r] * outputs + k] }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
