/// The element types of ONNX tensors that this tool evaluates, with their
/// `TensorProto.DataType` codes.
enum ONNXElementType: Int, Sendable, CaseIterable {
    /// 32-bit float (`FLOAT`, 1).
    case float = 1
    /// 32-bit signed integer (`INT32`, 6).
    case int32 = 6
    /// 64-bit signed integer (`INT64`, 7).
    case int64 = 7
    /// UTF-8 string (`STRING`, 8).
    case string = 8
    /// Boolean (`BOOL`, 9).
    case bool = 9
    /// 64-bit float (`DOUBLE`, 11).
    case double = 11

    /// The type with ONNX code `code`, or `nil` when it is not one this tool evaluates.
    init?(code: Int) {
        self.init(rawValue: code)
    }

    /// How a message names the type (ONNX's spelling: `float`, `int64`…).
    var name: String { "\(self)" }

    /// Bytes an element takes in `raw_data` (little-endian); `nil` for strings.
    var rawSize: Int? {
        switch self {
        case .float, .int32: return 4
        case .int64, .double: return 8
        case .bool: return 1
        case .string: return nil
        }
    }

    /// How a message names an ONNX type code, including those not evaluated here.
    static func name(ofCode code: Int) -> String {
        let names = [
            0: "undefined", 1: "float", 2: "uint8", 3: "int8", 4: "uint16", 5: "int16", 6: "int32",
            7: "int64", 8: "string", 9: "bool", 10: "float16", 11: "double", 12: "uint32",
            13: "uint64", 14: "complex64", 15: "complex128", 16: "bfloat16",
        ]
        return names[code] ?? "type \(code)"
    }
}
