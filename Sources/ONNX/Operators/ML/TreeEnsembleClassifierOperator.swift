/// `ai.onnx.ml` `TreeEnsembleClassifier`: a label and one score per class for each row, from a
/// forest (``MLTreeForest``, summed) plus `base_values`, then `post_transform`.
///
/// Binary models follow onnxruntime's conventions exactly (see ``MLBinaryTreeScores``); with
/// three or more classes, `base_values` (none, or one per class) is added and the transform
/// applies to each row.
enum TreeEnsembleClassifierOperator {
    /// The operator.
    static let op = ONNXOperator(domain: ONNXOperatorRegistry.mlDomain, type: "TreeEnsembleClassifier") { context throws(ONNXError) in
        try context.requireArity(inputs: 1...1, maxOutputs: 2)
        let labels = try context.classLabels(intsName: "classlabels_int64s", stringsName: "classlabels_strings")
        let classes = labels.count
        guard classes <= 1 << 16 else { throw context.invalid("has \(classes) class labels") }
        let transform = try MLPostTransform.read(context)
        let base = try context.floatList("base_values") ?? []
        guard base.allSatisfy(\.isFinite) else { throw context.invalid("has a base value that is not finite") }
        guard classes > 1 else { throw context.invalid("has \(classes) class label; a classifier has two or more") }
        if classes == 2 {
            guard base.count <= 2 else { throw context.invalid("has \(base.count) base_values for 2 classes") }
        } else {
            guard base.isEmpty || base.count == classes else {
                throw context.invalid("has \(base.count) base_values for \(classes) classes")
            }
        }
        // Binary models whose leaves do not all weight class 1 need to know, row by row,
        // whether a reached leaf did.
        let plain = try MLTreeForest(context, weights: "class", outputCount: classes, aggregate: .sum)
        let forest =
            classes == 2 && !plain.uniformLeaves && plain.hasWeights[1] && plain.hasWeights[0]
            ? try MLTreeForest(context, weights: "class", outputCount: classes, aggregate: .sum, countWeightsOf: 1)
            : plain
        let binary = classes == 2 ? try MLBinaryTreeScores(forest: forest, base: base, transform: transform, context: context) : nil
        let outputs = context.outputCount
        return { inputs throws(ONNXError) in
            let input = try MLMatrix(inputs, 0)
            _ = try context.checkedCount([input.rows, forest.valuesPerRow])
            let raw = try forest.scores(input)
            let (scores, predicted): ([Double], [Int])
            if let binary {
                (scores, predicted) = binary.finish(raw, rows: input.rows)
            } else {
                (scores, predicted) = Self.multiclass(
                    raw, rows: input.rows, classes: classes, base: base,
                    scoring: forest.hasWeights, transform: transform)
            }
            let label = ONNXValue.tensor(labels.tensor(predicted))
            return outputs == 1 ? [label] : [label, .tensor(.floats([input.rows, classes], scores))]
        }
    }

    /// Three or more classes: base values added, the label is the highest score among the classes
    /// some leaf weights (before the transform), then the transform.
    static func multiclass(
        _ raw: [Double], rows: Int, classes: Int, base: [Double], scoring: [Bool],
        transform: MLPostTransform
    ) -> ([Double], [Int]) {
        var scores = raw
        var predicted = [Int](repeating: 0, count: rows)
        for row in 0..<rows {
            var best = -1
            for k in 0..<classes {
                let i = row * classes + k
                if !base.isEmpty { scores[i] += base[k] }
                if scoring[k], best < 0 || scores[i] > scores[row * classes + best] { best = k }
            }
            predicted[row] = max(best, 0)
        }
        transform.apply(to: &scores, columns: classes)
        return (scores, predicted)
    }
}
