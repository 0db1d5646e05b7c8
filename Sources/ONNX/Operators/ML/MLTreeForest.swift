import Models

/// The trees of a `TreeEnsembleClassifier` or `TreeEnsembleRegressor` node: its `nodes_*`
/// attributes and leaf weights (`class_*` or `target_*`), checked and compiled into the
/// shared ``TreeEnsemble`` evaluator, which returns each row's per-output sums (or averages).
///
/// Follows onnxruntime: a tree's root is the first node listed for its tree id; a split sends
/// a row to its true child when `x <mode> value`, or when `x` is NaN and the node's
/// `nodes_missing_value_tracks_true` is 1 (a NaN fails every comparison but `BRANCH_NEQ`);
/// weights on split nodes are ignored. Refused: lists of different lengths, a node id listed
/// twice in a tree, a child or a weight's node that is not in its tree, a cycle or a node
/// reached twice, a leaf without a weight, a target or class id out of range, a weight given
/// twice for the same leaf and output, an unknown mode.
struct MLTreeForest: Sendable {
    /// How the trees' values are combined.
    enum Aggregate: String, Sendable, CaseIterable {
        /// Summed.
        case sum = "SUM"
        /// Summed and divided by the number of trees.
        case average = "AVERAGE"
        /// The smallest (onnxruntime: among the trees that give the output a weight).
        case min = "MIN"
        /// The largest.
        case max = "MAX"
    }

    /// The forest for `sum` and `average`, or `nil` for `min`/`max` (see ``singleTrees``).
    private let ensemble: TreeEnsemble?
    /// One ensemble per tree, for `min` and `max`.
    private let singleTrees: [TreeEnsemble]
    /// How the trees are combined.
    let aggregate: Aggregate
    /// Outputs (targets or classes) the weights address.
    let outputCount: Int
    /// Features a row must have at least (the largest feature a split reads, plus one).
    let featureCount: Int
    /// Whether some leaf has a weight for output `k`.
    let hasWeights: [Bool]
    /// Whether every leaf has weights for the same outputs.
    let uniformLeaves: Bool
    /// Whether no weight is negative.
    let weightsAreNonNegative: Bool
    /// When set, the ensemble has one more output counting, per row, the leaves reached that
    /// have a weight for this output (onnxruntime decides per row whether an output "has a score").
    let countsWeightsOf: Int?
    /// The node's name, for messages.
    let node: String

