/// `ai.onnx.ml` `Normalizer`: each row divided by its `norm` — MAX (the largest value, NaNs
/// skipped, as onnxruntime), L1 (the sum of absolute values) or L2 (the Euclidean length).
enum NormalizerOperator {
    /// The operator.
    static let op = ONNXOperator(domain: ONNXOperatorRegistry.mlDomain, type: "Normalizer") { context throws(ONNXError) in
        try context.requireArity(inputs: 1...1)
        let norm = try context.choice("norm", default: "MAX", allowed: ["MAX", "L1", "L2"])
        return { inputs throws(ONNXError) in
            let input = try MLMatrix(inputs, 0)
            var values = input.values.map(Double.init)
            for row in 0..<input.rows {
                let slice = row * input.columns ..< (row + 1) * input.columns
                var divisor = 0.0
                switch norm {
                case "MAX":
                    divisor = -Double(Float.greatestFiniteMagnitude)
                    for v in values[slice] where v > divisor { divisor = v }
                case "L1":
                    divisor = values[slice].reduce(0) { $0 + abs($1) }
                default:
                    divisor = values[slice].reduce(0) { $0 + $1 * $1 }.squareRoot()
                }
                for i in slice { values[i] /= divisor }
            }
            return [.tensor(.floats(input.shape, values))]
        }
    }
}
