import Foundation
import Models
import TestSupport
import Testing

@Suite("Tree ensemble evaluator")
struct TreeEnsembleTests {
    typealias Node = TreeEnsemble.Node

    /// A random tree of up to `depth` levels; nodes are numbered in a shuffled order (so
    /// children may come before parents), with `outputs` values per leaf.
    static func randomTree(
        depth: Int, inputs: Int, outputs: Int, comparisons: [TreeEnsemble.Comparison],
        zeroMissing: Bool, generator: inout SeededGenerator
    ) -> TreeEnsemble.Tree {
        var shape: [(node: Node, values: [Double])] = []
        func grow(_ level: Int) -> Int {
            let index = shape.count
            shape.append((.leaf, (0..<outputs).map { _ in Double.random(in: -1...1, using: &generator) }))
            if level < depth && (level < 2 || Double.random(in: 0..<1, using: &generator) < 0.8) {
                let left = grow(level + 1), right = grow(level + 1)
                shape[index].node = .split(
                    feature: Int.random(in: 0..<inputs, using: &generator),
                    threshold: Double(Float.random(in: -1...1, using: &generator)),
                    comparison: comparisons.randomElement(using: &generator)!, left: left, right: right,
                    missingGoesLeft: Bool.random(using: &generator),
                    zeroIsMissing: zeroMissing && Bool.random(using: &generator))
            }
            return index
        }
        _ = grow(0)
        // Renumber: root stays 0, the rest shuffled.
        var order = Array(1..<shape.count).shuffled(using: &generator)
        order.insert(0, at: 0)
        var position = [Int](repeating: 0, count: shape.count)
        for (new, old) in order.enumerated() { position[old] = new }
        var nodes = [Node](repeating: .leaf, count: shape.count)
        var values = [Double](repeating: 0, count: shape.count * outputs)
        for (old, entry) in shape.enumerated() {
            var node = entry.node
            if !node.isLeaf { node.left = position[node.left]; node.right = position[node.right] }
            nodes[position[old]] = node
            for k in 0..<outputs { values[position[old] * outputs + k] = entry.values[k] }
        }
        return TreeEnsemble.Tree(nodes: nodes, leafValues: values)
    }

    /// Whether `x comparison threshold` holds, compared as doubles.
    static func holds(_ x: Double, _ comparison: TreeEnsemble.Comparison, _ threshold: Double) -> Bool {
        switch comparison {
        case .lessThan: x < threshold
        case .lessOrEqual: x <= threshold
        case .greaterOrEqual: x >= threshold
        case .greaterThan: x > threshold
        case .equal: x == threshold
        case .notEqual: x != threshold
        }
    }

    /// The plain reading of a tree: follow each node's own comparison from the root.
    static func plainLeaf(_ tree: TreeEnsemble.Tree, _ row: ArraySlice<Float>) -> Int {
        var n = 0
        while !tree.nodes[n].isLeaf {
            let node = tree.nodes[n]
            let x = Double(row[row.startIndex + node.feature])
            let left: Bool
            if x.isNaN || (node.zeroIsMissing && abs(x) <= Double(Float(1e-35))) {
                left = node.missingGoesLeft
            } else {
                left = holds(x, node.comparison, node.threshold)
            }
            n = left ? node.left : node.right
        }
        return n
    }

    /// The plain reading of a forest: per row, every tree's leaf along its own comparisons,
    /// summed (divided by the number of trees for `.average`) and added to `base`; `outputs`
    /// values a row.
    static func plainScores(
        _ trees: [TreeEnsemble.Tree], _ rows: [Float], inputs: Int, outputs: Int,
        base: [Double], aggregation: TreeEnsemble.Aggregation = .sum
    ) -> [Double] {
        var scores: [Double] = []
        for r in 0..<rows.count / inputs {
            let row = rows[r * inputs..<(r + 1) * inputs]
            var sums = [Double](repeating: 0, count: outputs)
            for tree in trees {
                let leaf = plainLeaf(tree, row)
                for k in 0..<outputs { sums[k] += tree.leafValues[leaf * outputs + k] }
            }
            for k in 0..<outputs {
                scores.append(base[k] + (aggregation == .average ? sums[k] / Double(trees.count) : sums[k]))
            }
        }
        return scores
    }

