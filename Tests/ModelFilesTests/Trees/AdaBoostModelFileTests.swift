import Foundation
import Models
import Results
import Testing

@testable import ModelFiles

@Suite("AdaBoost model file")
struct AdaBoostModelFileTests {
    /// Two trees with thresholds and weights that a careless printer would round.
    static func ensemble() throws -> AdaBoostEnsemble {
        let stump = try DecisionTree(
            nodes: [
                .split(feature: 2, threshold: 1.0 / 3.0, left: 1, right: 2), .leaf(signal: false), .leaf(signal: true),
            ], inputCount: 3)
        let deeper = try DecisionTree(
            nodes: [
                .split(feature: 0, threshold: -0.1, left: 1, right: 2),
                .split(feature: 1, threshold: 5e-324, left: 3, right: 4), .leaf(signal: true),
                .leaf(signal: false), .split(feature: 2, threshold: .infinity, left: 5, right: 6),
                .leaf(signal: true), .leaf(signal: false),
            ], inputCount: 3)
        return try AdaBoostEnsemble(trees: [stump, deeper], weights: [0.1 + 0.2, 1e300.squareRoot() / 7], inputCount: 3)
    }

    @Test("write, read back: same ensemble, same bytes")
    func roundTrip() throws {
        let file = AdaBoostModelFile(
            ensemble: try Self.ensemble(), featureNames: ["a \"quoted\"", "b\\", "c\n"],
            featureImportances: [0.25, 0.75, 0], training: ["rounds": 2, "learning_rate": 0.7])
        let bytes = file.encoded()
        let back = try AdaBoostModelFile.decode(bytes, fileName: "m.json")
        #expect(back == file)
        #expect(back.encoded() == bytes)
        #expect(ModelFileFormat.detect(bytes, fileName: "m.json") == .json)
        #expect(AdaBoostModelFile.recognizes(bytes))
    }

    @Test("random doubles survive the text form exactly")
    func doublesExact() throws {
        var generator = SystemRandomNumberGenerator()
        let weights = (0..<500).map { _ in Double(bitPattern: generator.next() >> 2 | 0x10_0000_0000_0000) }
            .filter { $0.isFinite && $0 > 0 }
        let tree = try DecisionTree(nodes: [.leaf(signal: true)], inputCount: 1)
        let ensemble = try AdaBoostEnsemble(trees: weights.map { _ in tree }, weights: weights, inputCount: 1)
        let back = try AdaBoostModelFile.decode(AdaBoostModelFile(ensemble: ensemble).encoded(), fileName: "m.json")
        #expect(back.ensemble.weights == weights)
    }

    @Test("ModelFileReader recognizes the file by content and summarizes it")
    func readerRoute() throws {
        let ensemble = try Self.ensemble()
        let loaded = try ModelFileReader.read(AdaBoostModelFile(ensemble: ensemble).encoded(), fileName: "baseline.txt")
        #expect(loaded.inputCount == 3)
        #expect(loaded.summary.architecture == "AdaBoost (SAMME)")
        #expect(loaded.summary.format == .json)
        #expect(loaded.summary.layers.first?.units == 2)
        let rows: [Float] = [0, 0, 0, 1, 1, 1, -1, 1e-45, 5]
        let expected = try withFeatureBatch(rows, columns: 3) { try ensemble.predict($0) }
        #expect(try withFeatureBatch(rows, columns: 3) { try loaded.classifier.predict($0) } == expected)
    }

    @Test("predict_proba is the sigmoid of scikit-learn's decision function")
    func probabilityFormula() throws {
        let ensemble = try Self.ensemble()
        // Row (0, 0, 0): stump says background (0 ≤ 1/3); deeper: 0 > -0.1 → right → signal.
        let decision = try withFeatureBatch([0, 0, 0], columns: 3) { try ensemble.decision($0) }[0]
        let w = ensemble.weights
        #expect(decision == 2 * ((-w[0] + w[1]) / (w[0] + w[1])))
        let p = try withFeatureBatch([0, 0, 0], columns: 3) { try ensemble.predict($0) }[0]
        #expect(abs(p - exp(decision / 2) / (exp(-decision / 2) + exp(decision / 2))) < 1e-15)
    }

    @Test(
        "damaged files are refused with one line naming the file",
        arguments: [
            (#"{"format": "leaderboard-adaboost", "version": 2, "algorithm": "SAMME", "input_count": 1, "trees": []}"#, "version 2"),
            (#"{"format": "leaderboard-adaboost", "version": 1, "algorithm": "SAMME", "input_count": 1, "trees": []}"#, "no \"trees\""),
            (
                #"{"format": "leaderboard-adaboost", "version": 1, "algorithm": "SAMME", "input_count": 1, "trees": [{"weight": 1, "#
                    + #""nodes": [{"leaf": 1}, {"feature": 0, "threshold": 0, "left": 0, "right": 0}]}]}"#,
                "tree 0"
            ),
            (
                #"{"format": "leaderboard-adaboost", "version": 1, "algorithm": "SAMME", "input_count": 1, "trees": [{"weight": 1, "#
                    + #""nodes": [{"feature": 3, "threshold": 0, "left": 1, "right": 2}, {"leaf": 1}, {"leaf": 0}]}]}"#,
                "feature 3"
            ),
            (
                #"{"format": "leaderboard-adaboost", "version": 1, "algorithm": "SAMME", "input_count": 1, "trees": [{"weight": -1, "#
                    + #""nodes": [{"leaf": 1}]}]}"#,
                "negative"
            ),
            (#"{"format": "leaderboard-adaboost", "version": 1, "trees": "#, "'bad.json' is damaged"),
        ])
    func refusals(text: String, fragment: String) {
        do {
            _ = try ModelFileReader.read(Data(text.utf8), fileName: "bad.json")
            Issue.record("read \(text)")
        } catch {
            #expect(error.file == "bad.json")
            if case .malformed = error.reason {} else { Issue.record("reason \(error.reason)") }
            #expect(error.description.contains(fragment), "\(error.description)")
        }
    }

    @Test("other JSON is still an unknown format")
    func otherJSON() throws {
        #expect(throws: ModelFileError(file: "x.json", reason: .unknownFormat(found: "JSON"))) {
            try ModelFileReader.read(Data(#"{"class_name": "Sequential", "config": {}}"#.utf8), fileName: "x.json")
        }
    }
}
