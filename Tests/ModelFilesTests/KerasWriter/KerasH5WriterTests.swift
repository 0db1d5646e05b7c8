import Foundation
import ModelFiles
import Models
import TestSupport
import Testing

/// The Keras writer on hand-made networks: what it writes reads back, what it cannot
/// write it refuses.
@Suite("Keras .h5 writer")
struct KerasH5WriterTests {
    static func network(
        activation: Activation = .relu(negativeSlope: 0, maxValue: nil, threshold: 0),
        names: [String] = ["dense", "dense_1"], bias: Bool = true
    ) throws -> DenseNetwork {
        let kernel0 = (0..<(28 * 3)).map { Float($0 % 7) * 0.05 - 0.15 }
        let kernel1: [Float] = [0.7, -0.4, 0.25]
        return try DenseNetwork(
            layers: [
                NetworkLayer(name: "input_layer", operation: .input(width: 28), inputs: []),
                NetworkLayer(
                    name: names[0],
                    operation: .dense(
                        units: 3, kernel: kernel0, bias: bias ? [0.1, -0.2, 0.05] : nil,
                        activation: activation), inputs: [0]),
                NetworkLayer(
                    name: names[1],
                    operation: .dense(
                        units: 1, kernel: kernel1, bias: bias ? [0.3] : nil,
                        activation: .sigmoid), inputs: [1]),
            ], outputLayer: 2)
    }

    static func rows(_ count: Int) -> [Float] {
        (0..<(count * 28)).map { Float(($0 * 37) % 101) / 50 - 1 }
    }

    @Test("a written file reads back to the same predictions", arguments: [true, false])
    func roundTrip(bias: Bool) throws {
        let network = try Self.network(activation: .tanh, bias: bias)
        let folder = TemporaryDirectory("keras-writer")
        let url = URL(fileURLWithPath: folder.file("model.h5"))
        try KerasH5Writer.write(network, to: url)
        #expect(try ModelFileReader.format(of: url) == .hdf5)
        let loaded = try ModelFileReader.read(contentsOf: url)
        let values = Self.rows(50)
        let (ours, read) = try withFeatureBatch(values, columns: 28) {
            (try network.predict($0), try loaded.classifier.predict($0))
        }
        #expect(ours == read)
        #expect(loaded.summary.file == "model.h5")
    }

    @Test("the same network gives the same layout every time")
    func stableLayout() throws {
        let a = try KerasH5Writer.data(for: Self.network())
        let b = try KerasH5Writer.data(for: Self.network())
        // libhdf5 stamps no times into these objects: the bytes are the same.
        #expect(a == b)
    }

    @Test("what Keras cannot represent is refused")
    func refusals() throws {
        let leaky = try Self.network(activation: .leakyReLU(negativeSlope: 0.3))
        #expect(throws: KerasExportError(.unsupportedActivation(layer: "dense", activation: "leakyReLU(negativeSlope: 0.3)"))) {
            try KerasH5Writer.data(for: leaky)
        }
        #expect(throws: KerasExportError(.badLayerName("a/b"))) {
            try KerasH5Writer.data(for: Self.network(names: ["a/b", "dense_1"]))
        }
        #expect(throws: KerasExportError(.badLayerName("dense"))) {
            try KerasH5Writer.data(for: Self.network(names: ["dense", "dense"]))
        }
        let normalized = try DenseNetwork(
            layers: [
                NetworkLayer(name: "input_layer", operation: .input(width: 2), inputs: []),
                NetworkLayer(name: "norm", operation: .normalization(mean: [0], variance: [1]), inputs: [0]),
                NetworkLayer(name: "dense", operation: .dense(units: 1, kernel: [1, 1], bias: nil, activation: .sigmoid), inputs: [1]),
            ], outputLayer: 2)
        let error = try #require(throws: KerasExportError.self) { try KerasH5Writer.data(for: normalized) }
        #expect(error.description.contains("layer 'norm' is not dense"))
    }
}
