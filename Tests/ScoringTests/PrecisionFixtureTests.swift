import Foundation
import HiggsData
import ModelFiles
import Models
import Scoring
import TestSupport
import Testing

/// Every format scored on three-decimal rows, some of them exactly on the models'
/// thresholds, read through the data loader as `score`, `check` and `predict` read them,
/// against the framework's own predictions on the rows as pandas reads them
/// (`Fixtures/Precision/make_precision_fixtures.py`).
@Suite struct PrecisionFixtureTests {
    /// A file of `Tests/ScoringTests/Fixtures/Precision`, found from this file's location.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Precision/\(name)").path
    }

    /// The fixture rows, loaded as the tool loads a data file.
    static func rows() throws -> HiggsDataset {
        let cache = TemporaryDirectory()
        return try DataLoader(cacheDirectory: cache.path).load(fixture("rows.csv")).dataset
    }

    static func predictions(_ stem: String) throws -> [Double] {
        let text = try String(contentsOfFile: fixture("\(stem).predictions.txt"), encoding: .utf8)
        return try text.split(separator: "\n").map { try #require(Double($0)) }
    }

    static func scores(_ model: String, rows: HiggsDataset) throws -> [Double] {
        let loaded = try ModelFileReader.read(contentsOf: URL(fileURLWithPath: fixture(model)))
        return try SubmissionPredictor.predict(
            loaded.classifier, features: Array(0..<28), standardization: nil, rows: rows)
    }

    @Test(
        "every format equals its framework on three-decimal rows and on its thresholds",
        arguments: [
            ("lightgbm.txt", "lightgbm"), ("lightgbm_zero.txt", "lightgbm_zero"), ("xgboost.json", "xgboost"),
            ("keras.h5", "keras"), ("keras3.keras", "keras3"), ("onnx_float.onnx", "onnx_float"),
            ("onnx_double.onnx", "onnx_double"),
        ])
    func equalsTheFramework(model: String, stem: String) throws {
        let rows = try Self.rows()
        #expect(!rows.isFloat32Exact)
        let expected = try Self.predictions(stem)
        #expect(expected.count == rows.rowCount)
        let ours = try Self.scores(model, rows: rows)
        #expect(maxAbsDifference(ours, expected) <= 1e-5, "\(model)")
    }

    @Test("LightGBM on the rows rounded to float32 differs: the fixture rows sit where it matters")
    func float32RowsWouldMoveLightGBM() throws {
        let rows = try Self.rows()
        let rounded = HiggsDataset(labels: rows.labels, features: rows.withFeatures { Array($0) })
        for stem in ["lightgbm", "lightgbm_zero"] {
            let difference = maxAbsDifference(try Self.scores("\(stem).txt", rows: rounded), try Self.predictions(stem))
            #expect(difference > 0.01, "\(stem)")
        }
    }
}
