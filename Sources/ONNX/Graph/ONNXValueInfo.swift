/// What a graph declares about one of its inputs or outputs: name, kind, element type and
/// shape (dimensions that are symbolic or missing are `nil`).
public struct ONNXValueInfo: Sendable, Equatable {
    /// The kinds of value a graph can declare.
    public enum Kind: String, Sendable, Equatable {
        /// A tensor.
        case tensor
        /// A sequence (ZipMap's output is a sequence of maps).
        case sequence
        /// A map.
        case map
        /// Anything else, or no type at all.
        case other
    }

    /// The value's name in the graph.
    public let name: String
    /// Its kind.
    public let kind: Kind
    /// The tensor element type's ONNX code, for tensors (0 when not declared).
    let elementTypeCode: Int
    /// The declared dimensions (`nil` entries are symbolic, e.g. the batch); `nil` when no
    /// shape is declared.
    let dimensions: [Int?]?

    /// How a message names the element type (`float`, `int64`…), for tensors.
    var elementTypeName: String { ONNXElementType.name(ofCode: elementTypeCode) }

    /// A short description for messages: `'probabilities' (float [N, 2])`.
    var described: String {
        switch kind {
        case .tensor:
            let shape = dimensions.map { "[" + $0.map { $0.map(String.init) ?? "N" }.joined(separator: ", ") + "]" }
            return "'\(name)' (\(elementTypeName) tensor\(shape.map { " " + $0 } ?? ""))"
        case .sequence: return "'\(name)' (sequence)"
        case .map: return "'\(name)' (map)"
        case .other: return "'\(name)'"
        }
    }

    init(_ proto: Onnx_ValueInfoProto) {
        name = proto.name
        switch proto.type.value {
        case let .tensorType(tensor)?:
            kind = .tensor
            elementTypeCode = Int(tensor.elemType)
            if tensor.hasShape {
                dimensions = tensor.shape.dim.map { dimension in
                    if case let .dimValue(value)? = dimension.value, value >= 0 { return Int(value) }
                    return nil
                }
            } else {
                dimensions = nil
            }
        case .sequenceType?:
            kind = .sequence
            elementTypeCode = 0
            dimensions = nil
        case .mapType?:
            kind = .map
            elementTypeCode = 0
            dimensions = nil
        default:
            kind = .other
            elementTypeCode = 0
            dimensions = nil
        }
    }
}
