import Foundation

@testable import ONNX

/// Builds small ONNX models in memory for tests of checks and operators: one float input
/// `x` of shape `[N, width]`, the given nodes and initializers, the given outputs.
struct ModelBuilder {
    var width = 28
    var opset: Int64 = 17
    var nodes: [Onnx_NodeProto] = []
    var initializers: [Onnx_TensorProto] = []
    var outputs: [(name: String, type: Int32, dims: [Int64]?)] = [("y", 1, nil)]

    /// A node of `type` reading `inputs`, writing `outputs`, with `attributes`.
    static func node(
        _ type: String, _ inputs: [String], _ outputs: [String], name: String = "", domain: String = "",
        _ attributes: [Onnx_AttributeProto] = []
    ) -> Onnx_NodeProto {
        var node = Onnx_NodeProto()
        node.opType = type
        node.input = inputs
        node.output = outputs
        node.name = name
        node.domain = domain
        node.attribute = attributes
        return node
    }

    /// An integer attribute.
    static func int(_ name: String, _ value: Int64) -> Onnx_AttributeProto {
        var a = Onnx_AttributeProto()
        a.name = name
        a.type = .int
        a.i = value
        return a
    }

    /// An integer-list attribute.
    static func ints(_ name: String, _ values: [Int64]) -> Onnx_AttributeProto {
        var a = Onnx_AttributeProto()
        a.name = name
        a.type = .ints
        a.ints = values
        return a
    }

    /// A float attribute.
    static func float(_ name: String, _ value: Float) -> Onnx_AttributeProto {
        var a = Onnx_AttributeProto()
        a.name = name
        a.type = .float
        a.f = value
        return a
    }

    /// A float tensor with typed data.
    static func floats(_ name: String, _ dims: [Int64], _ values: [Float]) -> Onnx_TensorProto {
        var t = Onnx_TensorProto()
        t.name = name
        t.dataType = 1
        t.dims = dims
        t.floatData = values
        return t
    }

    /// An int64 tensor with typed data.
    static func int64s(_ name: String, _ dims: [Int64], _ values: [Int64]) -> Onnx_TensorProto {
        var t = Onnx_TensorProto()
        t.name = name
        t.dataType = 7
        t.dims = dims
        t.int64Data = values
        return t
    }

    /// The model, as a protobuf message.
    var proto: Onnx_ModelProto {
        var model = Onnx_ModelProto()
        model.irVersion = 8
        model.producerName = "tests"
        var opsetImport = Onnx_OperatorSetIdProto()
        opsetImport.version = opset
        model.opsetImport = [opsetImport]
        var graph = Onnx_GraphProto()
        graph.name = "test"
        graph.node = nodes
        graph.initializer = initializers
        graph.input = [Self.valueInfo("x", type: 1, dims: [-1, Int64(width)])]
        graph.output = outputs.map { Self.valueInfo($0.name, type: $0.type, dims: $0.dims) }
        model.graph = graph
        return model
    }

    /// The model's bytes.
    var data: Data {
        get throws { try proto.serializedData() }
    }

    /// A tensor value description; a negative dimension is written symbolic (`N`).
    static func valueInfo(_ name: String, type: Int32, dims: [Int64]?) -> Onnx_ValueInfoProto {
        var info = Onnx_ValueInfoProto()
        info.name = name
        var tensor = Onnx_TypeProto.Tensor()
        tensor.elemType = type
        if let dims {
            var shape = Onnx_TensorShapeProto()
            shape.dim = dims.map { value in
                var dimension = Onnx_TensorShapeProto.Dimension()
                if value < 0 { dimension.dimParam = "N" } else { dimension.dimValue = value }
                return dimension
            }
            tensor.shape = shape
        }
        var type = Onnx_TypeProto()
        type.tensorType = tensor
        info.type = type
        return info
    }

    /// Reads the model.
    func load(options: ONNXReadOptions = ONNXReadOptions(), limits: ONNXLimits = ONNXLimits()) throws -> ONNXModel {
        try ONNXModel(data: data, options: options, limits: limits)
    }
}

extension ModelBuilder {
    /// Evaluates the graph on `input` and returns the values named `results` (any kind, not
    /// only a signal output).
    func run(_ input: ONNXTensor, results: [String]) throws -> [ONNXValue] {
        let graph = try ONNXGraph(proto, limits: ONNXLimits())
        return try ONNXProgram(graph: graph, results: results, limits: ONNXLimits()).run(.tensor(input))
    }

    /// Evaluates the graph on `input` and returns result `name` as a tensor.
    func tensor(_ input: ONNXTensor, _ name: String = "y") throws -> ONNXTensor {
        let values = try run(input, results: [name])
        guard let tensor = values.first?.tensor else { throw ONNXError.malformed("no tensor") }
        return tensor
    }
}
