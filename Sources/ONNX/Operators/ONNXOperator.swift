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
public struct ONNXOperator: Sendable {
    /// The operator's domain: ``ONNXOperatorRegistry/standardDomain`` (`ai.onnx`, also
    /// written `""` in files) or `ai.onnx.ml`.
    public let domain: String
    /// The operator's type, e.g. `Gemm`.
    public let type: String
    /// Prepares a kernel for the node in `context`.
    public let prepare: @Sendable (ONNXNodeContext) throws(ONNXError) -> ONNXKernel

    /// An operator of `type` in `domain`, prepared by `prepare`.
    public init(
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
public typealias ONNXKernel = @Sendable (ONNXInputs) throws(ONNXError) -> [ONNXValue]

/// What an operator learns about the node it prepares a kernel for.
public struct ONNXNodeContext: Sendable {
    /// The node's name, or `OpType#index` when the file gives none; messages use it.
    public let name: String
    /// The operator's type.
    public let opType: String
    /// The operator's domain (`ai.onnx` for the standard set).
    public let domain: String
    /// The version of the node's domain that the model imports (its opset).
    public let opsetVersion: Int
    /// The node's attributes.
    public let attributes: ONNXAttributes
    /// How many inputs the node lists (an optional one left out counts when it is followed
    /// by another).
    public let inputCount: Int
    /// How many outputs the node lists.
    public let outputCount: Int
    /// The node's inputs whose values are known when the model is read (initializers,
    /// constants and what is computed from them alone), by position; `nil` elsewhere.
    public let constantInputs: [ONNXTensor?]
    /// The limits in force; kernels check `maxTensorElements` before allocating a result
    /// whose size depends on data.
    public let limits: ONNXLimits

    /// An error naming this node, for a setting it has that is not supported.
    public func unsupported(_ detail: String) -> ONNXError {
        .unsupportedSetting(name, detail)
    }

    /// An error naming this node, for data it cannot evaluate.
    public func failure(_ detail: String) -> ONNXError {
        .evaluation(name, detail)
    }

    /// Checks that the node lists between `inputs.lowerBound` and `inputs.upperBound`
    /// inputs and at least one output (at most `maxOutputs`).
    ///
    /// - Throws: ``ONNXError`` (malformed).
    public func requireArity(inputs: ClosedRange<Int>, maxOutputs: Int = 1) throws(ONNXError) {
        guard inputs.contains(inputCount) else {
            throw .malformed("node '\(name)' (\(opType)) has \(inputCount) inputs; it takes \(inputs.lowerBound)"
                + (inputs.count > 1 ? " to \(inputs.upperBound)" : ""))
        }
        guard (1...maxOutputs).contains(outputCount) else {
            throw .malformed("node '\(name)' (\(opType)) has \(outputCount) outputs; it has at most \(maxOutputs)")
        }
    }

    /// Checks `shape`'s element count against `maxTensorElements` before a kernel allocates it.
    ///
    /// - Throws: ``ONNXError`` (tooLarge).
    public func checkedCount(_ shape: [Int]) throws(ONNXError) -> Int {
        try ONNXTensor.checkedCount(shape, limits: limits, what: "the output of node '\(name)'")
    }
}

/// A kernel's inputs, by position, with typed access whose errors name the node.
public struct ONNXInputs: Sendable {
    /// The values, one per input the node lists; `nil` for an optional input left out.
    public let values: [ONNXValue?]
    /// The node's name, for messages.
    public let node: String

    /// Inputs `values` of node `node`.
    public init(_ values: [ONNXValue?], node: String) {
        self.values = values
        self.node = node
    }

    /// How many inputs the node lists.
    public var count: Int { values.count }

    /// Input `index`, which must be given and be a tensor.
    ///
    /// - Throws: ``ONNXError`` (evaluation) when it is missing or not a tensor.
    public func tensor(_ index: Int) throws(ONNXError) -> ONNXTensor {
        guard let tensor = try optionalTensor(index) else {
            throw .evaluation(node, "input \(index) is missing")
        }
        return tensor
    }

    /// Input `index` when given (`nil` when left out or past the end); it must be a tensor.
    ///
    /// - Throws: ``ONNXError`` (evaluation) when it is not a tensor.
    public func optionalTensor(_ index: Int) throws(ONNXError) -> ONNXTensor? {
        guard index < values.count, let value = values[index] else { return nil }
        guard case let .tensor(tensor) = value else {
            throw .evaluation(node, "input \(index) is a \(value.kindName), not a tensor")
        }
        return tensor
    }

    /// Input `index` as a float tensor.
    ///
    /// - Throws: ``ONNXError`` (evaluation) for another element type.
    public func floats(_ index: Int) throws(ONNXError) -> (shape: [Int], values: [Float]) {
        let tensor = try tensor(index)
        guard let values = tensor.floats else {
            throw .evaluation(node, "input \(index) is \(tensor.elementType.name); float is expected")
        }
        return (tensor.shape, values)
    }
}
