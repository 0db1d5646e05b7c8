/// Bounds on what a reader accepts from a file, against files made to exhaust memory.
///
/// The defaults are far above any model of this competition's kind (the notebook's net
/// has 1,331 parameters).
public struct ModelFileLimits: Sendable, Equatable {
    /// Largest file read, in bytes.
    public var maxFileBytes: Int
    /// Most entries a zip may list.
    public var maxZipEntries: Int
    /// Most bytes inflated from a zip in all (counted as they come out, not as the
    /// headers declare).
    public var maxInflatedBytes: Int
    /// Largest text attribute or JSON config, in bytes.
    public var maxConfigBytes: Int
    /// Most layers in a model.
    public var maxLayers: Int
    /// Most numbers in a model's weights.
    public var maxParameters: Int
    /// Most elements in any one tensor of an ONNX graph (weights, or values computed while
    /// evaluating a chunk of rows).
    public var maxTensorElements: Int = 64 << 20
    /// Most nodes in an ONNX graph.
    public var maxGraphNodes: Int = 10_000
    /// Longest chain of nodes in an ONNX graph.
    public var maxGraphDepth: Int = 2_000
    /// Most nodes (splits and leaves) in all the trees of a tree ensemble.
    public var maxTreeNodes: Int = 4_000_000

    /// Limits; every argument has a generous default.
    public init(
        maxFileBytes: Int = 512 << 20, maxZipEntries: Int = 64, maxInflatedBytes: Int = 512 << 20,
        maxConfigBytes: Int = 16 << 20, maxLayers: Int = 2_000, maxParameters: Int = 50_000_000
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxZipEntries = maxZipEntries
        self.maxInflatedBytes = maxInflatedBytes
        self.maxConfigBytes = maxConfigBytes
        self.maxLayers = maxLayers
        self.maxParameters = maxParameters
    }
}
