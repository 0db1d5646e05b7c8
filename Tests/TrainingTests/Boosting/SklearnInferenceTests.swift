import Foundation
import HiggsData
import ModelFiles
import Models
import Testing

@testable import Training

@Suite("AdaBoost inference against scikit-learn")
struct SklearnInferenceTests {
    @Test("scikit-learn's trees and weights give scikit-learn's predict_proba to 1e-9", arguments: [1, 2])
    func predictProba(depth: Int) throws {
        let fixture = try BoostingTestData.load(BoostingTestData.SampleFixture.self, "adaboost-sample.json")
        let model = try #require(fixture.models.first { $0.depth == depth })
        let ensemble = try BoostingTestData.ensemble(trees: model.trees, weights: model.weights, inputCount: 28)
        let test = try BoostingTestData.sample.get().rows(7000..<7500)
        let ours = try test.withFeatures { values in
            try ensemble.predict(FeatureBatch(rows: 500, columns: 28, values: values))
        }
        let worst = zip(ours, model.test_probabilities).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst < 1e-9, "largest difference \(worst)")
        #expect(abs(BoostingTestData.auc(ours, test.labels) - model.test_auc) < 1e-12)
    }

    @Test("model file read back predicts as trained")
    func fileRoundTrip() throws {
        let sample = try BoostingTestData.sample.get()
        let result = try AdaBoostTrainer(settings: AdaBoostSettings(rounds: 40, depth: 2)).train(sample.rows(0..<7000))
        let file = AdaBoostModelFile(
            ensemble: result.ensemble, featureNames: FeatureSchema.names,
            featureImportances: result.featureImportances,
            training: ["rounds": 40, "depth": 2, "rows": 7000])
        let loaded = try ModelFileReader.read(file.encoded(), fileName: "bdt.json")
        let back = try #require(loaded.classifier as? AdaBoostEnsemble)
        #expect(back == result.ensemble)
        let test = sample.rows(7000..<7500)
        let (a, b) = try test.withFeatures { values in
            let batch = FeatureBatch(rows: 500, columns: 28, values: values)
            return (try result.ensemble.predict(batch), try loaded.classifier.predict(batch))
        }
        #expect(a == b)
        #expect(try AdaBoostModelFile.decode(file.encoded(), fileName: "bdt.json") == file)
    }
}
