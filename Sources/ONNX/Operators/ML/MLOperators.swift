extension ONNXOperatorRegistry {
    /// The `ai.onnx.ml` operators: tree ensembles, the linear classifier and regressor, the
    /// preprocessing steps scikit-learn pipelines export (Scaler, Normalizer, Binarizer,
    /// ArrayFeatureExtractor) and ZipMap, each in its own file under `Operators/ML/`.
    static let mlOperators: [ONNXOperator] = [
        TreeEnsembleClassifierOperator.op, TreeEnsembleRegressorOperator.op, LinearClassifierOperator.op,
        LinearRegressorOperator.op, NormalizerOperator.op, ScalerOperator.op, BinarizerOperator.op,
        ArrayFeatureExtractorOperator.op, ZipMapOperator.op,
    ]
}
