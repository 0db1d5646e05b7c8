extension ONNXOperatorRegistry {
    /// ReduceSum, ReduceMean, ReduceMax, ReduceMin, ArgMax, ArgMin.
    static let reductionOperators: [ONNXOperator] = [
        reduction("ReduceSum", axesInputSince: 13, start: 0, { $0 + $1 }),
        reduction("ReduceMean", axesInputSince: 18, start: 0, { $0 + $1 }, finish: { $0 / Double($1) }),
        reduction("ReduceMax", axesInputSince: 18, start: -.infinity, { Swift.max($0, $1) }),
        reduction("ReduceMin", axesInputSince: 18, start: .infinity, { Swift.min($0, $1) }),
        argument("ArgMax") { $0 > $1 },
        argument("ArgMin") { $0 < $1 },
    ]

    /// A reduction over `axes` (attribute, or input from opset `axesInputSince`; all axes when
    /// none, unless `noop_with_empty_axes`), keeping reduced axes as 1 when `keepdims`.
    /// Each output element folds its inputs into `start` with `combine` in double, in
    /// memory order, then `finish` gets the total and the count; float results are rounded once.
    static func reduction(
        _ type: String, axesInputSince: Int, start: Double, _ combine: @escaping @Sendable (Double, Double) -> Double,
        finish: @escaping @Sendable (Double, Int) -> Double = { total, _ in total }
    ) -> ONNXOperator {
        ONNXOperator(type: type) { context throws(ONNXError) in
            try context.requireArity(inputs: 1...2)
            let keepDims = try context.attributes.int("keepdims", default: 1) != 0
            let noopWhenEmpty = try context.attributes.int("noop_with_empty_axes", default: 0) != 0
            let attributeAxes = try context.attributes.ints("axes")
            let fromInput = context.opsetVersion >= axesInputSince
            return { inputs throws(ONNXError) in
                let x = try inputs.tensor(0)
                guard let values = x.doubles, x.elementType != .bool else {
                    throw context.failure("\(type) of \(x.elementType.name) is not supported")
                }
                var axes = attributeAxes ?? []
                if fromInput, let tensor = try inputs.optionalTensor(1) {
                    guard let given = tensor.integers else { throw context.failure("axes must be int64") }
                    axes = given
                }
                if axes.isEmpty && noopWhenEmpty { return [.tensor(x)] }
                var reduced = Set<Int>()
                for axis in axes { reduced.insert(try ONNXTensor.normalizedAxis(axis, rank: x.rank, node: inputs.node)) }
                if axes.isEmpty { reduced = Set(0..<x.rank) }
                let kept = (0..<x.rank).filter { !reduced.contains($0) }
                let outShape =
                    keepDims ? x.shape.enumerated().map { reduced.contains($0.offset) ? 1 : $0.element } : kept.map { x.shape[$0] }
                let outCount = kept.map { x.shape[$0] }.reduce(1, *)
                var totals = [Double](repeating: start, count: outCount)
                let keptStrides = ONNXTensor.strides(kept.map { x.shape[$0] })
                // Each input axis's step in the output: 0 for a reduced axis.
                var strides = [Int](repeating: 0, count: x.rank)
                for (k, axis) in kept.enumerated() { strides[axis] = keptStrides[k] }
                var counter = [Int](repeating: 0, count: x.rank)
                var group = 0
                for value in values {
                    totals[group] = combine(totals[group], value)
                    // Odometer over the input; `group` follows the kept axes' strides.
                    var axis = x.rank - 1
                    while axis >= 0 {
                        counter[axis] += 1
                        group += strides[axis]
                        if counter[axis] < x.shape[axis] { break }
                        group -= strides[axis] * counter[axis]
                        counter[axis] = 0
                        axis -= 1
                    }
                }
                let perGroup = outCount == 0 ? 0 : values.count / outCount
                let out = totals.map { finish($0, perGroup) }
                let storage: ONNXTensor.Storage
                switch x.elementType {
                case .float: storage = .float(out.map { Float($0) })
                case .int64: storage = .int64(out.map { Int64(exactly: $0.rounded()) ?? 0 })
                case .int32: storage = .int32(out.map { Int32(exactly: $0.rounded()) ?? 0 })
                default: storage = .double(out)
                }
                return [.tensor(ONNXTensor(unchecked: outShape, storage))]
            }
        }
    }

    /// ArgMax/ArgMin along `axis` (default 0): the first (or, with `select_last_index`, last)
    /// position of the extreme, as int64.
    static func argument(_ type: String, _ better: @escaping @Sendable (Double, Double) -> Bool) -> ONNXOperator {
        ONNXOperator(type: type) { context throws(ONNXError) in
            try context.requireArity(inputs: 1...1)
            let axis = try context.attributes.int("axis", default: 0)
            let keepDims = try context.attributes.int("keepdims", default: 1) != 0
            let last = try context.attributes.int("select_last_index", default: 0) != 0
            return { inputs throws(ONNXError) in
                let x = try inputs.tensor(0)
                guard let values = x.doubles, x.elementType != .bool else {
                    throw context.failure("\(type) of \(x.elementType.name) is not supported")
                }
                let a = try ONNXTensor.normalizedAxis(axis, rank: x.rank, node: inputs.node)
                let length = x.shape[a]
                guard length > 0 else { throw context.failure("\(type) over an empty axis") }
                let outer = x.shape[..<a].reduce(1, *), inner = x.shape[(a + 1)...].reduce(1, *)
                var out: [Int64] = []
                out.reserveCapacity(outer * inner)
                for o in 0..<outer {
                    for i in 0..<inner {
                        var best = 0
                        for k in 1..<length {
                            let candidate = values[(o * length + k) * inner + i], current = values[(o * length + best) * inner + i]
                            if better(candidate, current) || (last && candidate == current) { best = k }
                        }
                        out.append(Int64(best))
                    }
                }
                var shape = x.shape
                if keepDims { shape[a] = 1 } else { shape.remove(at: a) }
                return [.tensor(ONNXTensor(unchecked: shape, .int64(out)))]
            }
        }
    }
}
