import Foundation
import ModelFiles
import Models
import TestSupport
import Testing

/// Each fixture, read by us, predicts what its own framework predicted, to 1e-5.
@Suite("Keras files predict as Keras does")
struct KerasPredictionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var predictions: String
        var columns: Range<Int> = 0..<28
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(file: "notebook_keras3.h5", predictions: "notebook_keras3"),
        Case(file: "notebook_keras3.keras", predictions: "notebook_keras3"),
        Case(file: "notebook_tfkeras.h5", predictions: "notebook_tfkeras"),
        Case(file: "functional_keras3.h5", predictions: "functional_keras3"),
        Case(file: "functional_keras3.keras", predictions: "functional_keras3"),
        Case(file: "functional_tfkeras.h5", predictions: "functional_tfkeras"),
        Case(file: "softmax2_keras3.h5", predictions: "softmax2_keras3"),
        Case(file: "softmax2_keras3.keras", predictions: "softmax2_keras3"),
        Case(file: "softmax2_tfkeras.h5", predictions: "softmax2_tfkeras"),
        Case(file: "highlevel7_keras3.h5", predictions: "highlevel7_keras3", columns: 21..<28),
        Case(file: "activations_keras3.h5", predictions: "activations_keras3"),
        Case(file: "activations_keras3.keras", predictions: "activations_keras3"),
        Case(file: "activations_tfkeras.h5", predictions: "activations_tfkeras"),
    ]

    @Test("predictions equal the framework's to 1e-5", arguments: cases)
    func predictionsMatch(_ fixture: Case) throws {
        let model = try ModelFileReader.read(contentsOf: Fixtures.url(fixture.file))
        let rows = try Fixtures.hiddenTestRows(columns: fixture.columns)
        let expected = try Fixtures.predictions(fixture.predictions)
        try model.requireInputCount(fixture.columns.count)
        let predicted = try withFeatureBatch(rows, columns: fixture.columns.count) {
            try model.classifier.predict($0)
        }
        #expect(predicted.count == expected.count)
        let difference = maxAbsDifference(predicted, expected)
        print("max |ours - framework| for \(fixture.file): \(difference)")
        #expect(difference < 1e-5, "max abs difference \(difference) for \(fixture.file)")
    }
}
