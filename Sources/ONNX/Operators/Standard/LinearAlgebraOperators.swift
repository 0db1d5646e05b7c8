extension ONNXOperatorRegistry {
    /// MatMul and Gemm.
    static let linearAlgebraOperators: [ONNXOperator] = [
        ONNXOperator(type: "MatMul", prepare: prepareMatMul),
        ONNXOperator(type: "Gemm", prepare: prepareGemm),
    ]

    /// MatMul as numpy.matmul: 1-D operands are promoted, batch dimensions broadcast.
    private static func prepareMatMul(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: 2...2)
        return { inputs throws(ONNXError) in
            let a = try inputs.tensor(0), b = try inputs.tensor(1)
            guard a.rank >= 1, b.rank >= 1 else { throw context.failure("MatMul needs tensors of rank 1 or more") }
            let aShape = a.rank == 1 ? [1] + a.shape : a.shape
            let bShape = b.rank == 1 ? b.shape + [1] : b.shape
            let m = aShape[aShape.count - 2], k = aShape[aShape.count - 1]
            let k2 = bShape[bShape.count - 2], n = bShape[bShape.count - 1]
            guard k == k2 else { throw context.failure("MatMul of shapes \(a.shape) and \(b.shape): inner dimensions differ") }
            let batch = try Broadcasting.shape([Array(aShape.dropLast(2)), Array(bShape.dropLast(2))], node: inputs.node)
            var outShape = batch + [m, n]
            _ = try context.checkedCount(outShape)
            let batchCount = batch.reduce(1, *)
            let aBatches = Broadcasting.sourceIndices(Array(aShape.dropLast(2)), to: batch)
            let bBatches = Broadcasting.sourceIndices(Array(bShape.dropLast(2)), to: batch)
            /// Each batch's product; a stack of matrices times one matrix is one tall product.
            func run<T>(_ x: [T], _ y: [T], _ product: (UnsafeBufferPointer<T>, UnsafeBufferPointer<T>, Int) -> [T]) -> [T] {
                if bShape.count == 2 {
                    return x.withUnsafeBufferPointer { xs in y.withUnsafeBufferPointer { product(xs, $0, batchCount * m) } }
                }
                var out: [T] = []
                out.reserveCapacity(batchCount * m * n)
                for index in 0..<batchCount {
                    let xi = aBatches[index], yi = bBatches[index]
                    out += x.withUnsafeBufferPointer { xs in
                        y.withUnsafeBufferPointer { ys in
                            product(
                                UnsafeBufferPointer(rebasing: xs[(xi * m * k)..<((xi + 1) * m * k)]),
                                UnsafeBufferPointer(rebasing: ys[(yi * k * n)..<((yi + 1) * k * n)]), m)
                        }
                    }
                }
                return out
            }
            if a.rank == 1 { outShape.remove(at: outShape.count - 2) }
            if b.rank == 1 { outShape.removeLast() }
            switch (a.storage, b.storage) {
            case let (.float(x), .float(y)):
                let values = run(x, y) { MatrixProduct.multiply($0, $1, m: $2, k: k, n: n) }
                return [.tensor(ONNXTensor(unchecked: outShape, .float(values)))]
            case let (.double(x), .double(y)):
                let values = run(x, y) { MatrixProduct.multiply($0, $1, m: $2, k: k, n: n) }
                return [.tensor(ONNXTensor(unchecked: outShape, .double(values)))]
            default: throw context.failure("MatMul of \(a.elementType.name) and \(b.elementType.name) tensors is not supported")
            }
        }
    }

    /// Gemm: `alpha * A' * B' + beta * C` with A' and B' optionally transposed; a constant
    /// B is transposed once, when the model is read.
    private static func prepareGemm(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: 2...3)
        let attributes = context.attributes
        let alpha = try attributes.float("alpha", default: 1), beta = try attributes.float("beta", default: 1)
        let transA = try attributes.int("transA", default: 0) != 0
        let transB = try attributes.int("transB", default: 0) != 0
        // The weights, laid out k×n once, when they are constant floats.
        var preparedB: (values: [Float], k: Int, n: Int)?
        if let b = context.constantInputs.count > 1 ? context.constantInputs[1] : nil, b.rank == 2, let values = b.floats {
            preparedB =
                transB
                ? (MatrixProduct.transpose(values, rows: b.shape[0], columns: b.shape[1]), b.shape[1], b.shape[0])
                : (values, b.shape[0], b.shape[1])
        }
        let weights = preparedB
        return { inputs throws(ONNXError) in
            let a = try inputs.floats(0)
            guard a.shape.count == 2 else { throw context.failure("Gemm needs a matrix A, not shape \(a.shape)") }
            let (m, k) = transA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
            let aValues = transA ? MatrixProduct.transpose(a.values, rows: a.shape[0], columns: a.shape[1]) : a.values
            let bMatrix: (values: [Float], k: Int, n: Int)
            if let weights {
                bMatrix = weights
            } else {
                let b = try inputs.floats(1)
                guard b.shape.count == 2 else { throw context.failure("Gemm needs a matrix B, not shape \(b.shape)") }
                bMatrix =
                    transB
                    ? (MatrixProduct.transpose(b.values, rows: b.shape[0], columns: b.shape[1]), b.shape[1], b.shape[0])
                    : (b.values, b.shape[0], b.shape[1])
            }
            guard bMatrix.k == k else { throw context.failure("Gemm: A has \(k) columns but B has \(bMatrix.k) rows") }
            let n = bMatrix.n
            _ = try context.checkedCount([m, n])
            var y = aValues.withUnsafeBufferPointer { xs in
                bMatrix.values.withUnsafeBufferPointer { MatrixProduct.multiply(xs, $0, m: m, k: k, n: n) }
            }
            if alpha != 1 { y = y.map { alpha * $0 } }
            if let c = try inputs.optionalTensor(2) {
                guard let cValues = c.floats else { throw context.failure("Gemm's C must be float") }
                let shape = try Broadcasting.shape([[m, n], c.shape], node: inputs.node)
                guard shape == [m, n] else { throw context.failure("Gemm's C of shape \(c.shape) does not broadcast to [\(m), \(n)]") }
                y = Broadcasting.apply(y, [m, n], cValues, c.shape, output: shape) { $0 + beta * $1 }
            }
            return [.tensor(ONNXTensor(unchecked: [m, n], .float(y)))]
        }
    }
}
