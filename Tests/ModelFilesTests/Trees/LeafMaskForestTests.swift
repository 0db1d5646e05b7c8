import Foundation
import TestSupport
import Testing

@testable import Models

/// The leaf-mask kernel (every instruction set this processor has) against the tree walk
/// and the plain reading of each tree.
@Suite("Tree ensembles scored by leaf masks")
struct LeafMaskForestTests {
    typealias Node = TreeEnsemble.Node

    @Test(
        "every kernel agrees with the node walk",
        arguments: [
            ([TreeEnsemble.Comparison.lessThan], 6, 1), ([.lessOrEqual], 6, 1), ([.greaterOrEqual], 5, 1),
            ([.greaterThan], 6, 1), ([.lessThan], 2, 1), ([.lessOrEqual], 6, 3), ([.lessThan], 4, 2),
        ])
    func agreesWithWalk(comparisons: [TreeEnsemble.Comparison], depth: Int, outputs: Int) throws {
        var generator = SeededGenerator(seed: UInt64(depth * 7 + outputs) + UInt64(comparisons[0].rawValue))
        let inputs = 9
        let trees = (0..<60).map { _ in
            TreeEnsembleTests.randomTree(
                depth: depth, inputs: inputs, outputs: outputs, comparisons: comparisons,
                zeroMissing: false, generator: &generator)
        }
        #expect(trees.contains { $0.nodes.count > 65 } == (depth == 6), "some trees need both mask words")
        let base = (0..<outputs).map { Double($0) + 0.25 }
        let ensemble = try TreeEnsemble(trees: trees, inputCount: inputs, outputCount: outputs, baseScores: base)
        #expect(ensemble.leafMasks != nil)
        let walk = ensemble.walkingOnly()
        // A tail shorter than a block, exactly one block, one past it, and many blocks on all
        // cores; values at and around the thresholds, zeros, tiny values, infinities and NaN
        // (which goes where each split's flag says).
        for count in [1, 127, 128, 129, 2_900] {
            var rows = TreeEnsembleTests.randomRows(count, inputs: inputs, generator: &generator)
            for i in stride(from: 5, to: rows.count, by: 37) { rows[i] = i % 2 == 0 ? .infinity : -.infinity }
            let walked = try withFeatureBatch(rows, columns: inputs) { try walk.rawScores($0) }
            let plain = TreeEnsembleTests.plainScores(trees, rows, inputs: inputs, outputs: outputs, base: base)
            #expect(maxAbsDifference(walked, plain) < 1e-12)
            for level in LeafMaskForest.availableLevels {
                let masked = try withFeatureBatch(rows, columns: inputs) {
                    try ensemble.runningLeafMasks(at: level).rawScores($0)
                }
                // Same leaves, added in the same order: the very same doubles.
                #expect(masked == walked, "kernel \(level.rawValue), \(count) rows")
            }
        }
    }

    /// A complete tree of `depth` levels on feature 0, thresholds splitting `range` in halves;
    /// its leaves, left to right, hold `firstValue`, `firstValue + 1`, ….
    static func completeTree(
        depth: Int, range: ClosedRange<Double>, firstValue: Double,
        nodes: inout [Node], values: inout [Double]
    ) -> Int {
        let index = nodes.count
        nodes.append(.leaf)
        values.append(firstValue)
        guard depth > 0 else { return index }
        let middle = (range.lowerBound + range.upperBound) / 2
        let left = completeTree(
            depth: depth - 1, range: range.lowerBound...middle, firstValue: firstValue,
            nodes: &nodes, values: &values)
        let right = completeTree(
            depth: depth - 1, range: middle...range.upperBound,
            firstValue: firstValue + Double(1 << (depth - 1)), nodes: &nodes, values: &values)
        nodes[index] = .split(
            feature: 0, threshold: middle, comparison: .lessThan, left: left, right: right,
            missingGoesLeft: false)
        return index
    }

    @Test("leaves past the 32nd, up to 64")
    func leavesPastThirtyTwo() throws {
        // 33 leaves: 32 under the root's left child (values 0...31), leaf 32 on its right.
        var nodes: [Node] = [.leaf], values: [Double] = [0]
        let left = Self.completeTree(depth: 5, range: 0...32, firstValue: 0, nodes: &nodes, values: &values)
        nodes.append(.leaf)
        values.append(32)
        nodes[0] = .split(
            feature: 0, threshold: 32, comparison: .lessThan, left: left, right: nodes.count - 1,
            missingGoesLeft: false)
        var full: [Node] = [], fullValues: [Double] = []
        _ = Self.completeTree(depth: 6, range: 0...64, firstValue: 0, nodes: &full, values: &fullValues)
        let xs = (0..<130).map { Float($0) / 2 - 0.25 }  // every leaf's interval, and past the last
        for (tree, leaves) in [
            (TreeEnsemble.Tree(nodes: nodes, leafValues: values), 33),
            (TreeEnsemble.Tree(nodes: full, leafValues: fullValues), 64),
        ] {
            let ensemble = try TreeEnsemble(trees: [tree], inputCount: 1, baseScores: [0])
            #expect(ensemble.leafMasks != nil)
            let expected = xs.map { x in Double(min(max(0, Int(x.rounded(.down))), leaves - 1)) }
            for level in LeafMaskForest.availableLevels {
                let scores = try withFeatureBatch(xs, columns: 1) { try ensemble.runningLeafMasks(at: level).rawScores($0) }
                #expect(scores == expected, "\(leaves) leaves, kernel \(level.rawValue)")
            }
        }
    }

    @Test("forests the kernel cannot score exactly are walked")
    func whichForests() throws {
        var generator = SeededGenerator(seed: 5)
        func ensemble(
            _ comparisons: [TreeEnsemble.Comparison], depth: Int, outputs: Int = 1,
            zeroMissing: Bool = false
        ) throws -> TreeEnsemble {
            let trees = (0..<8).map { _ in
                TreeEnsembleTests.randomTree(
                    depth: depth, inputs: 3, outputs: outputs, comparisons: comparisons,
                    zeroMissing: zeroMissing, generator: &generator)
            }
            return try TreeEnsemble(
                trees: trees, inputCount: 3, outputCount: outputs,
                baseScores: [Double](repeating: 0, count: outputs))
        }
        #expect(try ensemble([.lessThan], depth: 6).leafMasks != nil)
        #expect(try ensemble([.lessThan], depth: 12).leafMasks == nil, "more than 64 leaves")
        #expect(try ensemble([.lessThan, .lessOrEqual], depth: 4).leafMasks == nil, "two comparisons")
        #expect(try ensemble([.equal], depth: 4).leafMasks == nil)
        #expect(try ensemble([.lessOrEqual], depth: 4, outputs: 2).leafMasks != nil)
        #expect(try ensemble([.lessOrEqual], depth: 4, zeroMissing: true).leafMasks == nil, "zero is missing")
        let leaf = TreeEnsemble.Tree(nodes: [.leaf], leafValues: [1.5])
        let single = try TreeEnsemble(trees: [leaf, leaf], inputCount: 2, baseScores: [1])
        #expect(single.leafMasks != nil)
        #expect(try withFeatureBatch([0, 1, 2, 3], columns: 2) { try single.rawScores($0) } == [4, 4])
    }
}
