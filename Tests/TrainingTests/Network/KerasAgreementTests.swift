import Foundation
import HiggsData
import Testing

@testable import Training

/// From the same starting weights, on the same rows, our trainer takes the steps Keras
/// takes: the same history and the same weights after training (Keras' numbers come from
/// `Fixtures/make_adam_reference.py`).
@Suite("Training agrees with Keras step by step")
struct KerasAgreementTests {
    static var caseNames: [String] {
        (try? NetworkTestData.kerasReference.get().cases.map(\.name)) ?? []
    }

    @Test("history and final weights equal Keras'", arguments: caseNames)
    func agreesWithKeras(_ name: String) throws {
        let reference = try NetworkTestData.kerasReference.get()
        let run = try #require(reference.cases.first { $0.name == name })
        let width = FeatureSchema.featureCount
        let rows = HiggsDataset(
            labels: Array(reference.y[0..<run.rows]), features: Array(reference.x[0..<(run.rows * width)]))
        let options = NetworkTrainingOptions(epochs: run.epochs, batchSize: run.batch_size, shuffle: false)
        let start = Self.parameters(run.initial, specs: options.layers)
        let trained = try NetworkTrainer(options: options).train(on: rows, startingFrom: start)

        let kerasLoss = try #require(run.history["loss"])
        let kerasAccuracy = try #require(run.history["accuracy"])
        #expect(trained.history.loss.count == kerasLoss.count)
        for (ours, keras) in zip(trained.history.loss, kerasLoss) {
            #expect(abs(ours - keras) < 2e-6, "loss \(ours) vs Keras \(keras)")
        }
        for (ours, keras) in zip(trained.history.accuracy, kerasAccuracy) {
            #expect(abs(ours - keras) < 1e-6, "accuracy \(ours) vs Keras \(keras)")
        }
        let expected = Self.parameters(run.final, specs: options.layers)
        var largest: Float = 0
        for (ours, keras) in zip(trained.parameters.layers, expected.layers) {
            for (a, b) in zip(ours.kernel + ours.bias, keras.kernel + keras.bias) {
                largest = max(largest, abs(a - b))
            }
        }
        print("\(name): max |ours - Keras| over weights \(largest)")
        // Adam moves each weight by about 0.001 a step: agreement far below that means the
        // same update, not merely the same direction.
        #expect(largest < 2e-6, "weights differ from Keras' by up to \(largest)")

        let network = try trained.denseNetwork()
        let predicted = try reference.x[0..<(run.rows * width)].withUnsafeBufferPointer { buffer in
            try network.predict(.init(rows: run.rows, columns: width, values: buffer))
        }
        let difference = zip(predicted, run.predictions).map { abs($0 - $1) }.max() ?? 0
        #expect(difference < 1e-5, "predictions differ from Keras' by up to \(difference)")
    }

    static func parameters(_ arrays: [[Float]], specs: [NetworkLayerSpec]) -> NetworkParameters {
        var fanIn = FeatureSchema.featureCount
        var layers: [DenseLayerParameters] = []
        for (index, spec) in specs.enumerated() {
            layers.append(
                DenseLayerParameters(
                    inputCount: fanIn, units: spec.units, activation: spec.activation,
                    kernel: arrays[2 * index], bias: arrays[2 * index + 1]))
            fanIn = spec.units
        }
        return NetworkParameters(inputCount: FeatureSchema.featureCount, layers: layers)
    }
}
