/// A dense tensor: a shape and its elements in row-major (C) order.
///
/// A value type; copies share storage until written. The element count always equals the
/// product of the shape (checked when built from untrusted data).
public struct ONNXTensor: Sendable, Equatable {
    /// The elements, typed.
    enum Storage: Sendable, Equatable {
        /// 32-bit floats.
        case float([Float])
        /// 64-bit floats.
        case double([Double])
        /// 64-bit integers.
        case int64([Int64])
        /// 32-bit integers.
        case int32([Int32])
        /// Booleans.
        case bool([Bool])
        /// Strings.
        case string([String])

        /// How many elements.
        var count: Int {
            switch self {
            case let .float(v): return v.count
            case let .double(v): return v.count
            case let .int64(v): return v.count
            case let .int32(v): return v.count
            case let .bool(v): return v.count
            case let .string(v): return v.count
            }
        }

        /// The element type.
        var elementType: ONNXElementType {
            switch self {
            case .float: return .float
            case .double: return .double
            case .int64: return .int64
            case .int32: return .int32
            case .bool: return .bool
            case .string: return .string
            }
        }
    }

    /// The dimensions, outermost first; empty for a scalar.
    public let shape: [Int]
    /// The elements.
    let storage: Storage

    /// A tensor; throws when `storage` does not hold exactly the shape's element count or a
    /// dimension is negative.
    ///
    /// - Throws: ``ONNXError`` (malformed).
    init(shape: [Int], storage: Storage) throws(ONNXError) {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw .malformed("a tensor has a negative dimension in shape \(shape)")
        }
        let expected = Self.product(shape)
        guard expected == storage.count else {
            throw .malformed(
                "a tensor of shape \(shape) needs \(expected.map(String.init) ?? "too many") elements, "
                    + "but \(storage.count) are given")
        }
        self.shape = shape
        self.storage = storage
    }

    /// A tensor built by code that computed `storage` for `shape` (a programmer error if they
    /// disagree).
    init(unchecked shape: [Int], _ storage: Storage) {
        precondition(Self.product(shape) == storage.count, "ONNXTensor: \(storage.count) elements for \(shape)")
        self.shape = shape
        self.storage = storage
    }

    /// A float tensor of `shape` (checked).
    init(shape: [Int], floats: [Float]) throws(ONNXError) {
        try self.init(shape: shape, storage: .float(floats))
    }

    /// How many elements.
    public var count: Int { storage.count }
    /// The element type.
    var elementType: ONNXElementType { storage.elementType }
    /// The number of dimensions.
    public var rank: Int { shape.count }

    /// The elements if they are 32-bit floats.
    var floats: [Float]? {
        if case let .float(v) = storage { return v }
        return nil
    }

    /// The elements if they are 64-bit integers.
    var int64s: [Int64]? {
        if case let .int64(v) = storage { return v }
        return nil
    }

    /// The elements if they are strings.
    public var strings: [String]? {
        if case let .string(v) = storage { return v }
        return nil
    }

    /// The elements as doubles (booleans as 0/1); `nil` for strings.
    var doubles: [Double]? {
        switch storage {
        case let .float(v): return v.map(Double.init)
        case let .double(v): return v
        case let .int64(v): return v.map(Double.init)
        case let .int32(v): return v.map(Double.init)
        case let .bool(v): return v.map { $0 ? 1 : 0 }
        case .string: return nil
        }
    }

    /// The elements as integers (for shapes, axes and indices): int64 or int32 tensors only.
    var integers: [Int]? {
        switch storage {
        case let .int64(v): return v.map { Int(truncatingIfNeeded: $0) }
        case let .int32(v): return v.map(Int.init)
        default: return nil
        }
    }

    /// The product of `shape`, or `nil` on overflow.
    static func product(_ shape: [Int]) -> Int? {
        var total = 1
        for dimension in shape {
            let (next, overflow) = total.multipliedReportingOverflow(by: dimension)
            if overflow { return nil }
            total = next
        }
        return total
    }

    /// The element count of `shape`, checked against `limits.maxTensorElements` before
    /// anything is allocated.
    ///
    /// - Parameter what: How the message names the tensor (`initializer 'W'`, `the output of node 'x'`).
    /// - Throws: ``ONNXError`` (tooLarge, or malformed for a negative dimension).
    static func checkedCount(_ shape: [Int], limits: ONNXLimits, what: String) throws(ONNXError) -> Int {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw .malformed("\(what) has a negative dimension in shape \(shape)")
        }
        guard let count = product(shape), count <= limits.maxTensorElements else {
            throw .tooLarge(
                .maxTensorElements, limits.maxTensorElements,
                "\(what) has shape \(shape), more elements than allowed")
        }
        return count
    }
}
