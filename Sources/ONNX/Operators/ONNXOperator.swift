/// An operator this tool evaluates: its domain and type, and how to prepare a kernel for one
/// node that uses it.
///
/// Preparing happens once, when the model is read: it reads and checks the node's
/// attributes (and its constant inputs, when it has some) and refuses what it does not
/// support, so that a file fails when read rather than when scored. The kernel it returns
/// then runs once per chunk of rows, possibly on several threads at once.
///
/// To add operators from another file, list them in a `static let` of
/// ``ONNXOperatorRegistry`` (as `ONNXOperatorRegistry.mlOperators` does for `ai.onnx.ml`)
/// and add that list to ``ONNXOperatorRegistry/all``.
struct ONNXOperator: Sendable {
    /// The operator's domain: ``ONNXOperatorRegistry/standardDomain`` (`ai.onnx`, also
    /// written `""` in files) or `ai.onnx.ml`.
    let domain: String
    /// The operator's type, e.g. `Gemm`.
    let type: String
    /// Prepares a kernel for the node in `context`.
    let prepare: @Sendable (ONNXNodeContext) throws(ONNXError) -> ONNXKernel

    /// An operator of `type` in `domain`, prepared by `prepare`.
    init(
        domain: String = ONNXOperatorRegistry.standardDomain, type: String,
        prepare: @escaping @Sendable (ONNXNodeContext) throws(ONNXError) -> ONNXKernel
    ) {
        self.domain = domain
        self.type = type
        self.prepare = prepare
    }

    /// The registry key: `domain/type`.
    var key: String { "\(domain)/\(type)" }
}

/// What a kernel computes: the node's outputs (one value per output the node declares, in
/// order) from its inputs.
typealias ONNXKernel = @Sendable (ONNXInputs) throws(ONNXError) -> [ONNXValue]

/// What an operator learns about the node it prepares a kernel for.
struct ONNXNodeContext: Sendable {
    /// The node's name, or `OpType#index` when the file gives none; messages use it.
    let name: String
    /// The operator's type.
    let opType: String
    /// The operator's domain (`ai.onnx` for the standard set).
    let domain: String
    /// The version of the node's domain that the model imports (its opset).
    let opsetVersion: Int
    /// The node's attributes.
    let attributes: ONNXAttributes
    /// How many inputs the node lists (an optional one left out counts when it is followed
    /// by another).
    let inputCount: Int
    /// How many outputs the node lists.
    let outputCount: Int
    /// The node's inputs whose values are known when the model is read (initializers,
    /// constants and what is computed from them alone), by position; `nil` elsewhere.
    let constantInputs: [ONNXTensor?]
    /// The limits in force; kernels check `maxTensorElements` before allocating a result
    /// whose size depends on data.
    let limits: ONNXLimits

    /// An error naming this node, for a setting it has that is not supported.
    func unsupported(_ detail: String) -> ONNXError {
        .unsupportedSetting(name, detail)
    }

    /// An error naming this node, for data it cannot evaluate.
    func failure(_ detail: String) -> ONNXError {
        .evaluation(name, detail)
    }

    /// Checks that the node lists between `inputs.lowerBound` and `inputs.upperBound`
    /// inputs and at least one output (at most `maxOutputs`).
    ///
    /// - Throws: ``ONNXError`` (malformed).
    func requireArity(inputs: ClosedRange<Int>, maxOutputs: Int = 1) throws(ONNXError) {
        guard inputs.contains(inputCount) else {
            throw .malformed(
                "node '\(name)' (\(opType)) has \(inputCount) inputs; it takes \(inputs.lowerBound)"
                    + (inputs.count > 1 ? " to \(inputs.upperBound)" : ""))
        }
        guard (1...maxOutputs).contains(outputCount) else {
            throw .malformed("node '\(name)' (\(opType)) has \(outputCount) outputs; it has at most \(maxOutputs)")
        }
    }

    /// Checks `shape`'s element count against `maxTensorElements` before a kernel allocates it.
    ///
    /// - Throws: ``ONNXError`` (tooLarge).
    func checkedCount(_ shape: [Int]) throws(ONNXError) -> Int {
        try ONNXTensor.checkedCount(shape, limits: limits, what: "the output of node '\(name)'")
    }
}

/// A kernel's inputs, by position, with typed access whose errors name the node.
struct ONNXInputs: Sendable {
    /// The values, one per input the node lists; `nil` for an optional input left out.
    let values: [ONNXValue?]
    /// The node's name, for messages.
    let node: String

    /// Inputs `values` of node `node`.
    init(_ values: [ONNXValue?], node: String) {
        self.values = values
        self.node = node
    }

    /// How many inputs the node lists.
    var count: Int { values.count }

    /// Input `index`, which must be given and be a tensor.
    ///
    /// - Throws: ``ONNXError`` (evaluation) when it is missing or not a tensor.
    func tensor(_ index: Int) throws(ONNXError) -> ONNXTensor {
        guard let tensor = try optionalTensor(index) else {
            throw .evaluation(node, "input \(index) is missing")
        }
        return tensor
    }

    /// Input `index` when given (`nil` when left out or past the end); it must be a tensor.
    ///
    /// - Throws: ``ONNXError`` (evaluation) when it is not a tensor.
    func optionalTensor(_ index: Int) throws(ONNXError) -> ONNXTensor? {
        guard index < values.count, let value = values[index] else { return nil }
        guard case let .tensor(tensor) = value else {
            throw .evaluation(node, "input \(index) is a \(value.kindName), not a tensor")
        }
        return tensor
    }

    /// Input `index` as a float tensor.
    ///
    /// - Throws: ``ONNXError`` (evaluation) for another element type.
    func floats(_ index: Int) throws(ONNXError) -> (shape: [Int], values: [Float]) {
        let tensor = try tensor(index)
        guard let values = tensor.floats else {
            throw .evaluation(node, "input \(index) is \(tensor.elementType.name); float is expected")
        }
        return (tensor.shape, values)
    }
}
