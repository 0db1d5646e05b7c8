/// Choices a submission makes about how its model file is read (from its manifest).
public struct ModelFileOptions: Sendable, Equatable {
    /// The ONNX graph output that is the signal probability (the manifest's `output:`);
    /// `nil` to find it from the graph. Other formats ignore it.
    public var output: String?

    /// Options; by default everything is found from the file.
    public init(output: String? = nil) {
        self.output = output
    }
}
