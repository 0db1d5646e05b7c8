import Foundation
import SwiftProtobuf

extension Onnx_ModelProto {
    /// Decodes a model file's bytes, bounding message nesting by `limits.maxMessageDepth`.
    ///
    /// - Throws: ``ONNXError``: malformed for bytes that are not a protobuf `ModelProto`
    ///   (truncated, bad wire data), tooLarge past the nesting limit.
    static func decode(_ data: Data, limits: ONNXLimits) throws(ONNXError) -> Onnx_ModelProto {
        var options = BinaryDecodingOptions()
        options.messageDepthLimit = limits.maxMessageDepth
        do {
            return try Onnx_ModelProto(serializedBytes: data, options: options)
        } catch BinaryDecodingError.truncated {
            throw .malformed("the protobuf data ends in the middle of a field (the file is truncated)")
        } catch BinaryDecodingError.messageDepthLimit {
            throw .tooLarge(.maxMessageDepth, limits.maxMessageDepth, "messages are nested too deeply")
        } catch {
            throw .malformed("the bytes are not a protobuf ModelProto (\(error))")
        }
    }
}
