import Foundation

extension ONNXTensor {
    /// Decodes an initializer or constant, checking before allocating that the declared
    /// shape's element count is within `limits` and equals the count of the data given.
    ///
    /// Reads `raw_data` (little-endian) or the typed fields (`float_data`, `int64_data`…);
    /// refuses external data and element types this tool does not evaluate.
    ///
    /// - Parameter what: How messages name the tensor (`initializer 'W'`).
    /// - Throws: ``ONNXError``.
    init(proto: Onnx_TensorProto, what: String, limits: ONNXLimits) throws(ONNXError) {
        if proto.dataLocation == .external || !proto.externalData.isEmpty {
            throw ONNXError(
                .unsupported(
                    detail: "external data for \(what) (weights stored in a separate file); "
                        + "save the model as one file (onnx.save_model(..., save_as_external_data=False))"))
        }
        if proto.hasSegment {
            throw ONNXError(.unsupported(detail: "a segmented tensor (\(what))"))
        }
        let code = Int(proto.dataType)
        guard let type = ONNXElementType(code: code) else {
            throw ONNXError(.unsupported(detail: "element type \(ONNXElementType.name(ofCode: code)) in \(what)"))
        }
        let shape = proto.dims.map { Int(truncatingIfNeeded: $0) }
        let count = try Self.checkedCount(shape, limits: limits, what: what)
        func mismatch(_ given: Int) -> ONNXError {
            .malformed("\(what) declares shape \(shape) (\(count) elements) but holds \(given)")
        }
        if proto.hasRawData && type != .string {
            let raw = proto.rawData
            guard let size = type.rawSize, raw.count == count * size else {
                throw mismatch(raw.count / (type.rawSize ?? 1))
            }
            self.init(unchecked: shape, Self.decodeRaw(raw, type: type, count: count))
            return
        }
        let storage: Storage
        switch type {
        case .float:
            guard proto.floatData.count == count else { throw mismatch(proto.floatData.count) }
            storage = .float(proto.floatData)
        case .double:
            guard proto.doubleData.count == count else { throw mismatch(proto.doubleData.count) }
            storage = .double(proto.doubleData)
        case .int64:
            guard proto.int64Data.count == count else { throw mismatch(proto.int64Data.count) }
            storage = .int64(proto.int64Data)
        case .int32:
            guard proto.int32Data.count == count else { throw mismatch(proto.int32Data.count) }
            storage = .int32(proto.int32Data)
        case .bool:
            guard proto.int32Data.count == count else { throw mismatch(proto.int32Data.count) }
            storage = .bool(proto.int32Data.map { $0 != 0 })
        case .string:
            guard proto.stringData.count == count else { throw mismatch(proto.stringData.count) }
            var strings: [String] = []
            strings.reserveCapacity(count)
            for bytes in proto.stringData {
                guard let text = String(data: bytes, encoding: .utf8) else {
                    throw .malformed("\(what) holds a string that is not UTF-8")
                }
                strings.append(text)
            }
            storage = .string(strings)
        }
        self.init(unchecked: shape, storage)
    }

    /// Decodes `count` little-endian elements of `type` from `raw` (whose size was checked).
    private static func decodeRaw(_ raw: Data, type: ONNXElementType, count: Int) -> Storage {
        func read<T: FixedWidthInteger>(_: T.Type) -> [T] {
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                raw.withUnsafeBytes { bytes in
                    for i in 0..<count {
                        buffer[i] = T(littleEndian: bytes.loadUnaligned(fromByteOffset: i * MemoryLayout<T>.size, as: T.self))
                    }
                }
                initialized = count
            }
        }
        switch type {
        case .float: return .float(read(UInt32.self).map(Float.init(bitPattern:)))
        case .double: return .double(read(UInt64.self).map(Double.init(bitPattern:)))
        case .int64: return .int64(read(Int64.self))
        case .int32: return .int32(read(Int32.self))
        case .bool: return .bool(read(UInt8.self).map { $0 != 0 })
        case .string: return .string([])
        }
    }
}
