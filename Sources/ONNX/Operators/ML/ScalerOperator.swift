/// `ai.onnx.ml` `Scaler`: `(x − offset) · scale`, feature by feature; `offset` and `scale`
/// hold one value for every feature or one value for all.
enum ScalerOperator {
    /// The operator.
    static let op = ONNXOperator(domain: ONNXOperatorRegistry.mlDomain, type: "Scaler") { context throws(ONNXError) in
        try context.requireArity(inputs: 1...1)
        let offset = try context.attributes.floats("offset") ?? []
        let scale = try context.attributes.floats("scale") ?? []
        guard !scale.isEmpty, offset.count == scale.count else {
            throw context.invalid(
                "has \(offset.count) offsets and \(scale.count) scales; they must agree (one per "
                    + "feature, or one for all)")
        }
        guard (offset + scale).allSatisfy(\.isFinite) else { throw context.invalid("has an offset or scale that is not finite") }
        return { inputs throws(ONNXError) in
            let input = try MLMatrix(inputs, 0)
            guard scale.count == 1 || scale.count == input.columns else {
                throw .evaluation(inputs.node, "\(scale.count) scales for \(input.columns) features per row")
            }
            var values = input.values
            let perFeature = scale.count > 1
            for i in values.indices {
                let c = perFeature ? i % input.columns : 0
                values[i] = (values[i] - offset[c]) * scale[c]
            }
            return [.tensor(ONNXTensor(unchecked: input.shape, .float(values)))]
        }
    }
}
