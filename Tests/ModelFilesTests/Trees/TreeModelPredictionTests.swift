import Foundation
import Models
import Results
import TestSupport
import Testing

@testable import ModelFiles

/// XGBoost and LightGBM files made by the frameworks themselves predict what the
/// frameworks predict, on the hidden-test rows and on rows with missing values.
@Suite("XGBoost and LightGBM predictions")
struct TreeModelPredictionTests {
    static let xgboost = ["xgb3_deep", "xgb3_nan", "xgb3_stumps", "xgb3_early", "xgb1_deep", "xgb1_nan", "xgb1_stumps"]
    static let lightgbm = [
        "lgbm4_deep", "lgbm4_nan", "lgbm4_zero", "lgbm4_oneleaf",
        "lgbm3_deep", "lgbm3_nan", "lgbm3_zero", "lgbm3_oneleaf",
    ]
    static let files = xgboost.flatMap { ["\($0).json", "\($0).ubj"] } + lightgbm.map { "\($0).txt" }

    /// The rows of `trees/nan_rows.csv` (hidden-test rows with NaNs put in), row-major.
    static func nanRows() throws -> [Float] {
        let text = try String(contentsOf: Fixtures.url("trees/nan_rows.csv"), encoding: .utf8)
        let rows = text.split(separator: "\n").map { $0.split(separator: ",").map { Float($0) } }
        #expect(rows.count == 60 && rows.allSatisfy { $0.count == 28 })
        #expect(rows.joined().contains { $0?.isNaN == true })
        return try rows.joined().map { try #require($0) }
    }

    @Test("predictions equal the framework's within 1e-5", arguments: files)
    func predictions(file: String) throws {
        let stem = String(file.prefix { $0 != "." })
        let model = try ModelFileReader.read(contentsOf: Fixtures.url("trees/\(file)"))
        try model.requireInputCount(28)
        for (rows, suffix) in [(try Fixtures.hiddenTestRows(), ""), (try Self.nanRows(), ".nan")] {
            let expected = try Fixtures.predictions("trees/\(stem)\(suffix)")
            let predicted = try withFeatureBatch(rows, columns: 28) { try model.classifier.predict($0) }
            #expect(predicted.count == expected.count)
            let difference = maxAbsDifference(predicted, expected)
            print("\(file)\(suffix): max |difference| \(difference) over \(expected.count) rows")
            #expect(difference < 1e-5, "\(file)\(suffix): max difference \(difference)")
        }
    }

    @Test("formats are recognised by content", arguments: files)
    func detection(file: String) throws {
        let data = try Data(contentsOf: Fixtures.url("trees/\(file)"))
        let expected: ModelFileFormat = file.hasSuffix(".json") ? .json : file.hasSuffix(".ubj") ? .ubjson : .lightgbm
        #expect(ModelFileFormat.detect(data, fileName: "model.bin") == expected)
    }

    @Test("summary names framework, version and trees")
    func summaries() throws {
        let xgb3 = try ModelFileReader.read(contentsOf: Fixtures.url("trees/xgb3_deep.ubj")).summary
        #expect(xgb3.framework == "XGBoost" && xgb3.frameworkVersion == "3.2.0" && xgb3.format == .ubjson)
        #expect(xgb3.layers.first?.type.hasPrefix("300 trees (depth ≤ 6") == true)
        #expect(xgb3.output.activation == "sigmoid" && xgb3.inputCount == 28)
        let xgb1 = try ModelFileReader.read(contentsOf: Fixtures.url("trees/xgb1_stumps.json")).summary
        #expect(xgb1.frameworkVersion == "1.7.6" && xgb1.format == .json)
        #expect(xgb1.layers.first?.type.hasPrefix("40 trees (depth ≤ 1, 80 leaves)") == true)
        let early = try ModelFileReader.read(contentsOf: Fixtures.url("trees/xgb3_early.json")).summary
        #expect(early.layers.first?.type == "11 trees (depth ≤ 3, 88 leaves), the first 11 of 16 (best_iteration)")
        let lgbm = try ModelFileReader.read(contentsOf: Fixtures.url("trees/lgbm4_nan.txt")).summary
        #expect(lgbm.framework == "LightGBM" && lgbm.frameworkVersion == "v4" && lgbm.format == .lightgbm)
        #expect(lgbm.output.activation == "sigmoid(0.7 × score)")
        #expect(lgbm.layers.first?.type.hasPrefix("60 trees (depth ≤ ") == true)
        let oneLeaf = try ModelFileReader.read(contentsOf: Fixtures.url("trees/lgbm3_oneleaf.txt")).summary
        #expect(oneLeaf.frameworkVersion == "v3")
        #expect(oneLeaf.layers.first?.type.hasPrefix("1 trees (depth ≤ 0, 1 leaves)") == true)
        print(xgb3.text)
        print(lgbm.text)
    }
}
