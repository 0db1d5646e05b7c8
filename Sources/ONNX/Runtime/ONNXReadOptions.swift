/// Choices a submission makes about how its ONNX graph is read.
public struct ONNXReadOptions: Sendable, Equatable {
    /// The graph output that is the signal probability (the manifest's `output:`); `nil`
    /// to find it from the graph.
    public var outputName: String?
    /// Features per row when the graph's input leaves its width symbolic.
    var defaultInputWidth: Int

    /// Options; by default the output is found from the graph and rows have 28 features.
    public init(outputName: String? = nil, defaultInputWidth: Int = 28) {
        self.outputName = outputName
        self.defaultInputWidth = defaultInputWidth
    }
}
