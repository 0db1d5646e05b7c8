import Foundation
import ModelFiles
import Models
import TestSupport
import Testing

/// The baseline network our trainer exported (`Fixtures/baseline_nn_sample.h5`), loaded by
/// real Keras 3 with `keras.models.load_model` (`Fixtures/check_export_with_keras.py`),
/// predicts on the sample's hidden rows what our reader predicts from the same file.
@Suite("Our Keras export, as Keras predicts it")
struct KerasExportAgreementTests {
    static let folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func lines(_ name: String) throws -> [Double] {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return try text.split(separator: "\n").map { try #require(Double($0)) }
    }

    /// The sample's last 500 rows (its hidden test split), features only, row-major.
    static func hiddenRows() throws -> [Float] {
        let csv = URL(fileURLWithPath: SharedFixtures.repositoryRoot)
            .appendingPathComponent("Sources/HiggsData/Resources/higgs-sample.csv")
        let rows = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").suffix(500)
        return try rows.flatMap { line in try line.split(separator: ",").dropFirst().map { try #require(Float($0)) } }
    }

    @Test("exported file predicts as Keras to 1e-5")
    func agreesWithKeras() throws {
        let model = try ModelFileReader.read(contentsOf: Self.folder.appendingPathComponent("baseline_nn_sample.h5"))
        let predicted = try withFeatureBatch(Self.hiddenRows(), columns: 28) { try model.classifier.predict($0) }
        let keras = try Self.lines("baseline_nn_sample.keras_predictions.txt")
        let trained = try Self.lines("baseline_nn_sample.ours.txt")
        #expect(predicted.count == 500 && keras.count == 500 && trained.count == 500)
        let versusKeras = zip(predicted, keras).map { abs($0 - $1) }.max() ?? .infinity
        let versusTrained = zip(predicted, trained).map { abs($0 - $1) }.max() ?? .infinity
        print("exported baseline: max |ours - Keras| \(versusKeras), max |read - trained| \(versusTrained)")
        #expect(versusKeras < 1e-5)
        #expect(versusTrained < 1e-8)
    }
}
