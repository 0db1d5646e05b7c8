import Foundation
import HiggsData
import Testing
import Training

/// Training the notebook's network on the embedded sample.
@Suite("Network training on the sample")
struct NetworkTrainerTests {
    static func options(epochs: Int = 4, seed: UInt64 = 2014) -> NetworkTrainingOptions {
        NetworkTrainingOptions(epochs: epochs, batchSize: 64, seed: seed)
    }

    @Test("loss falls; history has Keras' keys per epoch")
    func lossFalls() throws {
        let (sample, split) = try NetworkTestData.sample.get()
        var reports: [NetworkTrainingProgress] = []
        let trained = try NetworkTrainer(options: Self.options(epochs: 6)).train(
            on: sample.rows(split.training), validation: sample.rows(split.validation), stepInterval: 20
        ) { reports.append($0) }
        let history = trained.history
        #expect(history.kerasKeyed.keys.sorted() == ["accuracy", "loss", "val_accuracy", "val_loss"])
        #expect(history.kerasKeyed.values.allSatisfy { $0.count == 6 })
        #expect(history.epochSeconds.count == 6)
        #expect(history.loss.last! < history.loss.first!)
        #expect(history.validationLoss.last! < history.validationLoss.first!)
        #expect(history.accuracy.last! > 0.6, "accuracy \(history.accuracy)")
        // The untrained net's loss is near log 2; the sample's events are separable enough
        // for it to fall clearly below.
        #expect(history.loss.last! < 0.66, "loss \(history.loss)")
        print("sample history: \(history.kerasKeyed)")

        let epochEnds = reports.filter(\.isEpochEnd)
        #expect(epochEnds.map(\.epoch) == Array(1...6))
        #expect(epochEnds.allSatisfy { $0.validation != nil })
        #expect(reports.count > epochEnds.count, "step reports arrive between epoch ends")
        #expect(epochEnds.last?.loss == history.loss.last)
    }

    @Test("no validation rows: only loss and accuracy")
    func noValidation() throws {
        let (sample, split) = try NetworkTestData.sample.get()
        let trained = try NetworkTrainer(options: Self.options(epochs: 1)).train(on: sample.rows(split.training))
        #expect(trained.history.kerasKeyed.keys.sorted() == ["accuracy", "loss"])
    }

    @Test("a seed determines the network bit for bit")
    func deterministic() throws {
        let (sample, split) = try NetworkTestData.sample.get()
        let rows = sample.rows(split.training)
        let a = try NetworkTrainer(options: Self.options(epochs: 2)).train(on: rows)
        let b = try NetworkTrainer(options: Self.options(epochs: 2)).train(on: rows)
        let c = try NetworkTrainer(options: Self.options(epochs: 2, seed: 99)).train(on: rows)
        #expect(a.parameters == b.parameters)
        #expect(a.history.loss == b.history.loss)
        #expect(a.parameters != c.parameters)
    }

    @Test("layer sizes and activations are options")
    func otherLayers() throws {
        let (sample, split) = try NetworkTestData.sample.get()
        var options = Self.options(epochs: 2)
        options.layers = [NetworkLayerSpec(units: 16, activation: .tanh), NetworkLayerSpec(units: 1, activation: .sigmoid)]
        let trained = try NetworkTrainer(options: options).train(on: sample.rows(split.training))
        #expect(trained.parameters.layers.map(\.units) == [16, 1])
        #expect(try trained.denseNetwork().layers.count == 3)
        #expect(trained.history.loss.allSatisfy { $0.isFinite })
    }

    @Test("bad split or options: one clear line")
    func refusals() throws {
        let (sample, _) = try NetworkTestData.sample.get()
        let trainer = NetworkTrainer(options: Self.options(epochs: 1))
        #expect(throws: NetworkTrainingError(.tooFewRows(found: 1))) { try trainer.train(on: sample.rows(0..<1)) }
        let backgroundRows = (0..<200).filter { sample.label($0) == 0 }.count
        let oneClass = HiggsDataset(
            labels: [UInt8](repeating: 0, count: backgroundRows),
            features: [Float](repeating: 0.5, count: backgroundRows * 28))
        let error = try #require(throws: NetworkTrainingError.self) { try trainer.train(on: oneClass) }
        #expect(error.description.contains("all \(backgroundRows) training rows are background"))

        var options = Self.options()
        options.layers = [NetworkLayerSpec(units: 2, activation: .relu)]
        #expect(throws: NetworkTrainingError.self) { try NetworkTrainer(options: options).train(on: sample) }
        options = Self.options()
        options.batchSize = 0
        let batchError = try #require(throws: NetworkTrainingError.self) { try NetworkTrainer(options: options).train(on: sample) }
        #expect(batchError.description == "cannot train the network: batch size is 0; give 1 or more")
    }
}
