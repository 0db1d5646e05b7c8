import Foundation

extension ONNXOperatorRegistry {
    /// Arithmetic, comparison and logic with broadcasting; unary math.
    static let elementwiseOperators: [ONNXOperator] = [
        arithmetic("Add", { $0 + $1 }, { $0 + $1 }, { $0 &+ $1 }, { $0 &+ $1 }),
        arithmetic("Sub", { $0 - $1 }, { $0 - $1 }, { $0 &- $1 }, { $0 &- $1 }),
        arithmetic("Mul", { $0 * $1 }, { $0 * $1 }, { $0 &* $1 }, { $0 &* $1 }),
        arithmetic("Div", { $0 / $1 }, { $0 / $1 }, { integerDivide($0, $1) }, { integerDivide($0, $1) }),
        arithmetic("Pow", { powf($0, $1) }, { pow($0, $1) }, nil, nil),
        arithmetic("Max", { Swift.max($0, $1) }, { Swift.max($0, $1) }, { Swift.max($0, $1) }, { Swift.max($0, $1) }, variadic: true),
        arithmetic("Min", { Swift.min($0, $1) }, { Swift.min($0, $1) }, { Swift.min($0, $1) }, { Swift.min($0, $1) }, variadic: true),
        arithmetic("Sum", { $0 + $1 }, { $0 + $1 }, { $0 &+ $1 }, { $0 &+ $1 }, variadic: true),
        comparison("Equal", { $0 == $1 }, strings: { $0 == $1 }),
        comparison("Greater", { $0 > $1 }),
        comparison("Less", { $0 < $1 }),
        comparison("GreaterOrEqual", { $0 >= $1 }),
        comparison("LessOrEqual", { $0 <= $1 }),
        logic("And", { $0 && $1 }),
        logic("Or", { $0 || $1 }),
        logic("Xor", { $0 != $1 }),
        ONNXOperator(type: "Not") { context throws(ONNXError) in
            try context.requireArity(inputs: 1...1)
            return { inputs throws(ONNXError) in
                let x = try inputs.tensor(0)
                guard case let .bool(v) = x.storage else { throw .evaluation(inputs.node, "Not needs a bool tensor") }
                return [.tensor(ONNXTensor(unchecked: x.shape, .bool(v.map { !$0 })))]
            }
        },
        unary("Neg", { -$0 }, { -$0 }, integer: { 0 &- $0 }),
        unary("Abs", { Swift.abs($0) }, { Swift.abs($0) }, integer: { $0 < 0 ? 0 &- $0 : $0 }),
        unary("Sqrt", { $0.squareRoot() }, { $0.squareRoot() }),
        unary("Reciprocal", { 1 / $0 }, { 1 / $0 }),
        unary("Exp", { expf($0) }, { exp($0) }),
        unary("Log", { logf($0) }, { log($0) }),
        unary("Erf", { erff($0) }, { erf($0) }),
        unary("Floor", { $0.rounded(.down) }, { $0.rounded(.down) }),
        unary("Ceil", { $0.rounded(.up) }, { $0.rounded(.up) }),
        unary("Round", { $0.rounded(.toNearestOrEven) }, { $0.rounded(.toNearestOrEven) }),
        unary(
            "Sign", { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }, { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) },
            integer: { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }),
        unary("Sin", { sinf($0) }, { sin($0) }),
        unary("Cos", { cosf($0) }, { cos($0) }),
    ]

    /// Integer division as C truncates it; division by zero gives 0 (ONNX leaves it undefined).
    private static func integerDivide<T: FixedWidthInteger>(_ a: T, _ b: T) -> T {
        guard b != 0 else { return 0 }
        return a.dividedReportingOverflow(by: b).partialValue
    }

    /// A binary (or, if `variadic`, n-ary) arithmetic operator over float, double, int64 and
    /// int32 tensors with broadcasting; `nil` closures leave a type unsupported.
    static func arithmetic(
        _ type: String, _ float: @escaping @Sendable (Float, Float) -> Float,
        _ double: @escaping @Sendable (Double, Double) -> Double,
        _ int64: (@Sendable (Int64, Int64) -> Int64)?, _ int32: (@Sendable (Int32, Int32) -> Int32)?,
        variadic: Bool = false
    ) -> ONNXOperator {
        ONNXOperator(type: type) { context throws(ONNXError) in
            try context.requireArity(inputs: variadic ? 1...Int.max : 2...2)
            return { inputs throws(ONNXError) in
                var result = try inputs.tensor(0)
                for index in 1..<max(inputs.count, 1) {
                    let b = try inputs.tensor(index)
                    let shape = try Broadcasting.shape([result.shape, b.shape], node: inputs.node)
                    _ = try context.checkedCount(shape)
                    let a = result
                    // Pow takes an exponent of another type; it is converted to the base's.
                    let bStorage = type == "Pow" ? try converted(b, to: a.elementType, node: inputs.node) : b.storage
                    switch (a.storage, bStorage) {
                    case let (.float(x), .float(y)) where type == "Pow" && y == [2]:
                        // Squares are exact either way; this skips powf (as onnxruntime does).
                        result = ONNXTensor(unchecked: shape, .float(x.map { $0 * $0 }))
                    case let (.float(x), .float(y)):
                        result = ONNXTensor(unchecked: shape, .float(floatArithmetic(type, x, a.shape, y, b.shape, shape, float)))
                    case let (.double(x), .double(y)):
                        result = ONNXTensor(unchecked: shape, .double(Broadcasting.apply(x, a.shape, y, b.shape, output: shape, double)))
                    case let (.int64(x), .int64(y)) where int64 != nil:
                        result = ONNXTensor(unchecked: shape, .int64(Broadcasting.apply(x, a.shape, y, b.shape, output: shape, int64!)))
                    case let (.int32(x), .int32(y)) where int32 != nil:
                        result = ONNXTensor(unchecked: shape, .int32(Broadcasting.apply(x, a.shape, y, b.shape, output: shape, int32!)))
                    default:
                        throw .evaluation(
                            inputs.node, "\(type) of \(a.elementType.name) and \(b.elementType.name) tensors is not supported")
                    }
                }
                return [.tensor(result)]
            }
        }
    }

    /// Float `op` with broadcasting; the four basic operations get loops of their own (their
    /// closures inlined, so the loops vectorize), the same arithmetic as calling `op`.
    private static func floatArithmetic(
        _ type: String, _ x: [Float], _ xShape: [Int], _ y: [Float], _ yShape: [Int], _ shape: [Int],
        _ op: (Float, Float) -> Float
    ) -> [Float] {
        switch type {
        case "Add": return Broadcasting.apply(x, xShape, y, yShape, output: shape) { $0 + $1 }
        case "Sub": return Broadcasting.apply(x, xShape, y, yShape, output: shape) { $0 - $1 }
        case "Mul": return Broadcasting.apply(x, xShape, y, yShape, output: shape) { $0 * $1 }
        case "Div": return Broadcasting.apply(x, xShape, y, yShape, output: shape) { $0 / $1 }
        default: return Broadcasting.apply(x, xShape, y, yShape, output: shape, op)
        }
    }

    /// `tensor`'s elements converted to `type` (numbers only; for Pow's exponent).
    private static func converted(_ tensor: ONNXTensor, to type: ONNXElementType, node: String) throws(ONNXError) -> ONNXTensor.Storage {
        guard let values = tensor.doubles, tensor.elementType != .string else {
            throw .evaluation(node, "a \(tensor.elementType.name) tensor cannot be used as a number")
        }
        switch type {
        case .float: return .float(values.map { Float($0) })
        case .double: return .double(values)
        default: return tensor.storage
        }
    }

    /// A comparison with broadcasting, giving a bool tensor.
    static func comparison(
        _ type: String, _ compare: @escaping @Sendable (Double, Double) -> Bool,
        strings: (@Sendable (String, String) -> Bool)? = nil
    ) -> ONNXOperator {
        ONNXOperator(type: type) { context throws(ONNXError) in
            try context.requireArity(inputs: 2...2)
            return { inputs throws(ONNXError) in
                let a = try inputs.tensor(0), b = try inputs.tensor(1)
                let shape = try Broadcasting.shape([a.shape, b.shape], node: inputs.node)
                _ = try context.checkedCount(shape)
                switch (a.storage, b.storage) {
                case let (.float(x), .float(y)):
                    return [
                        .tensor(
                            ONNXTensor(
                                unchecked: shape,
                                .bool(
                                    Broadcasting.apply(x, a.shape, y, b.shape, output: shape) {
                                        compare(Double($0), Double($1))
                                    })))
                    ]
                case let (.string(x), .string(y)) where strings != nil:
                    return [
                        .tensor(ONNXTensor(unchecked: shape, .bool(Broadcasting.apply(x, a.shape, y, b.shape, output: shape, strings!))))
                    ]
                default:
                    guard a.elementType == b.elementType, let x = a.doubles, let y = b.doubles else {
                        throw .evaluation(
                            inputs.node, "\(type) of \(a.elementType.name) and \(b.elementType.name) tensors is not supported")
                    }
                    return [
                        .tensor(ONNXTensor(unchecked: shape, .bool(Broadcasting.apply(x, a.shape, y, b.shape, output: shape, compare))))
                    ]
                }
            }
        }
    }

    /// A binary logical operator on bool tensors with broadcasting.
    static func logic(_ type: String, _ op: @escaping @Sendable (Bool, Bool) -> Bool) -> ONNXOperator {
        ONNXOperator(type: type) { context throws(ONNXError) in
            try context.requireArity(inputs: 2...2)
            return { inputs throws(ONNXError) in
                let a = try inputs.tensor(0), b = try inputs.tensor(1)
                guard case let .bool(x) = a.storage, case let .bool(y) = b.storage else {
                    throw .evaluation(inputs.node, "\(type) needs bool tensors")
                }
                let shape = try Broadcasting.shape([a.shape, b.shape], node: inputs.node)
                _ = try context.checkedCount(shape)
                return [.tensor(ONNXTensor(unchecked: shape, .bool(Broadcasting.apply(x, a.shape, y, b.shape, output: shape, op))))]
            }
        }
    }

    /// A unary operator on float and double tensors (and integers, when `integer` is given).
    static func unary(
        _ type: String, _ float: @escaping @Sendable (Float) -> Float, _ double: @escaping @Sendable (Double) -> Double,
        integer: (@Sendable (Int64) -> Int64)? = nil
    ) -> ONNXOperator {
        ONNXOperator(type: type) { context throws(ONNXError) in
            try context.requireArity(inputs: 1...1)
            return { inputs throws(ONNXError) in
                let x = try inputs.tensor(0)
                switch x.storage {
                case let .float(v): return [.tensor(ONNXTensor(unchecked: x.shape, .float(v.map(float))))]
                case let .double(v): return [.tensor(ONNXTensor(unchecked: x.shape, .double(v.map(double))))]
                case let .int64(v) where integer != nil: return [.tensor(ONNXTensor(unchecked: x.shape, .int64(v.map(integer!))))]
                case let .int32(v) where integer != nil:
                    return [.tensor(ONNXTensor(unchecked: x.shape, .int32(v.map { Int32(truncatingIfNeeded: integer!(Int64($0))) })))]
                default:
                    throw .evaluation(inputs.node, "\(type) of a \(x.elementType.name) tensor is not supported")
                }
            }
        }
    }
}
