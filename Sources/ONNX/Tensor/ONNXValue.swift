/// A value flowing along a graph's edges: a tensor, or one of ONNX's non-tensor types
/// (sequences and maps, as `ai.onnx.ml` ZipMap outputs: a sequence of maps).
public enum ONNXValue: Sendable, Equatable {
    /// A dense tensor.
    case tensor(ONNXTensor)
    /// A sequence of values (of one type).
    case sequence([ONNXValue])
    /// A map from int64 or string keys to values.
    case map(ONNXMap)

    /// The tensor, when this is one.
    public var tensor: ONNXTensor? {
        if case let .tensor(t) = self { return t }
        return nil
    }

    /// How a message names the kind of value.
    var kindName: String {
        switch self {
        case let .tensor(t): return "\(t.elementType.name) tensor of shape \(t.shape)"
        case let .sequence(s): return "sequence of \(s.count) values"
        case .map: return "map"
        }
    }
}

/// An ONNX map: keys (a 1-D int64 or string tensor) and as many values (a 1-D tensor).
public struct ONNXMap: Sendable, Equatable {
    /// The keys, 1-D, int64 or string.
    public let keys: ONNXTensor
    /// The values, 1-D, one per key.
    public let values: ONNXTensor

    /// A map; throws unless `keys` are 1-D int64 or string and `values` has as many elements.
    ///
    /// - Throws: ``ONNXError`` (malformed).
    init(keys: ONNXTensor, values: ONNXTensor) throws(ONNXError) {
        guard keys.elementType == .int64 || keys.elementType == .string else {
            throw .malformed("a map's keys must be int64 or string, not \(keys.elementType.name)")
        }
        guard keys.rank == 1, values.rank == 1, keys.count == values.count else {
            throw .malformed("a map has \(keys.count) keys but \(values.count) values")
        }
        self.keys = keys
        self.values = values
    }

    /// The value (as a double) for the integer key `key`, or for the string key spelling it.
    public func number(forKey key: Int64) -> Double? {
        let index: Int?
        switch keys.storage {
        case let .int64(k): index = k.firstIndex(of: key)
        case let .string(k): index = k.firstIndex(of: String(key))
        default: index = nil
        }
        guard let index, let values = values.doubles, index < values.count else { return nil }
        return values[index]
    }
}
