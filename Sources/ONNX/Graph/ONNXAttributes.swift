import Foundation

/// A node's attributes, read by name with their type checked.
///
/// A missing attribute reads as `nil` (or the default given); one of the wrong type is an
/// error that names the node and the attribute.
struct ONNXAttributes: Sendable {
    private let node: String
    private let byName: [String: Onnx_AttributeProto]

    init(_ attributes: [Onnx_AttributeProto], node: String) throws(ONNXError) {
        var byName: [String: Onnx_AttributeProto] = [:]
        for attribute in attributes {
            guard byName.updateValue(attribute, forKey: attribute.name) == nil else {
                throw .malformed("node '\(node)' has attribute '\(attribute.name)' twice")
            }
            if !attribute.refAttrName.isEmpty {
                throw ONNXError(.unsupported(detail: "an attribute reference ('\(attribute.name)' in node '\(node)')"))
            }
        }
        self.node = node
        self.byName = byName
    }

    /// Whether attribute `name` is given.
    func has(_ name: String) -> Bool { byName[name] != nil }

    private func attribute(_ name: String, _ type: Onnx_AttributeProto.AttributeType) throws(ONNXError) -> Onnx_AttributeProto? {
        guard let attribute = byName[name] else { return nil }
        // Old exporters leave `type` unset; then trust the field that is filled.
        if attribute.hasType, attribute.type != type {
            throw .malformed("node '\(node)': attribute '\(name)' is \(attribute.type), expected \(type)")
        }
        return attribute
    }

    /// Integer attribute `name`.
    func int(_ name: String) throws(ONNXError) -> Int? {
        try attribute(name, .int).map { Int(truncatingIfNeeded: $0.i) }
    }

    /// Integer attribute `name`, or `defaultValue`.
    func int(_ name: String, default defaultValue: Int) throws(ONNXError) -> Int {
        try int(name) ?? defaultValue
    }

    /// Float attribute `name`.
    func float(_ name: String) throws(ONNXError) -> Float? {
        try attribute(name, .float).map(\.f)
    }

    /// Float attribute `name`, or `defaultValue`.
    func float(_ name: String, default defaultValue: Float) throws(ONNXError) -> Float {
        try float(name) ?? defaultValue
    }

    /// String attribute `name` (UTF-8).
    func string(_ name: String) throws(ONNXError) -> String? {
        guard let bytes = try attribute(name, .string)?.s else { return nil }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw .malformed("node '\(node)': attribute '\(name)' is not UTF-8")
        }
        return text
    }

    /// Integer-list attribute `name`.
    func ints(_ name: String) throws(ONNXError) -> [Int]? {
        try attribute(name, .ints).map { $0.ints.map { Int(truncatingIfNeeded: $0) } }
    }

    /// Integer-list attribute `name` as 64-bit integers.
    func int64s(_ name: String) throws(ONNXError) -> [Int64]? {
        try attribute(name, .ints).map(\.ints)
    }

    /// Float-list attribute `name`.
    func floats(_ name: String) throws(ONNXError) -> [Float]? {
        try attribute(name, .floats).map(\.floats)
    }

    /// String-list attribute `name` (UTF-8).
    func strings(_ name: String) throws(ONNXError) -> [String]? {
        guard let list = try attribute(name, .strings)?.strings else { return nil }
        var result: [String] = []
        for bytes in list {
            guard let text = String(data: bytes, encoding: .utf8) else {
                throw .malformed("node '\(node)': attribute '\(name)' holds a string that is not UTF-8")
            }
            result.append(text)
        }
        return result
    }

    /// Tensor attribute `name`, decoded and checked against `limits`.
    func tensor(_ name: String, limits: ONNXLimits) throws(ONNXError) -> ONNXTensor? {
        guard let proto = try attribute(name, .tensor)?.t else { return nil }
        return try ONNXTensor(proto: proto, what: "attribute '\(name)' of node '\(node)'", limits: limits)
    }
}
