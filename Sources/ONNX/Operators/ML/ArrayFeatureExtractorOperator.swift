/// `ai.onnx.ml` `ArrayFeatureExtractor`: the elements of the last axis of `X` at the
/// `indices` (input 1, integers), for every leading position; a 1-D `X` gives shape
/// `[1, k]`, as onnxruntime does.
enum ArrayFeatureExtractorOperator {
    /// The operator.
    static let op = ONNXOperator(domain: ONNXOperatorRegistry.mlDomain, type: "ArrayFeatureExtractor") { context throws(ONNXError) in
        try context.requireArity(inputs: 2...2)
        return { inputs throws(ONNXError) in
            let x = try inputs.tensor(0)
            guard let indices = try inputs.tensor(1).integers else {
                throw .evaluation(inputs.node, "input 1 (the indices) is not an integer tensor")
            }
            guard let width = x.shape.last, x.rank >= 1 else {
                throw .evaluation(inputs.node, "input 0 is a scalar; it needs at least one axis")
            }
            guard !indices.isEmpty else { throw .evaluation(inputs.node, "no indices are given") }
            for index in indices where !(0..<width).contains(index) {
                throw .evaluation(inputs.node, "index \(index) is outside the last axis of \(width) elements")
            }
            let shape = x.rank == 1 ? [1, indices.count] : Array(x.shape.dropLast()) + [indices.count]
            let count = try context.checkedCount(shape)
            let positions = (0..<count).map { i in (i / indices.count) * width + indices[i % indices.count] }
            func pick<T>(_ values: [T]) -> [T] { positions.map { values[$0] } }
            let storage: ONNXTensor.Storage
            switch x.storage {
            case let .float(v): storage = .float(pick(v))
            case let .double(v): storage = .double(pick(v))
            case let .int64(v): storage = .int64(pick(v))
            case let .int32(v): storage = .int32(pick(v))
            case let .bool(v): storage = .bool(pick(v))
            case let .string(v): storage = .string(pick(v))
            }
            return [.tensor(ONNXTensor(unchecked: shape, storage))]
        }
    }
}
