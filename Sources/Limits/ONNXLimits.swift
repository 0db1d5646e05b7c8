/// Bounds on what the ONNX reader accepts, against files made to exhaust memory or time.
///
/// Every limit is checked before anything it bounds is allocated; a refusal names the limit.
/// ``ModelFileLimits`` holds these as they are, so the model readers and the interpreter
/// share one value of each.
public struct ONNXLimits: Sendable, Equatable, Codable {
    /// Most elements in any one tensor: an initializer, a constant, or a value computed while
    /// evaluating a chunk of rows.
    public var maxTensorElements: Int
    /// Most numbers in all initializers and constants together.
    public var maxParameters: Int
    /// Most nodes in the graph.
    public var maxGraphNodes: Int
    /// Longest chain of nodes from the input to an output.
    public var maxGraphDepth: Int
    /// Deepest nesting of protobuf messages (a graph inside an attribute inside a node…).
    public var maxMessageDepth: Int
    /// Most nodes in one `ai.onnx.ml` tree ensemble (and in any tree ensemble a model reader
    /// builds).
    public var maxTreeNodes: Int

    /// Limits; every argument has a generous default.
    public init(
        maxTensorElements: Int = 64 << 20, maxParameters: Int = 50_000_000, maxGraphNodes: Int = 10_000,
        maxGraphDepth: Int = 2_000, maxMessageDepth: Int = 32, maxTreeNodes: Int = 4_000_000
    ) {
        self.maxTensorElements = maxTensorElements
        self.maxParameters = maxParameters
        self.maxGraphNodes = maxGraphNodes
        self.maxGraphDepth = maxGraphDepth
        self.maxMessageDepth = maxMessageDepth
        self.maxTreeNodes = maxTreeNodes
    }
}
