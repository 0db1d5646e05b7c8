/// `ai.onnx.ml` `LinearRegressor`: `targets` outputs per row, `X · coefficientsᵀ + intercepts`,
/// then `post_transform`, which onnxruntime applies to one target only when it is PROBIT.
enum LinearRegressorOperator {
    /// The operator.
    static let op = ONNXOperator(domain: ONNXOperatorRegistry.mlDomain, type: "LinearRegressor") { context throws(ONNXError) in
        try context.requireArity(inputs: 1...1)
        let targets = try context.attributes.int("targets") ?? 1
        guard targets > 0, targets <= 1 << 16 else { throw context.invalid("has targets \(targets)") }
        let transform = try MLPostTransform.read(context)
        let coefficients = (try context.attributes.floats("coefficients") ?? []).map(Double.init)
        let intercepts = (try context.attributes.floats("intercepts") ?? []).map(Double.init)
        guard !coefficients.isEmpty, coefficients.count % targets == 0 else {
            throw context.invalid(
                "has \(coefficients.count) coefficients for \(targets) targets; "
                    + "they must make one row per target")
        }
        guard intercepts.isEmpty || intercepts.count == targets else {
            throw context.invalid("has \(intercepts.count) intercepts for \(targets) targets")
        }
        guard (coefficients + intercepts).allSatisfy(\.isFinite) else {
            throw context.invalid("has a coefficient or intercept that is not finite")
        }
        let features = coefficients.count / targets
        return { inputs throws(ONNXError) in
            let input = try MLMatrix(inputs, 0)
            guard input.columns == features else {
                throw .evaluation(inputs.node, "the input has \(input.columns) features per row, the coefficients \(features)")
            }
            _ = try context.checkedCount([input.rows, targets])
            var scores = MLLinearScores.compute(input, coefficients: coefficients, intercepts: intercepts, rows: targets)
            if targets > 1 || transform == .probit {
                transform.apply(to: &scores, columns: targets)
            }
            return [.tensor(.floats([input.rows, targets], scores))]
        }
    }
}
