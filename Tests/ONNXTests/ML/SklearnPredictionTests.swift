import Foundation
import Models
import TestSupport
import Testing

@testable import ONNX

/// scikit-learn models exported by skl2onnx (AdaBoost, gradient boosting, histogram gradient
/// boosting, logistic regression, pipelines with Scaler/Normalizer/ArrayFeatureExtractor, a
/// regressor; with and without ZipMap) score the sample's hidden-test rows as scikit-learn and
/// onnxruntime do.
@Suite struct SklearnPredictionTests {
    static let fixtures = [
        "adaboost_stumps", "adaboost_stumps_zipmap", "adaboost_depth3", "adaboost_depth3_zipmap",
        "gradient_boosting", "gradient_boosting_zipmap", "hist_gradient_boosting", "hist_gradient_boosting_zipmap",
        "logistic_regression", "logistic_regression_zipmap", "scaler_normalizer_logistic", "high_level_columns",
        "gradient_boosting_regressor", "linear_regression",
    ]

    @Test("predictions equal scikit-learn's and onnxruntime's to 1e-5", arguments: fixtures)
    func matchesFrameworks(_ name: String) throws {
        let model = try ONNXModel(data: ONNXFixtures.data("\(name).onnx"))
        let scores = try model.scores(rows: 500, features: SampleRows.hiddenTest())
        let sklearn = try ONNXFixtures.numbers("\(name).predictions.txt")
        let onnxruntime = try ONNXFixtures.numbers("\(name).onnxruntime.txt")
        let fromSklearn = MLFixtures.largestDifference(scores, sklearn)
        let fromOnnxruntime = MLFixtures.largestDifference(scores, onnxruntime)
        print("\(name): max |swift − scikit-learn| = \(fromSklearn), max |swift − onnxruntime| = \(fromOnnxruntime)")
        #expect(scores.count == 500)
        #expect(fromSklearn <= 1e-5)
        #expect(fromOnnxruntime <= 1e-5)
    }

    @Test("chunked classifier equals the graph's scores")
    func classifierMatchesGraph() throws {
        let model = try ONNXModel(data: ONNXFixtures.data("hist_gradient_boosting_zipmap.onnx"))
        let rows = try SampleRows.hiddenTest()
        let direct = try model.scores(rows: 500, features: rows)
        let chunked = try withFeatureBatch(rows, columns: 28) { try ONNXClassifier(model: model, chunkRows: 64).predict($0) }
        #expect(chunked == direct)
    }
}
