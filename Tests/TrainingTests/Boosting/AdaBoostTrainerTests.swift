import Foundation
import Models
import TestSupport
import Testing

@testable import Training

@Suite("AdaBoost trainer")
struct AdaBoostTrainerTests {
    @Test("a separating feature ends boosting in round 1")
    func separableFeature() throws {
        // Feature 1 separates the classes; features 0 and 2 are noise.
        let rows: [[Float]] = [
            [0.3, 0.1, 5], [0.9, 0.2, 4], [0.1, 0.4, 5], [0.7, 0.35, 4],
            [0.2, 0.8, 4], [0.8, 0.9, 5], [0.5, 0.7, 5], [0.4, 1.0, 4],
        ]
        let labels: [UInt8] = [0, 0, 0, 0, 1, 1, 1, 1]
        var calls = 0
        let result = try BoostingTestData.train(
            rows.flatMap { $0 }, columns: 3, labels: labels,
            settings: AdaBoostSettings()
        ) { _ in calls += 1 }
        #expect(result.stop == .perfectTree)
        #expect(result.history.count == 1 && calls == 1)
        #expect(result.ensemble.weights == [1])
        let root = result.ensemble.trees[0].nodes[0]
        #expect(root.feature == 1)
        #expect(root.threshold == Double(Float(0.4)) / 2 + Double(Float(0.7)) / 2)
        #expect(result.ensemble.trees[0].nodes[root.left].predictsSignal == false)
        #expect(result.ensemble.trees[0].nodes[root.right].predictsSignal == true)
        #expect(result.history[0].weightedError == 0 && result.history[0].trainingError == 0)
        #expect(result.featureImportances == [0, 1, 0])
    }

    @Test("two rounds worked out by hand")
    func handWorkedRounds() throws {
        // Values 1…5, labels 0 0 1 1 0. Round 1 (weights 1/5): the Gini proxy
        // Σ w_k²/W per side is 0.6, 0.733, 0.533, 0.6 for thresholds 1.5…4.5, so the
        // stump is x ≤ 2.5 → background, else signal; it misses row 5: error 0.2,
        // α = log(0.8/0.2) = log 4, and row 5's weight becomes 0.8 of 1.6 in all.
        // Round 2 (weights 1/8 ×4, 1/2): proxies 0.643, 0.667, 0.633, 0.75: x ≤ 4.5 with
        // a tie (1/4 each) on the left, which goes to background as in scikit-learn, and
        // background on the right: error = the signal weight 0.25, α = log 3.
        let result = try BoostingTestData.train(
            [1, 2, 3, 4, 5], columns: 1, labels: [0, 0, 1, 1, 0],
            settings: AdaBoostSettings(rounds: 2))
        #expect(result.stop == .completed)
        let (first, second) = (result.ensemble.trees[0].nodes, result.ensemble.trees[1].nodes)
        #expect(first[0].threshold == 2.5 && !first[first[0].left].predictsSignal && first[first[0].right].predictsSignal)
        #expect(second[0].threshold == 4.5)
        #expect(!second[second[0].left].predictsSignal && !second[second[0].right].predictsSignal)
        #expect(relativeError(result.history[0].weightedError, 0.2) < 1e-15)
        #expect(relativeError(result.history[1].weightedError, 0.25) < 1e-15)
        #expect(relativeError(result.ensemble.weights[0], log(4.0)) < 1e-15)
        #expect(relativeError(result.ensemble.weights[1], log(3.0)) < 1e-15)
        // The ensemble: f = 2 Σ α s / Σ α; row 3 gets +log 4 - log 3.
        let p = try BoostingTestData.predict(result.ensemble, [3], columns: 1)[0]
        let f = 2 * (log(4.0) - log(3.0)) / (log(4.0) + log(3.0))
        #expect(relativeError(p, 1 / (1 + exp(-f))) < 1e-15)
    }

