/// Bounds on what a model reader accepts from a file, against files made to exhaust memory.
///
/// The defaults are far above any model of this competition's kind (the notebook's net
/// has 1,331 parameters).
public struct ModelFileLimits: Sendable, Equatable, Codable {
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
    /// What the ONNX interpreter accepts, handed to it as it is. Its bounds on parameters and
    /// tree nodes are every reader's (``maxParameters``, ``maxTreeNodes``).
    public var onnx: ONNXLimits

    /// Most numbers in a model's weights (``ONNXLimits/maxParameters``).
    public var maxParameters: Int {
        get { onnx.maxParameters }
        set { onnx.maxParameters = newValue }
    }

    /// Most nodes (splits and leaves) in all the trees of a tree ensemble
    /// (``ONNXLimits/maxTreeNodes``).
    public var maxTreeNodes: Int {
        get { onnx.maxTreeNodes }
        set { onnx.maxTreeNodes = newValue }
    }

    /// Limits; every argument has a generous default, and the ONNX ones are ``ONNXLimits``'.
    public init(
        maxFileBytes: Int = 512 << 20, maxZipEntries: Int = 64, maxInflatedBytes: Int = 512 << 20,
        maxConfigBytes: Int = 16 << 20, maxLayers: Int = 2_000, maxParameters: Int? = nil, onnx: ONNXLimits = ONNXLimits()
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxZipEntries = maxZipEntries
        self.maxInflatedBytes = maxInflatedBytes
        self.maxConfigBytes = maxConfigBytes
        self.maxLayers = maxLayers
        self.onnx = onnx
        if let maxParameters { self.maxParameters = maxParameters }
    }
}
