import Foundation
import HiggsData
import ModelFiles
import Models
import TestSupport
import Testing
import Training

/// The trained network leaves as a Keras `.h5` that our reader reads back to the same
/// predictions; the committed baseline file was made by ``recordBaselineExport()``.
@Suite("Exporting the trained network")
struct KerasExportTests {
    /// Where the committed export and Keras' predictions of it live.
    static let fixtures = NetworkTestData.repositoryRoot.appendingPathComponent("Tests/ModelFilesTests/KerasWriter/Fixtures")

    @Test("written and read back, predicts as trained")
    func roundTrip() throws {
        let (sample, split) = try NetworkTestData.sample.get()
        let trained = try NetworkTrainer(options: NetworkTrainingOptions(epochs: 2, batchSize: 64)).train(
            on: sample.rows(split.training))
        let network = try trained.denseNetwork()
        let folder = TemporaryDirectory("nn-export")
        let url = URL(fileURLWithPath: folder.file("baseline.h5"))
        try KerasH5Writer.write(network, to: url)

        let loaded = try ModelFileReader.read(contentsOf: url)
        try loaded.requireInputCount(28)
        let test = sample.rows(split.test)
        let (ours, theirs) = try test.withFeatures { values in
            let batch = FeatureBatch(rows: test.rowCount, columns: 28, values: values)
            return (try network.predict(batch), try loaded.classifier.predict(batch))
        }
        #expect(ours.count == 500)
        #expect(ours == theirs)
    }

    /// Re-records the committed export: `RECORD_KERAS_EXPORT=1 swift test --filter recordBaselineExport`,
    /// then run `Tests/ModelFilesTests/KerasWriter/Fixtures/check_export_with_keras.py`.
    @Test("record the baseline export fixture", .enabled(if: ProcessInfo.processInfo.environment["RECORD_KERAS_EXPORT"] != nil))
    func recordBaselineExport() throws {
        let (sample, split) = try NetworkTestData.sample.get()
        let trained = try NetworkTrainer(options: NetworkTrainingOptions(epochs: 10, batchSize: 64, seed: 2014)).train(
            on: sample.rows(split.training), validation: sample.rows(split.validation))
        let network = try trained.denseNetwork()
        try KerasH5Writer.write(network, to: Self.fixtures.appendingPathComponent("baseline_nn_sample.h5"))
        let test = sample.rows(split.test)
        let predictions = try test.withFeatures { try network.predict(FeatureBatch(rows: test.rowCount, columns: 28, values: $0)) }
        let text = predictions.map { String(format: "%.9g", $0) }.joined(separator: "\n") + "\n"
        try text.write(to: Self.fixtures.appendingPathComponent("baseline_nn_sample.ours.txt"), atomically: true, encoding: .utf8)
        let history = try JSONEncoder().encode(trained.history.kerasKeyed)
        try history.write(to: Self.fixtures.appendingPathComponent("baseline_nn_sample.history.json"))
    }
}
