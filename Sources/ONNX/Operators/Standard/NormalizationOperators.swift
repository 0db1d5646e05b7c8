extension ONNXOperatorRegistry {
    /// BatchNormalization at inference.
    static let normalizationOperators: [ONNXOperator] = [
        ONNXOperator(type: "BatchNormalization", prepare: prepareBatchNormalization),
    ]

    /// BatchNormalization with the stored statistics, over channel axis 1:
    /// `(x - mean) / sqrt(var + epsilon) * scale + bias`.
    private static func prepareBatchNormalization(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: 5...5, maxOutputs: 1)
        if try context.attributes.int("training_mode", default: 0) != 0 {
            throw context.unsupported("in training mode")
        }
        let epsilon = try context.attributes.float("epsilon", default: 1e-5)
        return { inputs throws(ONNXError) in
            let x = try inputs.floats(0)
            let scale = try inputs.floats(1).values, bias = try inputs.floats(2).values
            let mean = try inputs.floats(3).values, variance = try inputs.floats(4).values
            let channels = x.shape.count >= 2 ? x.shape[1] : 1
            guard [scale, bias, mean, variance].allSatisfy({ $0.count == channels }) else {
                throw context.failure("the statistics do not have \(channels) channels for input \(x.shape)")
            }
            let spatial = x.shape.count > 2 ? x.shape[2...].reduce(1, *) : 1
            let multiplier = (0..<channels).map { scale[$0] / (variance[$0] + epsilon).squareRoot() }
            var y = x.values
            for index in y.indices {
                let c = (index / spatial) % channels
                y[index] = (y[index] - mean[c]) * multiplier[c] + bias[c]
            }
            return [.tensor(ONNXTensor(unchecked: x.shape, .float(y)))]
        }
    }
}