    @Test("scikit-learn's stumps and weights on exact bins")
    func matchesSklearnOnQuantizedData() throws {
        let fixture = try BoostingTestData.load(BoostingTestData.QuantizedFixture.self, "adaboost-quantized.json")
        let result = try BoostingTestData.train(
            fixture.features, columns: fixture.columns, labels: fixture.labels,
            settings: AdaBoostSettings(rounds: fixture.trees.count))
        #expect(result.binning.isExact.allSatisfy { $0 })
        #expect(result.ensemble.trees.count == fixture.trees.count)
        for (round, (ours, theirs)) in zip(result.ensemble.trees, fixture.trees).enumerated() {
            let (a, b) = (ours.nodes[0], theirs[0])
            #expect(a.feature == b.feature && a.threshold == b.threshold, "round \(round + 1)")
            #expect(ours.nodes[a.left].predictsSignal == theirs[b.left].signal, "round \(round + 1)")
            #expect(ours.nodes[a.right].predictsSignal == theirs[b.right].signal, "round \(round + 1)")
            #expect(relativeError(result.ensemble.weights[round], fixture.weights[round]) < 1e-9, "round \(round + 1)")
            #expect(relativeError(result.history[round].weightedError, fixture.errors[round]) < 1e-9, "round \(round + 1)")
        }
        for (ours, theirs) in zip(result.featureImportances, fixture.feature_importances) {
            #expect(abs(ours - theirs) < 1e-9)
        }
        let probabilities = try BoostingTestData.predict(result.ensemble, fixture.features, columns: fixture.columns)
        let worst = zip(probabilities, fixture.train_probabilities).map { abs($0 - $1) }.max() ?? 0
        #expect(worst < 1e-9)
    }

    @Test("sample AUC equals scikit-learn's within noise")
    func sampleAUCWithinNoise() throws {
        let sample = try BoostingTestData.sample.get()
        let fixture = try BoostingTestData.load(BoostingTestData.SampleFixture.self, "adaboost-sample.json")
        let result = try AdaBoostTrainer().train(sample.rows(0..<7000))
        #expect(result.ensemble.trees.count == 200)
        let test = sample.rows(7000..<7500)
        let scores = try test.withFeatures { values in
            try result.ensemble.predict(FeatureBatch(rows: 500, columns: 28, values: values))
        }
        let ours = BoostingTestData.auc(scores, test.labels)
        let theirs = fixture.models[0].test_auc
        // 500 rows: the AUC's standard error is about 0.02 (DeLong); allow one.
        #expect(abs(ours - theirs) < 0.02, "ours \(ours), scikit-learn \(theirs)")
    }

    @Test("the same rows and settings give the same trees")
    func deterministic() throws {
        let sample = try BoostingTestData.sample.get().rows(0..<7000)
        let settings = AdaBoostSettings(rounds: 25, depth: 2, maxBins: 64)
        let a = try AdaBoostTrainer(settings: settings).train(sample)
        let b = try AdaBoostTrainer(settings: settings).train(sample)
        #expect(a.ensemble == b.ensemble)
        #expect(a.history.map(\.weightedError) == b.history.map(\.weightedError))
        #expect(a.ensemble.trees.allSatisfy { $0.depth <= 2 })
        #expect(a.ensemble.trees.contains { $0.depth == 2 })
    }

    @Test("depth 2: AUC within noise of scikit-learn's")
    func depthTwo() throws {
        let sample = try BoostingTestData.sample.get()
        let fixture = try BoostingTestData.load(BoostingTestData.SampleFixture.self, "adaboost-sample.json")
        let reference = try #require(fixture.models.first { $0.depth == 2 })
        let result = try AdaBoostTrainer(settings: AdaBoostSettings(rounds: reference.rounds, depth: 2))
            .train(sample.rows(0..<7000))
        let test = sample.rows(7000..<7500)
        let scores = try test.withFeatures { values in
            try result.ensemble.predict(FeatureBatch(rows: 500, columns: 28, values: values))
        }
        #expect(abs(BoostingTestData.auc(scores, test.labels) - reference.test_auc) < 0.02)
    }

