/// `ai.onnx.ml` `TreeEnsembleRegressor`: `n_targets` outputs per row from a forest
/// (``MLTreeForest``) combined by `aggregate_function`, plus `base_values`, then
/// `post_transform`.
///
/// As onnxruntime: with one target, `base_values` of one value is added and only PROBIT is
/// applied (other transforms leave the value as it is); with several, `base_values` is added
/// when it has one value per target and the transform applies to each row.
enum TreeEnsembleRegressorOperator {
    /// The operator.
    static let op = ONNXOperator(domain: ONNXOperatorRegistry.mlDomain, type: "TreeEnsembleRegressor") { context throws(ONNXError) in
        try context.requireArity(inputs: 1...1)
        let targets = try context.attributes.int("n_targets") ?? 1
        guard targets > 0, targets <= 1 << 16 else { throw context.invalid("has n_targets \(targets)") }
        let aggregateName = try context.choice(
            "aggregate_function", default: "SUM",
            allowed: MLTreeForest.Aggregate.allCases.map(\.rawValue))
        let aggregate = MLTreeForest.Aggregate(rawValue: aggregateName) ?? .sum
        let transform = try MLPostTransform.read(context)
        let base = try context.floatList("base_values") ?? []
        guard base.isEmpty || base.count == targets else {
            throw context.invalid("has \(base.count) base_values for \(targets) targets")
        }
        guard base.allSatisfy(\.isFinite) else { throw context.invalid("has a base value that is not finite") }
        let forest = try MLTreeForest(context, weights: "target", outputCount: targets, aggregate: aggregate)
        return { inputs throws(ONNXError) in
            let input = try MLMatrix(inputs, 0)
            _ = try context.checkedCount([input.rows, targets])
            var scores = try forest.scores(input)
            if !base.isEmpty {
                for i in scores.indices { scores[i] += base[i % targets] }
            }
            if targets > 1 || transform == .probit {
                transform.apply(to: &scores, columns: targets)
            }
            return [.tensor(.floats([input.rows, targets], scores))]
        }
    }
}
