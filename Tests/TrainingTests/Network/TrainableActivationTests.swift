import Foundation
import Testing
import Training

/// The trainer reads the shared activation enum: it differentiates four of its cases, and
/// stores a layer's activation by its Keras name.
@Suite("Trainable activations")
struct TrainableActivationTests {
    @Test("a layer's activation is stored by its Keras name and read back")
    func storedByName() throws {
        let options = NetworkTrainingOptions()
        let json = String(decoding: try JSONEncoder().encode(options.layers), as: UTF8.self)
        #expect(json.contains(#""activation":"relu""#) && json.contains(#""activation":"sigmoid""#), "\(json)")
        #expect(try JSONDecoder().decode([NetworkLayerSpec].self, from: Data(json.utf8)) == options.layers)
        let unknown = Data(#"[{"units": 1, "activation": "softmax"}]"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([NetworkLayerSpec].self, from: unknown) }
    }

    @Test("an activation the trainer cannot differentiate is refused before training")
    func untrainableRefused() throws {
        var options = NetworkTrainingOptions()
        options.layers[0].activation = .softmax
        let error = try #require(throws: NetworkTrainingError.self) { try options.validate() }
        #expect(error.description.contains("layer 1's activation cannot be trained"), "\(error)")
        #expect(NetworkLayerSpec(units: 1, activation: .relu).activation.trainableName == "relu")
        let leaky = NetworkLayerSpec(units: 1, activation: .relu(negativeSlope: 0.1, maxValue: nil, threshold: 0))
        #expect(leaky.activation.trainableName == nil)
    }
}
