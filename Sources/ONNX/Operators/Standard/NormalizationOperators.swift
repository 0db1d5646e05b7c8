extension ONNXOperatorRegistry {
    /// BatchNormalization at inference, LayerNormalization.
    static let normalizationOperators: [ONNXOperator] = [
        ONNXOperator(type: "BatchNormalization", prepare: prepareBatchNormalization),
        ONNXOperator(type: "LayerNormalization", prepare: prepareLayerNormalization),
    ]

    /// LayerNormalization (opset 17): each group of the dimensions from `axis` on is
    /// normalized to mean 0 and variance 1 (statistics summed in double), then scaled and
    /// shifted by `Scale` and `B` broadcast over the group.
    private static func prepareLayerNormalization(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: 2...3)
        let axis = try context.attributes.int("axis", default: -1)
        let epsilon = Double(try context.attributes.float("epsilon", default: 1e-5))
        return { inputs throws(ONNXError) in
            let x = try inputs.floats(0), scale = try inputs.floats(1)
            let bias = try inputs.optionalTensor(2) == nil ? nil : try inputs.floats(2)
            let a = try ONNXTensor.normalizedAxis(axis, rank: x.shape.count, node: inputs.node)
            let size = x.shape[a...].reduce(1, *)
            let groupShape = Array(x.shape[a...])
            for parameter in [scale] + (bias.map { [$0] } ?? []) {
                guard parameter.values.count == size || parameter.values.count == 1,
                    (try? Broadcasting.shape([groupShape, parameter.shape], node: inputs.node)) == groupShape
                else {
                    throw context.failure("Scale or B of shape \(parameter.shape) does not fit groups of shape \(groupShape)")
                }
            }
            var y = x.values
            guard size > 0 else { return [.tensor(ONNXTensor(unchecked: x.shape, .float(y)))] }
            // One value per position in a group; an absent B adds zeros.
            func expanded(_ values: [Float]) -> [Float] {
                values.count == 1 ? [Float](repeating: values[0], count: size) : values
            }
            let scales = expanded(scale.values), biases = expanded(bias?.values ?? [0])
            for start in stride(from: 0, to: y.count, by: size) {
                var mean = 0.0
                for i in start..<(start + size) { mean += Double(y[i]) }
                mean /= Double(size)
                var variance = 0.0
                for i in start..<(start + size) { variance += (Double(y[i]) - mean) * (Double(y[i]) - mean) }
                let inverse = 1 / (variance / Double(size) + epsilon).squareRoot()
                for k in 0..<size {
                    y[start + k] = Float((Double(y[start + k]) - mean) * inverse) * scales[k] + biases[k]
                }
            }
            return [.tensor(ONNXTensor(unchecked: x.shape, .float(y)))]
        }
    }

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
