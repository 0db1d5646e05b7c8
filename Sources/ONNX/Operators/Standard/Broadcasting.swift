/// NumPy-style broadcasting of tensor shapes, as ONNX's elementwise operators use it.
enum Broadcasting {
    /// The shape `shapes` broadcast to: aligned at the end, each dimension equal or 1.
    ///
    /// - Throws: ``ONNXError`` (evaluation) when two dimensions differ and neither is 1.
    static func shape(_ shapes: [[Int]], node: String) throws(ONNXError) -> [Int] {
        let rank = shapes.map(\.count).max() ?? 0
        var result = [Int](repeating: 1, count: rank)
        for shape in shapes {
            let offset = rank - shape.count
            for (axis, dimension) in shape.enumerated() {
                let current = result[offset + axis]
                if current == dimension || dimension == 1 { continue }
                guard current == 1 else {
                    throw .evaluation(node, "shapes \(shapes.map { "\($0)" }.joined(separator: " and ")) do not broadcast")
                }
                result[offset + axis] = dimension
            }
        }
        return result
    }

    /// For each element of a tensor of shape `output`, the flat index of the element of a
    /// tensor of `shape` (which broadcasts to `output`) that it reads.
    static func sourceIndices(_ shape: [Int], to output: [Int]) -> [Int] {
        let padded = [Int](repeating: 1, count: output.count - shape.count) + shape
        let strides = ONNXTensor.strides(padded).enumerated().map { padded[$0.offset] == 1 ? 0 : $0.element }
        let count = ONNXTensor.product(output) ?? 0
        let own = ONNXTensor.product(shape) ?? 0
        if own == count { return Array(0..<count) }
        guard count > 0, own > 1 else { return [Int](repeating: 0, count: count) }
        return stridedOffsets(output, strides: strides, count: count)
    }

    /// For each element of a tensor of shape `output`, in row-major order, the flat offset
    /// `base + Σ index[axis] × strides[axis]` into another tensor (a broadcast, transposed
    /// or sliced view; strides may be negative).
    static func stridedOffsets(_ output: [Int], strides: [Int], count: Int, base: Int = 0) -> [Int] {
        var indices = [Int](repeating: 0, count: count)
        var counter = [Int](repeating: 0, count: output.count)
        var source = base
        for flat in 0..<count {
            indices[flat] = source
            // Odometer step over `output`, carrying the source offset along.
            var axis = output.count - 1
            while axis >= 0 {
                counter[axis] += 1
                source += strides[axis]
                if counter[axis] < output[axis] { break }
                source -= strides[axis] * counter[axis]
                counter[axis] = 0
                axis -= 1
            }
        }
        return indices
    }

    /// `op` applied elementwise to `a` and `b` broadcast together to `output`.
    ///
    /// Equal shapes and scalars take direct loops; a vector along the last axis repeats
    /// row by row; anything else goes through ``sourceIndices(_:to:)``.
    @inline(__always)
    static func apply<T, R>(
        _ a: [T], _ aShape: [Int], _ b: [T], _ bShape: [Int], output: [Int], _ op: (T, T) -> R
    ) -> [R] {
        let count = ONNXTensor.product(output) ?? 0
        if a.count == count && b.count == count && aShape.drop(while: { $0 == 1 }) == bShape.drop(while: { $0 == 1 }) {
            return [R](unsafeUninitializedCapacity: count) { out, done in
                for i in 0..<count { out.initializeElement(at: i, to: op(a[i], b[i])) }
                done = count
            }
        }
        if b.count == 1 && a.count == count {
            let y = b[0]
            return a.map { op($0, y) }
        }
        if a.count == 1 && b.count == count {
            let x = a[0]
            return b.map { op(x, $0) }
        }
        if let width = output.last, width > 0, a.count == count, b.count == width,
            bShape.last == width, bShape.dropLast().allSatisfy({ $0 == 1 })
        {
            return [R](unsafeUninitializedCapacity: count) { out, done in
                for row in 0..<count / width {
                    let base = row * width
                    for j in 0..<width { out.initializeElement(at: base + j, to: op(a[base + j], b[j])) }
                }
                done = count
            }
        }
        let ai = sourceIndices(aShape, to: output)
        let bi = sourceIndices(bShape, to: output)
        return (0..<count).map { op(a[ai[$0]], b[bi[$0]]) }
    }
}
