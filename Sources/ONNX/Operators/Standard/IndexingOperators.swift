extension ONNXOperatorRegistry {
    /// Gather, Slice and Where.
    static let indexingOperators: [ONNXOperator] = [
        ONNXOperator(type: "Gather", prepare: prepareGather),
        ONNXOperator(type: "Slice", prepare: prepareSlice),
        ONNXOperator(type: "Where", prepare: prepareWhere),
    ]

    /// Gather along `axis` (default 0); negative indices count from the end, others out of
    /// range are refused.
    private static func prepareGather(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: 2...2)
        let axis = try context.attributes.int("axis", default: 0)
        return { inputs throws(ONNXError) in
            let data = try inputs.tensor(0), indexTensor = try inputs.tensor(1)
            guard let indices = indexTensor.integers else { throw context.failure("indices must be int64 or int32") }
            let a = try ONNXTensor.normalizedAxis(axis, rank: data.rank, node: inputs.node)
            let length = data.shape[a]
            let outer = data.shape[..<a].reduce(1, *), inner = data.shape[(a + 1)...].reduce(1, *)
            let shape = Array(data.shape[..<a]) + indexTensor.shape + Array(data.shape[(a + 1)...])
            let count = try context.checkedCount(shape)
            var resolved: [Int] = []
            for index in indices {
                let i = index < 0 ? index + length : index
                guard i >= 0, i < length else { throw context.failure("index \(index) is out of range for length \(length)") }
                resolved.append(i)
            }
            var flat: [Int] = []
            flat.reserveCapacity(count)
            for o in 0..<outer {
                for i in resolved {
                    let base = (o * length + i) * inner
                    flat += base..<(base + inner)
                }
            }
            return [.tensor(ONNXTensor(unchecked: shape, data.storage.gathering(flat)))]
        }
    }

    /// Slice: `starts`, `ends`, `axes` attributes before opset 10; from 10 inputs, plus `steps`.
    /// Bounds are clamped as numpy does.
    private static func prepareSlice(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        let modern = context.opsetVersion >= 10
        try context.requireArity(inputs: modern ? 3...5 : 1...1)
        let attributes = context.attributes
        let attributeStarts = try attributes.ints("starts"), attributeEnds = try attributes.ints("ends")
        let attributeAxes = try attributes.ints("axes")
        return { inputs throws(ONNXError) in
            let x = try inputs.tensor(0)
            func integers(_ index: Int) throws(ONNXError) -> [Int]? {
                guard let tensor = try inputs.optionalTensor(index) else { return nil }
                guard let values = tensor.integers else { throw context.failure("input \(index) must be int64") }
                return values
            }
            guard let starts = modern ? try integers(1) : attributeStarts,
                let ends = modern ? try integers(2) : attributeEnds
            else {
                throw context.failure("Slice needs starts and ends")
            }
            let axes = (modern ? try integers(3) : attributeAxes) ?? Array(0..<starts.count)
            let steps = (modern ? try integers(4) : nil) ?? [Int](repeating: 1, count: starts.count)
            guard ends.count == starts.count, axes.count == starts.count, steps.count == starts.count else {
                throw context.failure("starts, ends, axes and steps differ in length")
            }
            var begin = [Int](repeating: 0, count: x.rank), step = [Int](repeating: 1, count: x.rank)
            var shape = x.shape
            for (k, axis) in axes.enumerated() {
                let a = try ONNXTensor.normalizedAxis(axis, rank: x.rank, node: inputs.node)
                // A step longer than the axis takes at most one element, whatever its size.
                let length = x.shape[a], s = Swift.max(Swift.min(steps[k], length + 1), -(length + 1))
                guard s != 0 else { throw context.failure("a step is 0") }
                func resolve(_ v: Int, low: Int, high: Int) -> Int {
                    let i = v < 0 ? (v < -length ? -1 : v + length) : v
                    return Swift.min(Swift.max(i, low), high)
                }
                let (b, e) =
                    s > 0
                    ? (resolve(starts[k], low: 0, high: length), resolve(ends[k], low: 0, high: length))
                    : (resolve(starts[k], low: -1, high: length - 1), resolve(ends[k], low: -1, high: length - 1))
                begin[a] = b
                step[a] = s
                shape[a] = s > 0 ? Swift.max(0, (e - b + s - 1) / s) : Swift.max(0, (b - e - s - 1) / -s)
            }
            let count = try context.checkedCount(shape)
            // Element `index` of the slice is `begin + index × step` of x, axis by axis.
            let strides = ONNXTensor.strides(x.shape)
            let indices = Broadcasting.stridedOffsets(
                shape, strides: zip(strides, step).map(*), count: count,
                base: zip(begin, strides).map(*).reduce(0, +))
            return [.tensor(ONNXTensor(unchecked: shape, x.storage.gathering(indices)))]
        }
    }

    /// Where: elements of X where the condition holds, else of Y, all broadcast together.
    private static func prepareWhere(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: 3...3)
        return { inputs throws(ONNXError) in
            let condition = try inputs.tensor(0), x = try inputs.tensor(1), y = try inputs.tensor(2)
            guard case let .bool(flags) = condition.storage else { throw context.failure("the condition must be bool") }
            guard x.elementType == y.elementType else { throw context.failure("X and Y differ in element type") }
            let shape = try Broadcasting.shape([condition.shape, x.shape, y.shape], node: inputs.node)
            let count = try context.checkedCount(shape)
            let ci = Broadcasting.sourceIndices(condition.shape, to: shape)
            let xi = Broadcasting.sourceIndices(x.shape, to: shape), yi = Broadcasting.sourceIndices(y.shape, to: shape)
            // X's elements come first in the joined storage, Y's after them.
            let indices = (0..<count).map { flags[ci[$0]] ? xi[$0] : x.count + yi[$0] }
            guard let joined = ONNXTensor.Storage.joined([x.storage, y.storage]) else { throw context.failure("mixed element types") }
            return [.tensor(ONNXTensor(unchecked: shape, joined.gathering(indices)))]
        }
    }
}