    @Test("bad training data fails with one clear line")
    func badData() throws {
        #expect(throws: AdaBoostError(.oneClass(signal: true, rows: 3))) {
            try BoostingTestData.train([1, 2, 3], columns: 1, labels: [1, 1, 1], settings: AdaBoostSettings())
        }
        #expect(throws: AdaBoostError(.tooFewRows(1))) {
            try BoostingTestData.train([1], columns: 1, labels: [1], settings: AdaBoostSettings())
        }
        #expect(throws: AdaBoostError(.notANumber(feature: 1))) {
            try BoostingTestData.train([1, .nan, 2, 3], columns: 2, labels: [0, 1], settings: AdaBoostSettings())
        }
        #expect(throws: AdaBoostError.self) {
            try BoostingTestData.train([1, 2], columns: 1, labels: [0, 1], settings: AdaBoostSettings(depth: 9))
        }
        // No feature tells the classes apart: the first stump is a coin flip.
        #expect(throws: AdaBoostError(.worseThanChance(error: 0.5))) {
            try BoostingTestData.train([1, 1, 2, 2], columns: 1, labels: [0, 1, 0, 1], settings: AdaBoostSettings())
        }
        #expect(
            AdaBoostError(.oneClass(signal: false, rows: 10)).description
                == "all 10 training rows are background: a classifier needs both classes in the training part")
    }
}

@Suite("AdaBoost histograms")
struct AdaBoostHistogramTests {
    @Test("parallel histograms find the plain loop's stump")
    func fastPathMatchesPlainLoop() throws {
        let sample = try BoostingTestData.sample.get().rows(0..<7000)
        let (features, labels) = sample.withFeatures { values in
            (
                Array(repeating: Array(values), count: 5).flatMap { $0 },
                Array(repeating: sample.labels, count: 5).flatMap { $0 }
            )
        }
        let result = try BoostingTestData.train(
            features, columns: 28, labels: labels,
            settings: AdaBoostSettings(rounds: 1, maxBins: 32))
        // The plain way: bin every value with FeatureBinning.bin, sum weights per class,
        // scan thresholds in order.
        let binning = result.binning
        let n = labels.count, w = 1 / Double(n)
        var best = (proxy: -Double.infinity, feature: -1, bin: -1, error: 0.0)
        for feature in 0..<28 {
            var histogram = [[Double]](repeating: [0, 0], count: 256)
            for row in 0..<n {
                histogram[binning.bin(features[row * 28 + feature], feature: feature)][Int(labels[row])] += w
            }
            let total = histogram.reduce([0.0, 0.0]) { [$0[0] + $1[0], $0[1] + $1[1]] }
            var left = [0.0, 0.0]
            for bin in 0..<binning.edges[feature].count {
                left = [left[0] + histogram[bin][0], left[1] + histogram[bin][1]]
                let right = [total[0] - left[0], total[1] - left[1]]
                let (wl, wr) = (left[0] + left[1], right[0] + right[1])
                guard wl > 0, wr > 0 else { continue }
                let proxy = (left[0] * left[0] + left[1] * left[1]) / wl + (right[0] * right[0] + right[1] * right[1]) / wr
                if proxy > best.proxy * (1 + 1e-12) {
                    let error = min(left[0], left[1]) + min(right[0], right[1])
                    best = (proxy, feature, bin, error / (total[0] + total[1]))
                }
            }
        }
        let root = result.ensemble.trees[0].nodes[0]
        #expect(root.feature == best.feature)
        #expect(root.threshold == binning.edges[best.feature][best.bin])
        #expect(relativeError(result.history[0].weightedError, best.error) < 1e-12)
    }
}
