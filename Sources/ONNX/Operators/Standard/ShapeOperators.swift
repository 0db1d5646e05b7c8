extension ONNXOperatorRegistry {
    /// Operators that move or relabel elements, make constants, or report shapes.
    static let shapeOperators: [ONNXOperator] = [
        passThrough("Identity"),
        ONNXOperator(type: "Dropout", prepare: prepareDropout),
        ONNXOperator(type: "Flatten", prepare: prepareFlatten),
        ONNXOperator(type: "Reshape", prepare: prepareReshape),
        ONNXOperator(type: "Squeeze", prepare: prepareSqueeze),
        ONNXOperator(type: "Unsqueeze", prepare: prepareUnsqueeze),
        ONNXOperator(type: "Transpose", prepare: prepareTranspose),
        ONNXOperator(type: "Concat", prepare: prepareConcat),
        ONNXOperator(type: "Cast", prepare: prepareCast),
        ONNXOperator(type: "Shape", prepare: prepareShape),
        ONNXOperator(type: "Size") { context throws(ONNXError) in
            try context.requireArity(inputs: 1...1)
            return { inputs throws(ONNXError) in [.tensor(ONNXTensor(unchecked: [], .int64([Int64(try inputs.tensor(0).count)])))] }
        },
        ONNXOperator(type: "Constant", prepare: prepareConstant),
        ONNXOperator(type: "ConstantOfShape", prepare: prepareConstantOfShape),
        ONNXOperator(type: "Expand", prepare: prepareExpand),
    ]

    /// An operator that returns its only input unchanged.
    static func passThrough(_ type: String) -> ONNXOperator {
        ONNXOperator(type: type) { context throws(ONNXError) in
            try context.requireArity(inputs: 1...1)
            return { inputs throws(ONNXError) in [.tensor(try inputs.tensor(0))] }
        }
    }

    /// Dropout at inference: the input unchanged, and an all-true mask when asked for.
    private static func prepareDropout(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: 1...3, maxOutputs: 2)
        if context.constantInputs.count > 2, let training = context.constantInputs[2]?.storage, training != .bool([false]) {
            throw context.unsupported("with training_mode on (dropout applied at inference)")
        }
        let outputs = context.outputCount
        return { inputs throws(ONNXError) in
            let x = try inputs.tensor(0)
            guard outputs == 2 else { return [.tensor(x)] }
            return [.tensor(x), .tensor(ONNXTensor(unchecked: x.shape, .bool([Bool](repeating: true, count: x.count))))]
        }
    }

    /// Flatten: a matrix of the dimensions before `axis` by those from `axis` on.
    private static func prepareFlatten(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: 1...1)
        let axis = try context.attributes.int("axis", default: 1)
        return { inputs throws(ONNXError) in
            let x = try inputs.tensor(0)
            let a = axis < 0 ? axis + x.rank : axis
            guard a >= 0, a <= x.rank else { throw context.failure("axis \(axis) is out of range for rank \(x.rank)") }
            return [.tensor(x.reshaped([x.shape[..<a].reduce(1, *), x.shape[a...].reduce(1, *)]))]
        }
    }

    /// Reshape: 0 copies the input's dimension (unless `allowzero`), one -1 is inferred.
    private static func prepareReshape(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: context.opsetVersion < 5 ? 1...1 : 2...2)
        let attributeShape = try context.attributes.ints("shape")
        let allowZero = try context.attributes.int("allowzero", default: 0) != 0
        return { inputs throws(ONNXError) in
            let x = try inputs.tensor(0)
            let requested: [Int]
            if context.opsetVersion < 5 {
                requested = attributeShape ?? []
            } else {
                guard let values = try inputs.tensor(1).integers else { throw context.failure("the shape must be int64") }
                requested = values
            }
            var shape = requested
            var inferred: Int?
            for (axis, dimension) in requested.enumerated() {
                if dimension == 0 && !allowZero {
                    guard axis < x.rank else { throw context.failure("shape \(requested) copies dimension \(axis) of \(x.shape)") }
                    shape[axis] = x.shape[axis]
                } else if dimension == -1 {
                    guard inferred == nil else { throw context.failure("shape \(requested) has two -1") }
                    inferred = axis
                } else if dimension < 0 {
                    throw context.failure("shape \(requested) has a negative dimension")
                }
            }
            if let inferred {
                shape[inferred] = 1
                let known = ONNXTensor.product(shape) ?? 0
                guard known > 0, x.count % known == 0 else {
                    throw context.failure("\(x.count) elements do not reshape to \(requested)")
                }
                shape[inferred] = x.count / known
            }
            guard ONNXTensor.product(shape) == x.count else {
                throw context.failure("\(x.count) elements of shape \(x.shape) do not reshape to \(requested)")
            }
            return [.tensor(x.reshaped(shape))]
        }
    }

    /// The axes of Squeeze or Unsqueeze: attribute before opset 13, optional input after.
    private static func axes(_ context: ONNXNodeContext, _ inputs: ONNXInputs, fromAttribute: [Int]?) throws(ONNXError) -> [Int]? {
        guard context.opsetVersion >= 13 else { return fromAttribute }
        guard let tensor = try inputs.optionalTensor(1) else { return nil }
        guard let axes = tensor.integers else { throw context.failure("axes must be int64") }
        return axes
    }

    /// Squeeze: drops the given axes (each of size 1), or every axis of size 1.
    private static func prepareSqueeze(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: 1...2)
        let attributeAxes = try context.attributes.ints("axes")
        return { inputs throws(ONNXError) in
            let x = try inputs.tensor(0)
            guard let given = try axes(context, inputs, fromAttribute: attributeAxes) else {
                return [.tensor(x.reshaped(x.shape.filter { $0 != 1 }))]
            }
            var drop = Set<Int>()
            for axis in given {
                let a = try ONNXTensor.normalizedAxis(axis, rank: x.rank, node: inputs.node)
                guard x.shape[a] == 1 else { throw context.failure("cannot squeeze axis \(axis) of shape \(x.shape)") }
                drop.insert(a)
            }
            return [.tensor(x.reshaped(x.shape.enumerated().filter { !drop.contains($0.offset) }.map(\.element)))]
        }
    }

    /// Unsqueeze: inserts axes of size 1 at the given positions of the output.
    private static func prepareUnsqueeze(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: 1...2)
        let attributeAxes = try context.attributes.ints("axes")
        return { inputs throws(ONNXError) in
            let x = try inputs.tensor(0)
            guard let given = try axes(context, inputs, fromAttribute: attributeAxes) else {
                throw context.failure("Unsqueeze needs axes")
            }
            let rank = x.rank + given.count
            var inserted = Set<Int>()
            for axis in given {
                guard inserted.insert(try ONNXTensor.normalizedAxis(axis, rank: rank, node: inputs.node)).inserted else {
                    throw context.failure("axes \(given) repeat an axis")
                }
            }
            var source = x.shape.makeIterator()
            let shape = (0..<rank).map { inserted.contains($0) ? 1 : (source.next() ?? 1) }
            return [.tensor(x.reshaped(shape))]
        }
    }

    /// Transpose by `perm` (default: reversed axes).
    private static func prepareTranspose(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: 1...1)
        let perm = try context.attributes.ints("perm")
        return { inputs throws(ONNXError) in
            let x = try inputs.tensor(0)
            let order = perm ?? Array((0..<x.rank).reversed())
            guard order.count == x.rank, Set(order) == Set(0..<x.rank) else {
                throw context.failure("perm \(order) is not a permutation of \(x.rank) axes")
            }
            let shape = order.map { x.shape[$0] }
            let strides = ONNXTensor.strides(x.shape)
            let permutedStrides = order.map { strides[$0] }
            // Walk the output in order; the source offset follows the permuted strides.
            let indices = Broadcasting.stridedOffsets(shape, strides: permutedStrides, count: x.count)
            return [.tensor(ONNXTensor(unchecked: shape, x.storage.gathering(indices)))]
        }
    }

    /// Concat along `axis`: all other dimensions must agree.
    private static func prepareConcat(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: 1...Int.max)
        guard let axis = try context.attributes.int("axis") else { throw context.unsupported("without an axis") }
        return { inputs throws(ONNXError) in
            var parts: [ONNXTensor] = []
            for index in 0..<inputs.count { parts.append(try inputs.tensor(index)) }
            let first = parts[0]
            let a = try ONNXTensor.normalizedAxis(axis, rank: first.rank, node: inputs.node)
            for part in parts {
                guard part.rank == first.rank, part.elementType == first.elementType,
                    part.shape.enumerated().allSatisfy({ $0.offset == a || $0.element == first.shape[$0.offset] })
                else {
                    throw context.failure("cannot concatenate shapes \(parts.map(\.shape)) along axis \(axis)")
                }
            }
            var shape = first.shape
            shape[a] = parts.reduce(0) { $0 + $1.shape[a] }
            let count = try context.checkedCount(shape)
            let outer = first.shape[..<a].reduce(1, *)
            // Index into the parts laid end to end: for each outer slice, each part's block.
            var offsets: [Int] = []
            var start = 0
            for part in parts { offsets.append(start); start += part.count }
            var indices: [Int] = []
            indices.reserveCapacity(count)
            for o in 0..<outer {
                for (p, part) in parts.enumerated() {
                    let block = part.count / Swift.max(outer, 1)
                    let base = offsets[p] + o * block
                    indices += base..<(base + block)
                }
            }
            guard let joined = ONNXTensor.Storage.joined(parts.map(\.storage)) else { throw context.failure("mixed element types") }
            return [.tensor(ONNXTensor(unchecked: shape, joined.gathering(indices)))]
        }
    }

    /// Cast to the type `to` (numbers and booleans; strings are not converted).
    private static func prepareCast(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: 1...1)
        guard let code = try context.attributes.int("to") else { throw .malformed("Cast node '\(context.name)' has no 'to'") }
        guard let target = ONNXElementType(code: code), target != .string else {
            throw context.unsupported("casting to \(ONNXElementType.name(ofCode: code))")
        }
        return { inputs throws(ONNXError) in
            let x = try inputs.tensor(0)
            return [.tensor(ONNXTensor(unchecked: x.shape, try cast(x, to: target, node: inputs.node)))]
        }
    }

    /// `x`'s elements as `target` (float to integer truncates toward zero, saturating; NaN gives 0).
    static func cast(_ x: ONNXTensor, to target: ONNXElementType, node: String) throws(ONNXError) -> ONNXTensor.Storage {
        if x.elementType == target { return x.storage }
        if case let .float(v) = x.storage, target == .double { return .double(v.map(Double.init)) }
        guard let values = x.doubles else { throw .evaluation(node, "cannot cast a \(x.elementType.name) tensor") }
        func integer(_ d: Double) -> Int64 {
            d.isNaN ? 0 : (Int64(exactly: d.rounded(.towardZero)) ?? (d < 0 ? .min : .max))
        }
        switch target {
        case .float:
            if case let .double(v) = x.storage { return .float(v.map { Float($0) }) }
            return .float(values.map { Float($0) })
        case .double: return .double(values)
        case .int64:
            if case let .int32(v) = x.storage { return .int64(v.map(Int64.init)) }
            return .int64(values.map(integer))
        case .int32: return .int32(values.map { Int32(truncatingIfNeeded: integer($0)) })
        case .bool: return .bool(values.map { $0 != 0 })
        case .string: throw .evaluation(node, "cannot cast to string")
        }
    }

    /// Shape (with `start`/`end` from opset 15).
    private static func prepareShape(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: 1...1)
        let start = try context.attributes.int("start", default: 0)
        let end = try context.attributes.int("end")
        return { inputs throws(ONNXError) in
            let shape = try inputs.tensor(0).shape
            func clamp(_ i: Int) -> Int { Swift.min(Swift.max(i < 0 ? i + shape.count : i, 0), shape.count) }
            let lower = clamp(start), upper = Swift.max(lower, clamp(end ?? shape.count))
            let dims = shape[lower..<upper].map { Int64($0) }
            return [.tensor(ONNXTensor(unchecked: [dims.count], .int64(dims)))]
        }
    }

    /// Constant: its one value attribute as a tensor.
    private static func prepareConstant(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: 0...0)
        let a = context.attributes
        let tensor: ONNXTensor
        if let t = try a.tensor("value", limits: context.limits) {
            tensor = t
        } else if let f = try a.float("value_float") {
            tensor = ONNXTensor(unchecked: [], .float([f]))
        } else if let fs = try a.floats("value_floats") {
            tensor = ONNXTensor(unchecked: [fs.count], .float(fs))
        } else if let i = try a.int("value_int") {
            tensor = ONNXTensor(unchecked: [], .int64([Int64(i)]))
        } else if let list = try a.int64s("value_ints") {
            tensor = ONNXTensor(unchecked: [list.count], .int64(list))
        } else if let s = try a.string("value_string") {
            tensor = ONNXTensor(unchecked: [], .string([s]))
        } else if let ss = try a.strings("value_strings") {
            tensor = ONNXTensor(unchecked: [ss.count], .string(ss))
        } else if a.has("sparse_value") {
            throw ONNXError(.unsupported(detail: "a sparse constant (node '\(context.name)')"))
        } else {
            throw .malformed("Constant node '\(context.name)' has no value")
        }
        return { _ throws(ONNXError) in [.tensor(tensor)] }
    }

    /// ConstantOfShape: a tensor of the given shape filled with `value` (float 0 by default),
    /// its size checked before it is allocated.
    private static func prepareConstantOfShape(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: 1...1)
        let fill = try context.attributes.tensor("value", limits: context.limits) ?? ONNXTensor(unchecked: [1], .float([0]))
        guard fill.count == 1 else { throw .malformed("ConstantOfShape node '\(context.name)' has a value of \(fill.count) elements") }
        return { inputs throws(ONNXError) in
            guard let shape = try inputs.tensor(0).integers else { throw context.failure("the shape must be int64") }
            let count = try context.checkedCount(shape)
            guard let storage = fill.storage.repeatingFirst(count) else { throw context.failure("empty value") }
            return [.tensor(ONNXTensor(unchecked: shape, storage))]
        }
    }

    /// Expand: broadcasts the input to a shape.
    private static func prepareExpand(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: 2...2)
        return { inputs throws(ONNXError) in
            let x = try inputs.tensor(0)
            guard let requested = try inputs.tensor(1).integers else { throw context.failure("the shape must be int64") }
            let shape = try Broadcasting.shape([x.shape, requested], node: inputs.node)
            _ = try context.checkedCount(shape)
            return [.tensor(ONNXTensor(unchecked: shape, x.storage.gathering(Broadcasting.sourceIndices(x.shape, to: shape))))]
        }
    }
}
