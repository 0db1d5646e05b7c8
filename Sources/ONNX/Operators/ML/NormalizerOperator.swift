/// `ai.onnx.ml` `Normalizer`: each row divided by its `norm` — MAX (the largest value, NaNs
/// skipped, as onnxruntime), L1 (the sum of absolute values) or L2 (the Euclidean length).
enum NormalizerOperator {
    /// The operator.
    static let op = ONNXOperator(domain: ONNXOperatorRegistry.mlDomain, type: "Normalizer") { context throws(ONNXError) in
        try context.requireArity(inputs: 1...1)
        let norm: @Sendable (ArraySlice<Double>) -> Double
        switch try context.choice("norm", default: "MAX", allowed: ["MAX", "L1", "L2"]) {
        case "MAX": norm = largest
        case "L1": norm = { row in row.reduce(0) { $0 + abs($1) } }
        default: norm = { row in row.reduce(0) { $0 + $1 * $1 }.squareRoot() }
        }
        return { inputs throws(ONNXError) in
            let input = try MLMatrix(inputs, 0)
            var values = input.values.map(Double.init)
            for row in 0..<input.rows {
                let slice = row * input.columns..<(row + 1) * input.columns
                let divisor = norm(values[slice])
                for i in slice { values[i] /= divisor }
            }
            return [.tensor(.floats(input.shape, values))]
        }
    }

    /// The largest value of `row` (NaNs skipped; at least `-Float.greatestFiniteMagnitude`).
    private static func largest(_ row: ArraySlice<Double>) -> Double {
        var largest = -Double(Float.greatestFiniteMagnitude)
        for v in row where v > largest { largest = v }
        return largest
    }
}
