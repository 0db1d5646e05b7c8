extension ONNXOperatorRegistry {
    /// The `ai.onnx.ml` operators (TreeEnsembleClassifier, ZipMap, …).
    ///
    /// The hook for the ML operators: this file and the others under `Operators/ML/` belong
    /// to whoever writes them; each operator is an ``ONNXOperator`` with
    /// `domain: ONNXOperatorRegistry.mlDomain`, listed here. ``ONNXOperatorRegistry/all``
    /// already includes this list. Kernels receive and return ``ONNXValue``s, so ZipMap can
    /// return `.sequence` of `.map`s; the output reader takes key 1 of each map.
    static let mlOperators: [ONNXOperator] = []
}
