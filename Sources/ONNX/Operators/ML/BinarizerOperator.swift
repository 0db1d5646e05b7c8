/// `ai.onnx.ml` `Binarizer`: 1 where `x > threshold`, 0 elsewhere; a NaN is refused, as
/// onnxruntime refuses it.
enum BinarizerOperator {
    /// The operator.
    static let op = ONNXOperator(domain: ONNXOperatorRegistry.mlDomain, type: "Binarizer") { context throws(ONNXError) in
        try context.requireArity(inputs: 1...1)
        let threshold = try context.attributes.float("threshold", default: 0)
        return { inputs throws(ONNXError) in
            let input = try MLMatrix(inputs, 0)
            guard !input.values.contains(where: \.isNaN) else { throw .evaluation(inputs.node, "the input holds a NaN") }
            return [.tensor(ONNXTensor(unchecked: input.shape, .float(input.values.map { $0 > threshold ? 1 : 0 })))]
        }
    }
}
