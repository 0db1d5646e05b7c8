import Foundation

/// An ONNX model read from a file and checked, ready to evaluate: its metadata, its one
/// data input, the output read as the signal probability, and the compiled graph.
///
/// Reading decodes the protobuf (bounded nesting), checks the graph (``ONNXLimits``),
/// chooses the output, prepares a kernel per node and folds constants; every refusal is
/// an ``ONNXError``. Nothing in the file is executed.
public struct ONNXModel: Sendable {
    /// One node of the graph, for summaries.
    public struct Node: Sendable, Equatable {
        /// The node's name (or `OpType#index`).
        public let name: String
        /// Its operator, e.g. `Gemm`.
        public let opType: String
        /// Its domain, `ai.onnx` or `ai.onnx.ml`.
        public let domain: String
        /// The values it reads.
        public let inputs: [String]
        /// Numbers in the initializers it reads.
        public let parameterCount: Int
    }

    /// The file's IR version.
    public let irVersion: Int
    /// The program that wrote the file (`pytorch`, `tf2onnx`, `skl2onnx`…), if recorded.
    public let producerName: String?
    /// Its version, if recorded.
    public let producerVersion: String?
    /// The graph's name, if recorded.
    public let graphName: String?
    /// Imported operator-set versions by domain (`ai.onnx` for the standard one).
    public let opsets: [String: Int]
    /// The data input.
    public let input: ONNXValueInfo
    /// Features per row: the input's declared width, or the options' default when symbolic.
    public let inputWidth: Int
    /// The output read as the signal probability.
    public let output: ONNXOutputReading
    /// The graph's nodes, in evaluation order (before constants are folded).
    public let nodes: [Node]
    /// Numbers in the initializers.
    public let parameterCount: Int
    /// Rows per evaluation: the input's fixed batch size, if it declares one.
    let fixedBatch: Int?
    let program: ONNXProgram

    /// Reads a model file's bytes.
    ///
    /// - Throws: ``ONNXError``.
    public init(data: Data, options: ONNXReadOptions = ONNXReadOptions(), limits: ONNXLimits = ONNXLimits()) throws(ONNXError) {
        let proto = try Onnx_ModelProto.decode(data, limits: limits)
        let graph = try ONNXGraph(proto, limits: limits)
        irVersion = Int(proto.irVersion)
        producerName = proto.producerName.isEmpty ? nil : proto.producerName
        producerVersion = proto.producerVersion.isEmpty ? nil : proto.producerVersion
        graphName = proto.graph.name.isEmpty ? nil : proto.graph.name
        opsets = graph.opsets.versions
        input = graph.input
        nodes = graph.nodes.map { node in
            Node(
                name: node.name, opType: node.opType, domain: node.domain, inputs: node.inputs,
                parameterCount: Set(node.inputs).reduce(0) { $0 + (graph.initializers[$1]?.count ?? 0) })
        }
        parameterCount = graph.parameterCount

        guard input.kind == .tensor,
            input.elementTypeCode == ONNXElementType.float.rawValue || input.elementTypeCode == ONNXElementType.double.rawValue
        else {
            throw .malformed("its input \(input.described) is not a float tensor; a float matrix [rows, 28] is expected")
        }
        if let dimensions = input.dimensions {
            guard dimensions.count == 2 else {
                throw .malformed("its input \(input.described) has \(dimensions.count) dimensions; a matrix [rows, 28] is expected")
            }
            inputWidth = dimensions[1] ?? options.defaultInputWidth
            fixedBatch = dimensions[0].flatMap { $0 > 0 ? $0 : nil }
        } else {
            inputWidth = options.defaultInputWidth
            fixedBatch = nil
        }
        output = try ONNXOutputReading(graph: graph, options: options)
        program = try ONNXProgram(graph: graph, results: [output.name], limits: limits)
    }

    /// Evaluates the graph on `rows` rows of ``inputWidth`` features (row-major) and returns
    /// the chosen output's value, as the graph computes it.
    ///
    /// - Throws: ``ONNXError``.
    func evaluate(rows: Int, features: [Float]) throws(ONNXError) -> ONNXValue {
        try evaluate(rows: rows, features: features, exact: nil, observe: nil)
    }

    /// Whether the graph's input is a double tensor: it then reads the rows as written.
    public var readsDoubles: Bool { input.elementTypeCode == ONNXElementType.double.rawValue }

    /// `features` are the rows in float32; `exact`, when given, the same rows as written
    /// (float64), which a double input reads instead.
    private func evaluate(
        rows: Int, features: [Float], exact: [Double]?, observe: ((String, [ONNXValue]) -> Void)?
    ) throws(ONNXError) -> ONNXValue {
        var tensor = try ONNXTensor(shape: [rows, inputWidth], floats: features)
        if readsDoubles {
            tensor = ONNXTensor(unchecked: tensor.shape, .double(exact ?? features.map(Double.init)))
        }
        let results = try program.run(.tensor(tensor), observe: observe)
        guard let value = results.first else { throw .evaluation("(graph outputs)", "no output was produced") }
        return value
    }

    /// What ``trialRun()`` found.
    public struct Trial: Sendable {
        /// Per node that runs on the data, the shape of its first output.
        public let shapes: [String: [Int]]
        /// The chosen output's value.
        public let output: ONNXValue
    }

    /// Evaluates the graph once on one row of zeros (the input's fixed batch size, if it has
    /// one) and reports the shapes its nodes give and the chosen output's value: a check, when
    /// a file is read, that the graph evaluates and its output gives one score per row.
    ///
    /// - Throws: ``ONNXError``.
    public func trialRun() throws(ONNXError) -> Trial {
        let count = fixedBatch ?? 1
        var shapes: [String: [Int]] = [:]
        let value = try evaluate(rows: count, features: [Float](repeating: 0, count: count * inputWidth), exact: nil) { name, outputs in
            if let shape = outputs.first?.tensor?.shape { shapes[name] = shape }
        }
        _ = try output.scores(from: value, rows: count)
        return Trial(shapes: shapes, output: value)
    }

    /// The signal scores of `rows` rows (row-major features), one per row; a double input
    /// reads `exact` (the same rows as written, `rows × inputWidth` values) when given.
    ///
    /// - Throws: ``ONNXError``.
    public func scores(rows: Int, features: [Float], exact: [Double]? = nil) throws(ONNXError) -> [Double] {
        precondition(exact.map { $0.count == features.count } ?? true, "exact rows match the float rows")
        return try output.scores(from: evaluate(rows: rows, features: features, exact: exact, observe: nil), rows: rows)
    }

    /// A classifier that evaluates this model on batches, in chunks of rows on all cores.
    public var classifier: ONNXClassifier { ONNXClassifier(model: self) }
}
