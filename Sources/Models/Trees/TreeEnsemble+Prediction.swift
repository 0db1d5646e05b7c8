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
    /// Whether the test reads the node's flags (the walk skips loading them otherwise).
    static var readsFlags: Bool { get }
    static func goesLeft(_ x: Float, _ threshold: Float, _ flags: UInt8) -> Bool
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
    /// Runs on all cores over chunks of rows when the batch is large.
    /// - Throws: ``ClassifierError/inputWidth(expected:found:)``.
    public func rawScores(_ batch: FeatureBatch) throws -> [Double] {
        guard batch.columns == inputCount else {
            throw ClassifierError.inputWidth(expected: inputCount, found: batch.columns)
        }
        let rows = batch.rows
        var out = [Double](repeating: 0, count: rows * outputCount)
        guard rows > 0, let source = batch.values.baseAddress else { return out }
        let block = leafMasks == nil ? Self.blockRows : LeafMaskForest.blockRows
        let chunks = rows < 2 * block ? 1 : min(64, max(1, rows / 2048), rows / block)
        let input = UnsafeSendablePointer(source)
        out.withUnsafeMutableBufferPointer { buffer in
            let target = UnsafeSendablePointer(UnsafePointer(buffer.baseAddress!))
            let work: @Sendable (Int) -> Void = { chunk in
                let first = rows * chunk / chunks, end = rows * (chunk + 1) / chunks
                let output = UnsafeMutablePointer(mutating: target.pointer)
                // The leaf-mask kernel's block by column, and its sums (none for walks).
                let masked = self.leafMasks == nil ? 0 : block
                withUnsafeTemporaryAllocation(of: Float.self, capacity: masked * self.inputCount) { columns in
                    withUnsafeTemporaryAllocation(of: Double.self, capacity: masked * self.outputCount) { sums in
                        var start = first
                        while start < end {
                            let count = min(block, end - start)
                            self.scoreBlock(
                                input.pointer + start * self.inputCount, rows: count, columns: columns,
                                sums: sums, into: output + start * self.outputCount)
                            start += count
                        }
                    }
                }
            }
            if chunks == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: chunks, execute: work) }
        }
        return out
    }

    /// Scores `rows` consecutive rows from `input` (at most ``LeafMaskForest/blockRows``
    /// with leaf masks, else at most ``blockRows``) into `output` (zeroed). With leaf masks,
    /// `columns` and `sums` hold a block of ``LeafMaskForest/blockRows`` rows by column
    /// (`inputCount` and `outputCount` columns).
    private func scoreBlock(
        _ input: UnsafePointer<Float>, rows: Int, columns: UnsafeMutableBufferPointer<Float>,
        sums: UnsafeMutableBufferPointer<Double>, into output: UnsafeMutablePointer<Double>
    ) {
        let outputs = outputCount
        if let leafMasks, let columns = columns.baseAddress, let sum = sums.baseAddress {
            Self.copyColumns(input, rows: rows, inputCount, to: columns)
            let block = LeafMaskForest.blockRows
            sums.initialize(repeating: 0)
            leafMasks.add(columns: columns, into: sum)
            for r in 0..<rows {
                for k in 0..<outputs { output[r * outputs + k] = sum[k * block + r] }
            }
        } else {
            var start = 0
            while start < rows {
                let count = min(Self.blockRows, rows - start)
                walkBlock(input + start * inputCount, rows: count, into: output + start * outputs)
                start += count
            }
        }
        let scale = aggregation == .average ? 1 / Double(treeCount) : 1
        for row in 0..<rows {
            for k in 0..<outputs {
                output[row * outputs + k] = baseScores[k] + output[row * outputs + k] * scale
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
        case (.lessThan, false): accumulate(LessThanNoMissingTest.self, input, rows: rows, into: output)
        case (.lessThan, true): accumulate(LessThanTest.self, input, rows: rows, into: output)
        case (.lessOrEqual, false): accumulate(LessOrEqualNoMissingTest.self, input, rows: rows, into: output)
        case (.lessOrEqual, true): accumulate(LessOrEqualTest.self, input, rows: rows, into: output)
        case (.general, _): accumulate(GeneralTest.self, input, rows: rows, into: output)
        }
    }

    /// Adds every tree's leaf values for `rows` rows into `output`, with split test `T`.
    ///
    /// A tree at most ``fixedWalkDepth`` deep is walked level by level: every row of the
    /// block takes one step, then the next step; the rows' steps do not depend on each
    /// other, so the processor overlaps them (leaves are their own children, so rows that
    /// reached one early stay put). A deeper tree is walked row by row to its leaf.
    @inline(__always)
    private func accumulate<T: SplitTest>(
        _: T.Type, _ input: UnsafePointer<Float>, rows: Int,
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
                            return Int(node.left) &+ (T.goesLeft(x, node.threshold, T.readsFlags ? flags[n] : 0) ? 0 : 1)
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