    /// Reads the forest of the node in `context`; `weights` is `class` or `target`, the prefix
    /// of the weight attributes, and `outputCount` the number of classes or targets.
    /// `countWeightsOf` asks for the per-row count of ``countsWeightsOf`` when leaves are not uniform.
    ///
    /// - Throws: ``ONNXError`` (malformed) naming the node and what contradicts what.
    init(
        _ context: ONNXNodeContext, weights prefix: String, outputCount: Int, aggregate: Aggregate,
        countWeightsOf: Int? = nil
    ) throws(ONNXError) {
        let treeIDs = try context.intList("nodes_treeids")
        let nodeIDs = try context.intList("nodes_nodeids")
        let featureIDs = try context.intList("nodes_featureids")
        let trueIDs = try context.intList("nodes_truenodeids")
        let falseIDs = try context.intList("nodes_falsenodeids")
        let modes = try context.attributes.strings("nodes_modes") ?? []
        let thresholds = try context.floatList("nodes_values") ?? []
        let tracks = try context.intList("nodes_missing_value_tracks_true")
        _ = try context.floatList("nodes_hitrates")  // unused, but both spellings at once are refused
        let count = treeIDs.count
        guard count > 0 else { throw context.invalid("has no tree nodes (nodes_treeids is empty)") }
        guard count <= context.limits.maxTreeNodes else {
            throw .tooLarge(.maxTreeNodes, context.limits.maxTreeNodes, "node '\(context.name)' has \(count) tree nodes")
        }
        let lists: [(String, Int)] = [
            ("nodes_nodeids", nodeIDs.count), ("nodes_featureids", featureIDs.count), ("nodes_modes", modes.count),
            ("nodes_values", thresholds.count), ("nodes_truenodeids", trueIDs.count),
            ("nodes_falsenodeids", falseIDs.count),
        ]
        for (name, length) in lists where length != count {
            throw context.invalid("has \(length) \(name) for \(count) nodes_treeids; they must agree")
        }
        guard tracks.isEmpty || tracks.count == count else {
            throw context.invalid("has \(tracks.count) nodes_missing_value_tracks_true for \(count) nodes")
        }
        guard outputCount > 0 else { throw context.invalid("has no \(prefix == "class" ? "classes" : "targets")") }

        // Trees in order of first appearance; nodes in each in file order (the first is the root).
        var treeIndex: [Int: Int] = [:]
        var members: [[Int]] = []
        var localIndex: [[Int: Int]] = []
        for i in 0..<count {
            let t: Int
            if let known = treeIndex[treeIDs[i]] {
                t = known
            } else {
                t = members.count
                treeIndex[treeIDs[i]] = t
                members.append([])
                localIndex.append([:])
            }
            guard localIndex[t].updateValue(members[t].count, forKey: nodeIDs[i]) == nil else {
                throw context.invalid("lists node \(nodeIDs[i]) of tree \(treeIDs[i]) twice")
            }
            members[t].append(i)
        }

        // Leaf weights, dense: `outputs` values per node.
        let weightTrees = try context.intList("\(prefix)_treeids")
        let weightNodes = try context.intList("\(prefix)_nodeids")
        let weightIDs = try context.intList("\(prefix)_ids")
        let weightValues = try context.floatList("\(prefix)_weights") ?? []
        for (name, length) in [
            ("\(prefix)_nodeids", weightNodes.count), ("\(prefix)_ids", weightIDs.count),
            ("\(prefix)_weights", weightValues.count),
        ] where length != weightTrees.count {
            throw context.invalid("has \(length) \(name) for \(weightTrees.count) \(prefix)_treeids; they must agree")
        }
        let outputs = outputCount + (countWeightsOf == nil ? 0 : 1)
        let (cells, overflow) = count.multipliedReportingOverflow(by: outputs)
        guard !overflow, cells <= context.limits.maxTensorElements else {
            throw .tooLarge(
                .maxTensorElements, context.limits.maxTensorElements,
                "node '\(context.name)' has \(count) tree nodes of \(outputCount) outputs each")
        }
        var leafValues = members.map { [Double](repeating: 0, count: $0.count * outputs) }
        var leafOutputs = members.map { [Set<Int>](repeating: [], count: $0.count) }
        var nonNegative = true
        for w in weightTrees.indices {
            let tree = weightTrees[w], nodeID = weightNodes[w], k = weightIDs[w]
            guard let t = treeIndex[tree], let n = localIndex[t][nodeID] else {
                throw context.invalid("has a \(prefix) weight for node \(nodeID) of tree \(tree), which is not a node")
            }
            guard (0..<outputCount).contains(k) else {
                throw context.invalid(
                    "has a weight for \(prefix) \(k) at node \(nodeID) of tree \(tree); "
                        + "\(prefix) ids run from 0 to \(outputCount - 1)")
            }
            guard modes[members[t][n]] == "LEAF" else { continue }  // onnxruntime ignores these
            guard leafOutputs[t][n].insert(k).inserted else {
                throw context.invalid("gives leaf \(nodeID) of tree \(tree) two weights for \(prefix) \(k)")
            }
            guard weightValues[w].isFinite else {
                throw context.invalid("has a weight that is not finite at leaf \(nodeID) of tree \(tree)")
            }
            leafValues[t][n * outputs + k] = weightValues[w]
            if k == countWeightsOf { leafValues[t][n * outputs + outputCount] = 1 }
            if weightValues[w] < 0 { nonNegative = false }
        }

        // The nodes, tree by tree.
        var trees: [TreeEnsemble.Tree] = []
        var maxFeature = -1
        var firstLeafOutputs: Set<Int>?
        var uniform = true
        var hasWeights = [Bool](repeating: false, count: outputCount)
        for (t, list) in members.enumerated() {
            var nodes: [TreeEnsemble.Node] = []
            nodes.reserveCapacity(list.count)
            for (n, i) in list.enumerated() {
                let place = "node \(nodeIDs[i]) of tree \(treeIDs[i])"
                guard modes[i] != "LEAF" else {
                    let reached = leafOutputs[t][n]
                    guard !reached.isEmpty else { throw context.invalid("has leaf \(place) without a \(prefix) weight") }
                    if let first = firstLeafOutputs { uniform = uniform && first == reached } else { firstLeafOutputs = reached }
                    for k in reached { hasWeights[k] = true }
                    nodes.append(.leaf)
                    continue
                }
                guard let comparison = Self.comparisons[modes[i]] else {
                    throw context.invalid(
                        "has \(place) of mode '\(modes[i])'; modes are BRANCH_LEQ, BRANCH_LT, "
                            + "BRANCH_GTE, BRANCH_GT, BRANCH_EQ, BRANCH_NEQ and LEAF")
                }
                guard featureIDs[i] >= 0, featureIDs[i] < Int(Int32.max) else {
                    throw context.invalid("has \(place) reading feature \(featureIDs[i])")
                }
                guard let left = localIndex[t][trueIDs[i]], let right = localIndex[t][falseIDs[i]] else {
                    let missing = localIndex[t][trueIDs[i]] == nil ? trueIDs[i] : falseIDs[i]
                    throw context.invalid("has \(place) whose child \(missing) is not a node of tree \(treeIDs[i])")
                }
                maxFeature = max(maxFeature, featureIDs[i])
                let tracksTrue = !tracks.isEmpty && tracks[i] == 1
                nodes.append(
                    .split(
                        feature: featureIDs[i], threshold: thresholds[i], comparison: comparison,
                        left: left, right: right, missingGoesLeft: tracksTrue || comparison == .notEqual))
            }
            trees.append(TreeEnsemble.Tree(nodes: nodes, leafValues: leafValues[t]))
        }
        if aggregate == .min || aggregate == .max, !uniform {
            throw context.unsupported("with aggregate_function \(aggregate.rawValue) and leaves weighting different targets")
        }

        let features = maxFeature + 1
        do {
            let zeros = [Double](repeating: 0, count: outputs)
            switch aggregate {
            case .sum, .average:
                ensemble = try TreeEnsemble(
                    trees: trees, inputCount: max(1, features), outputCount: outputs,
                    aggregation: aggregate == .sum ? .sum : .average, baseScores: zeros, maxNodes: context.limits.maxTreeNodes)
                singleTrees = []
            case .min, .max:
                var single: [TreeEnsemble] = []
                for tree in trees {
                    single.append(
                        try TreeEnsemble(
                            trees: [tree], inputCount: max(1, features), outputCount: outputs,
                            baseScores: zeros, maxNodes: context.limits.maxTreeNodes))
                }
                ensemble = nil
                singleTrees = single
            }
        } catch {
            throw context.invalid("has trees that contradict themselves: \(error)")
        }
        self.aggregate = aggregate
        self.outputCount = outputCount
        self.featureCount = max(1, features)
        self.hasWeights = hasWeights
        self.uniformLeaves = uniform
        self.weightsAreNonNegative = nonNegative
        self.countsWeightsOf = countWeightsOf
        self.node = context.name
    }

