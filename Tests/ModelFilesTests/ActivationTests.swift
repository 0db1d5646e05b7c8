import Foundation
import Testing

@testable import ModelFiles
@testable import Models

/// Every built-in activation, by the name a config uses, against the values Keras itself
/// computed on a grid (`activations_reference_<flavour>.json`, written by the fixture
/// script with `keras.activations.get(name)`).
@Suite("Activations equal Keras' own")
struct ActivationTests {
    struct Reference: Decodable {
        var x: [[Double]]
        var values: [String: [[Double]]]
    }

    @Test("each activation on the reference grid", arguments: [("keras3", 3), ("tfkeras", 2)])
    func reference(flavour: String, kerasMajor: Int) throws {
        let data = try Data(contentsOf: Fixtures.url("activations_reference_\(flavour).json"))
        let reference = try JSONDecoder().decode(Reference.self, from: data)
        let width = try #require(reference.x.first?.count)
        #expect(reference.values.count >= (kerasMajor == 3 ? 32 : 19))
        for (name, expected) in reference.values.sorted(by: { $0.key < $1.key }) {
            let activation =
                name == "gelu_approximate"
                ? Activation.gelu(approximate: true)
                : KerasActivations.named(name, kerasMajor: kerasMajor)
            let resolved = try #require(activation, "no activation named \(name) in Keras \(kerasMajor)")
            var values = reference.x.flatMap { $0.map(Float.init) }
            values.withUnsafeMutableBufferPointer { buffer in
                resolved.apply(to: buffer.baseAddress!, rows: reference.x.count, width: width, stride: width)
            }
            var worst = 0.0
            for (row, expectedRow) in expected.enumerated() {
                for (column, value) in expectedRow.enumerated() {
                    let ours = Double(values[row * width + column])
                    worst = max(worst, abs(ours - value) / max(1, abs(value)))
                }
            }
            #expect(worst < 2e-6, "\(name) (Keras \(kerasMajor)) differs by \(worst)")
        }
    }

    @Test("hard_sigmoid as each Keras version has it")
    func hardSigmoidVersions() {
        #expect(KerasActivations.named("hard_sigmoid", kerasMajor: 3) == .hardSigmoid)
        #expect(KerasActivations.named("hard_sigmoid", kerasMajor: 2) == .hardSigmoidKeras2)
        #expect(KerasActivations.named("hard_silu", kerasMajor: 2) == nil)
        #expect(KerasActivations.named("swish", kerasMajor: 2) == .silu)
        #expect(KerasActivations.named("gelu", kerasMajor: 3) == .gelu(approximate: false))
        #expect(KerasActivations.named("my_activation", kerasMajor: 3) == nil)
    }

    @Test(
        "class names name .keras weight groups",
        arguments: [
            ("Dense", "dense"), ("BatchNormalization", "batch_normalization"), ("LeakyReLU", "leaky_re_lu"),
            ("PReLU", "p_re_lu"), ("ELU", "elu"), ("InputLayer", "input_layer"), ("ReLU", "re_lu"),
            ("ThresholdedReLU", "thresholded_re_lu"), ("Normalization", "normalization"),
        ])
    func snakeCase(className: String, expected: String) {
        #expect(kerasSnakeCase(className) == expected)
    }
}
