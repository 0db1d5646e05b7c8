import Foundation
import HiggsData
import Models
import Testing

@testable import Training

/// Data the boosting tests share: the sample, and scikit-learn's own runs
/// (`Fixtures/make_adaboost_fixture.py`).
enum BoostingTestData {
    /// A file of `Tests/TrainingTests/Boosting/Fixtures`, found from this file's real location.
    static func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)")
    }

    /// The embedded sample (7,500 events), loaded once.
    static let sample: Result<HiggsDataset, any Error> = Result {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("leaderboard-bdt-tests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        return try DataLoader(cacheDirectory: cache.path).load(KnownDataSets.samplePath).dataset
    }

    /// One tree node as scikit-learn's `tree_` gives it.
    struct SklearnNode: Decodable {
        var feature: Int
        var threshold: Double
        var left: Int
        var right: Int
        var signal: Bool
    }

    /// `adaboost-sample.json`.
    struct SampleFixture: Decodable {
        struct Model: Decodable {
            var depth: Int
            var rounds: Int
            var trees: [[SklearnNode]]
            var weights: [Double]
            var errors: [Double]
            var test_probabilities: [Double]
            var test_auc: Double
        }
        var sklearn: String
        var models: [Model]
    }

    /// `adaboost-quantized.json`.
    struct QuantizedFixture: Decodable {
        var columns: Int
        var labels: [UInt8]
        var features: [Float]
        var trees: [[SklearnNode]]
        var weights: [Double]
        var errors: [Double]
        var feature_importances: [Double]
        var train_probabilities: [Double]
    }

    static func load<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: fixture(name)))
    }

    /// scikit-learn's trees and weights as our ensemble. scikit-learn keeps a zero weight
    /// for rounds it did not run; those trees do not exist.
    static func ensemble(trees: [[SklearnNode]], weights: [Double], inputCount: Int) throws -> AdaBoostEnsemble {
        let trees = try trees.map { nodes in
            try DecisionTree(
                nodes: nodes.map { node in
                    node.left < 0
                        ? .leaf(signal: node.signal)
                        : .split(feature: node.feature, threshold: node.threshold, left: node.left, right: node.right)
                }, inputCount: inputCount)
        }
        return try AdaBoostEnsemble(trees: trees, weights: Array(weights.prefix(trees.count)), inputCount: inputCount)
    }

    /// ROC AUC by the Mann–Whitney count (ties count one half): a reference computed
    /// another way than Metrics'.
    static func auc(_ scores: [Double], _ labels: [UInt8]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, scores[order[j + 1]] == scores[order[i]] { j += 1 }
            let rank = Double(i + j) / 2 + 1
            for k in i...j where labels[order[k]] == 1 { rankSum += rank }
            i = j + 1
        }
        let positives = Double(labels.filter { $0 == 1 }.count), negatives = Double(labels.count) - positives
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
    }

    /// Trains on row-major `features` of `columns` columns.
    static func train(
        _ features: [Float], columns: Int, labels: [UInt8], settings: AdaBoostSettings,
        progress: ((AdaBoostRound) -> Void)? = nil
    ) throws -> AdaBoostTraining {
        try features.withUnsafeBufferPointer { values in
            try labels.withUnsafeBufferPointer { labels in
                try AdaBoostTrainer(settings: settings).train(
                    features: FeatureBatch(rows: labels.count, columns: columns, values: values), labels: labels,
                    progress: progress)
            }
        }
    }

    /// Predictions of `classifier` on row-major `features`.
    static func predict(_ classifier: any Classifier, _ features: [Float], columns: Int) throws -> [Double] {
        try withFeatureBatch(features, columns: columns) { try classifier.predict($0) }
    }
}