    /// Rows with values near the thresholds, exact zeros, tiny values and NaNs.
    static func randomRows(_ count: Int, inputs: Int, generator: inout SeededGenerator) -> [Float] {
        (0..<count * inputs).map { _ in
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: return .nan
            case 1: return 0
            case 2: return 1e-38
            case 4: return Bool.random(using: &generator) ? Float(1e-35) : -Float(1e-35).nextUp
            case 3: return Float(Int.random(in: -4...4, using: &generator)) / 4
            default: return Float.random(in: -1.2...1.2, using: &generator)
            }
        }
    }

    @Test(
        "the fast walks agree with the plain reading",
        arguments: [
            ([TreeEnsemble.Comparison.lessThan], false, 1, 6),
            ([.lessOrEqual], false, 1, 6),
            ([.greaterThan, .greaterOrEqual], false, 1, 5),
            (TreeEnsemble.Comparison.allCases, true, 3, 5),
            ([.lessOrEqual], true, 1, 19),
            ([.lessThan], false, 2, 18),
        ])
    func agreesWithPlain(comparisons: [TreeEnsemble.Comparison], zeroMissing: Bool, outputs: Int, depth: Int) throws {
        var generator = SeededGenerator(seed: UInt64(depth * 31 + outputs))
        let inputs = 7
        let trees = (0..<40).map { _ in
            Self.randomTree(
                depth: depth, inputs: inputs, outputs: outputs, comparisons: comparisons,
                zeroMissing: zeroMissing, generator: &generator)
        }
        let base = (0..<outputs).map { Double($0) - 0.5 }
        let withNaN = Self.randomRows(1_500, inputs: inputs, generator: &generator)
        // Blocks without NaN take the walks that skip the missing-value test.
        let withoutNaN = withNaN.map { $0.isNaN ? 0.25 : $0 }
        for (rows, aggregation) in [(withNaN, TreeEnsemble.Aggregation.sum), (withoutNaN, .sum), (withNaN, .average)] {
            let ensemble = try TreeEnsemble(
                trees: trees, inputCount: inputs, outputCount: outputs,
                aggregation: aggregation, baseScores: base)
            let scores = try withFeatureBatch(rows, columns: inputs) { try ensemble.rawScores($0) }
            let expected = Self.plainScores(
                trees, rows, inputs: inputs, outputs: outputs, base: base,
                aggregation: aggregation)
            let difference = maxAbsDifference(scores, expected)
            #expect(difference < 1e-12, "max difference \(difference)")
        }
    }

    @Test("transforms: logistic with a scale, softmax, softmax keeping zeros")
    func transforms() throws {
        let tree = TreeEnsemble.Tree(nodes: [.leaf], leafValues: [0.5, 0, -1])
        let ensemble = try TreeEnsemble(trees: [tree], inputCount: 1, outputCount: 3, baseScores: [0, 0, 0])
        func predict(_ transform: TreeEnsembleClassifier.Transform, _ k: Int) throws -> Double {
            let classifier = try TreeEnsembleClassifier(ensemble: ensemble, transform: transform, signalOutput: k)
            return try withFeatureBatch([1], columns: 1) { try classifier.predict($0) }[0]
        }
        #expect(abs(try predict(.logistic(scale: 2), 0) - 1 / (1 + exp(-1.0))) < 1e-15)
        let total = exp(0.5) + 1 + exp(-1.0)
        #expect(abs(try predict(.softmax, 2) - exp(-1.0) / total) < 1e-15)
        #expect(try predict(.softmaxZero, 1) == 0)
        #expect(abs(try predict(.softmaxZero, 0) - exp(0.5) / (exp(0.5) + exp(-1.0))) < 1e-15)
        #expect(throws: TreeModelError.self) { try TreeEnsembleClassifier(ensemble: ensemble, transform: .identity, signalOutput: 3) }
    }

    static func split(_ feature: Int, _ left: Int, _ right: Int, threshold: Double = 0) -> Node {
        .split(feature: feature, threshold: threshold, comparison: .lessThan, left: left, right: right, missingGoesLeft: true)
    }

    @Test(
        "broken trees are refused with a reason",
        arguments: [
            ([split(0, 1, 5), .leaf], "outside the tree's 2 nodes"),
            ([split(0, 1, 2), split(0, 0, 2), .leaf], "reached twice"),
            ([split(0, 1, 1), .leaf], "reached twice"),
            ([split(3, 1, 2), .leaf, .leaf], "feature 3, not among the 3 features"),
            ([split(-1, 1, 2), .leaf, .leaf], "feature -1"),
            ([split(0, 1, 2, threshold: .nan), .leaf, .leaf], "NaN threshold"),
            (
                [Node.split(feature: 0, threshold: 0, comparison: .lessThan, left: 1, right: -1, missingGoesLeft: false), .leaf],
                "one child"
            ),
        ])
    func refusals(nodes: [Node], message: String) {
        let tree = TreeEnsemble.Tree(nodes: nodes, leafValues: [Double](repeating: 0, count: nodes.count))
        #expect {
            _ = try TreeEnsemble(trees: [tree], inputCount: 3, baseScores: [0])
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test("values and counts are checked")
    func valueRefusals() {
        let leaf = TreeEnsemble.Tree(nodes: [.leaf], leafValues: [.infinity])
        #expect(throws: TreeModelError("tree 0: leaf 0 has a value that is not finite")) {
            try TreeEnsemble(trees: [leaf], inputCount: 1, baseScores: [0])
        }
        let fine = TreeEnsemble.Tree(nodes: [.leaf], leafValues: [1])
        #expect(throws: TreeModelError("a base score is not finite")) {
            try TreeEnsemble(trees: [fine], inputCount: 1, baseScores: [.nan])
        }
        #expect(throws: TreeModelError.self) { try TreeEnsemble(trees: [], inputCount: 1, baseScores: [0]) }
        #expect(throws: TreeModelError.self) { try TreeEnsemble(trees: [fine], inputCount: 1, outputCount: 2, baseScores: [0, 0]) }
        #expect {
            try TreeEnsemble(trees: [fine, fine, fine], inputCount: 1, baseScores: [0], maxNodes: 2)
        } throws: { "\($0)".contains("limit on tree nodes") }
    }

    @Test("unreachable nodes dropped, depth and counts kept")
    func shape() throws {
        let tree = TreeEnsemble.Tree(
            nodes: [Self.split(0, 2, 3), .leaf, Self.split(1, 4, 5), .leaf, .leaf, .leaf],
            leafValues: [0, 9, 0, 1, 2, 3])
        let ensemble = try TreeEnsemble(trees: [tree], inputCount: 2, baseScores: [0])
        #expect(ensemble.nodeCount == 5)
        #expect(ensemble.leafCount == 3)
        #expect(ensemble.depths == [2])
        let scores = try withFeatureBatch([-1, -1, -1, 1, 1, 0, .nan, .nan], columns: 2) { try ensemble.rawScores($0) }
        #expect(scores == [2, 3, 1, 2])
    }
}