    /// ONNX node modes as comparisons.
    private static let comparisons: [String: TreeEnsemble.Comparison] = [
        "BRANCH_LEQ": .lessOrEqual, "BRANCH_LT": .lessThan, "BRANCH_GTE": .greaterOrEqual,
        "BRANCH_GT": .greaterThan, "BRANCH_EQ": .equal, "BRANCH_NEQ": .notEqual,
    ]

    /// Values per row that ``scores(_:)`` returns: the outputs, plus the weight count when asked for.
    var valuesPerRow: Int { outputCount + (countsWeightsOf == nil ? 0 : 1) }

    /// Each row's combined leaf values (``valuesPerRow`` a row), before base values and transforms.
    ///
    /// - Throws: ``ONNXError`` (evaluation) when the rows have fewer features than a split reads.
    func scores(_ input: MLMatrix) throws(ONNXError) -> [Double] {
        guard input.columns >= featureCount else {
            throw .evaluation(
                node,
                "a split reads feature \(featureCount - 1), but the input has \(input.columns) "
                    + "features per row")
        }
        let rows = input.leading(featureCount)
        if let ensemble { return try run(ensemble, rows) }
        var combined: [Double] = []
        for tree in singleTrees {
            let values = try run(tree, rows)
            if combined.isEmpty {
                combined = values
            } else if aggregate == .min {
                for i in combined.indices { combined[i] = Swift.min(combined[i], values[i]) }
            } else {
                for i in combined.indices { combined[i] = Swift.max(combined[i], values[i]) }
            }
        }
        return combined
    }

    /// `ensemble`'s raw scores of `rows` (``featureCount`` values a row).
    private func run(_ ensemble: TreeEnsemble, _ rows: [Float]) throws(ONNXError) -> [Double] {
        do {
            return try withFeatureBatch(rows, columns: featureCount) { try ensemble.rawScores($0) }
        } catch {
            throw .evaluation(node, "\(error)")
        }
    }
}
