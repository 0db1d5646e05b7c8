/// `ai.onnx.ml` `LinearClassifier`: scores `X · coefficientsᵀ + intercepts` (one row of
/// coefficients per class, `intercepts` giving the number of rows), a label, and
/// `post_transform`.
///
/// As onnxruntime: with one coefficient row and two labels (a binary model), the score `s`
/// becomes `[1 − t, t]` with `t = σ(s)` for LOGISTIC and `t = s` otherwise, and the label is
/// the second when `s > 0`; with several rows the transform applies to each row and the
/// label is the highest raw score's. One row with PROBIT, or with other than two labels, is
/// refused (onnxruntime's output there is not a probability per class); `multi_class` does
/// not change the result.
enum LinearClassifierOperator {
    /// The operator.
    static let op = ONNXOperator(domain: ONNXOperatorRegistry.mlDomain, type: "LinearClassifier") { context throws(ONNXError) in
        try context.requireArity(inputs: 1...1, maxOutputs: 2)
        let labels = try context.classLabels(intsName: "classlabels_ints", stringsName: "classlabels_strings")
        let transform = try MLPostTransform.read(context)
        let coefficients = (try context.attributes.floats("coefficients") ?? []).map(Double.init)
        let intercepts = (try context.attributes.floats("intercepts") ?? []).map(Double.init)
        let classRows = intercepts.count
        guard classRows > 0 else { throw context.invalid("has no intercepts (one per class)") }
        guard !coefficients.isEmpty, coefficients.count % classRows == 0 else {
            throw context.invalid(
                "has \(coefficients.count) coefficients for \(classRows) intercepts; "
                    + "they must make one row per intercept")
        }
        guard (coefficients + intercepts).allSatisfy(\.isFinite) else {
            throw context.invalid("has a coefficient or intercept that is not finite")
        }
        let features = coefficients.count / classRows
        if classRows == 1 {
            guard labels.count == 2 else {
                throw context.unsupported("with one coefficient row and \(labels.count) class labels")
            }
            guard transform != .probit else {
                throw context.unsupported("with one coefficient row and post_transform PROBIT")
            }
        } else {
            guard labels.count == classRows else {
                throw context.invalid("has \(labels.count) class labels for \(classRows) coefficient rows")
            }
        }
        let outputs = context.outputCount
        return { inputs throws(ONNXError) in
            let input = try MLMatrix(inputs, 0)
            guard input.columns == features else {
                throw .evaluation(inputs.node, "the input has \(input.columns) features per row, the coefficients \(features)")
            }
            _ = try context.checkedCount([input.rows, max(classRows, 2)])
            var scores = MLLinearScores.compute(input, coefficients: coefficients, intercepts: intercepts, rows: classRows)
            var predicted = [Int](repeating: 0, count: input.rows)
            let probabilities: [Double]
            if classRows == 1 {
                var pairs = [Double](repeating: 0, count: input.rows * 2)
                for (row, s) in scores.enumerated() {
                    predicted[row] = s > 0 ? 1 : 0
                    let t = transform == .logistic ? MLPostTransform.logistic(s) : s
                    pairs[2 * row] = 1 - t
                    pairs[2 * row + 1] = t
                }
                probabilities = pairs
            } else {
                for row in 0..<input.rows {
                    var best = 0
                    for k in 1..<classRows where scores[row * classRows + k] > scores[row * classRows + best] { best = k }
                    predicted[row] = best
                }
                transform.apply(to: &scores, columns: classRows)
                probabilities = scores
            }
            let label = ONNXValue.tensor(labels.tensor(predicted))
            let columns = classRows == 1 ? 2 : classRows
            return outputs == 1 ? [label] : [label, .tensor(.floats([input.rows, columns], probabilities))]
        }
    }
}
