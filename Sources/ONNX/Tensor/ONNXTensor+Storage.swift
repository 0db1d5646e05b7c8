extension ONNXTensor.Storage {
    /// The elements at flat positions `indices`, in that order (each checked by the caller
    /// to be in range).
    func gathering(_ indices: [Int]) -> Self {
        switch self {
        case let .float(v): return .float(indices.map { v[$0] })
        case let .double(v): return .double(indices.map { v[$0] })
        case let .int64(v): return .int64(indices.map { v[$0] })
        case let .int32(v): return .int32(indices.map { v[$0] })
        case let .bool(v): return .bool(indices.map { v[$0] })
        case let .string(v): return .string(indices.map { v[$0] })
        }
    }

    /// All of `parts`' elements one after another, when they share one element type.
    static func joined(_ parts: [Self]) -> Self? {
        guard let first = parts.first else { return nil }
        func all<T>(_ extract: (Self) -> [T]?) -> [T]? {
            var result: [T] = []
            result.reserveCapacity(parts.reduce(0) { $0 + $1.count })
            for part in parts {
                guard let values = extract(part) else { return nil }
                result += values
            }
            return result
        }
        switch first {
        case .float: return all { if case let .float(v) = $0 { v } else { nil } }.map(Self.float)
        case .double: return all { if case let .double(v) = $0 { v } else { nil } }.map(Self.double)
        case .int64: return all { if case let .int64(v) = $0 { v } else { nil } }.map(Self.int64)
        case .int32: return all { if case let .int32(v) = $0 { v } else { nil } }.map(Self.int32)
        case .bool: return all { if case let .bool(v) = $0 { v } else { nil } }.map(Self.bool)
        case .string: return all { if case let .string(v) = $0 { v } else { nil } }.map(Self.string)
        }
    }

    /// `count` copies of the first element (for ConstantOfShape); `nil` when empty.
    func repeatingFirst(_ count: Int) -> Self? {
        switch self {
        case let .float(v): return v.first.map { .float([Float](repeating: $0, count: count)) }
        case let .double(v): return v.first.map { .double([Double](repeating: $0, count: count)) }
        case let .int64(v): return v.first.map { .int64([Int64](repeating: $0, count: count)) }
        case let .int32(v): return v.first.map { .int32([Int32](repeating: $0, count: count)) }
        case let .bool(v): return v.first.map { .bool([Bool](repeating: $0, count: count)) }
        case let .string(v): return v.first.map { .string([String](repeating: $0, count: count)) }
        }
    }
}

extension ONNXTensor {
    /// The same elements under `shape` (same count, checked by the caller).
    func reshaped(_ shape: [Int]) -> ONNXTensor {
        ONNXTensor(unchecked: shape, storage)
    }

    /// Strides of a row-major tensor of `shape`.
    static func strides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var step = 1
        for axis in shape.indices.reversed() {
            strides[axis] = step
            step *= shape[axis]
        }
        return strides
    }

    /// `axis` (possibly negative, counted from the end) as an index into `rank` dimensions.
    ///
    /// - Throws: ``ONNXError`` (evaluation) when out of range.
    static func normalizedAxis(_ axis: Int, rank: Int, node: String) throws(ONNXError) -> Int {
        let resolved = axis < 0 ? axis + rank : axis
        guard resolved >= 0, resolved < rank else {
            throw .evaluation(node, "axis \(axis) is out of range for rank \(rank)")
        }
        return resolved
    }
}
