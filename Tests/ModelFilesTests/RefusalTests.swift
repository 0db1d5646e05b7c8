import Foundation
import ModelFiles
import Models
import Testing

/// Every refusal is a typed error whose one line names the file, what was found and
/// what to submit instead.
@Suite("Refusals")
struct RefusalTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        /// Phrases the message must contain (besides the file's name).
        var phrases: [String]
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        Case(
            file: "keras3_weights_only.weights.h5",
            phrases: ["only weights", "Keras 3 .weights.h5", "model.save('model.h5')"]),
        Case(
            file: "tfkeras_weights_only.h5",
            phrases: ["only weights", "Keras 2 save_weights", "model.save('model.keras')"]),
        Case(file: "keras3_lambda.h5", phrases: ["Lambda layer 'lambda'", "Python code", "never runs"]),
        Case(file: "tfkeras_lambda.h5", phrases: ["Lambda layer 'lambda'", "built-in Keras layers"]),
        Case(
            file: "keras3_custom_layer.h5",
            phrases: ["layer 'doubling'", "custom class 'Fixture>Doubling'", "never runs"]),
        Case(
            file: "not_keras.h5",
            phrases: ["HDF5 file but not a Keras model", "'events'", "model.save('model.h5')"]),
        Case(file: "model.pkl", phrases: ["Python pickle", "can run code", "ONNX", "skl2onnx"]),
        Case(file: "model.joblib", phrases: ["Python pickle", "skl2onnx"]),
        Case(file: "torch_like.pt", phrases: ["PyTorch", "pickle", "torch.onnx"]),
        Case(file: "keras3_three_outputs.h5", phrases: ["outputs 3 values", "1 sigmoid unit or 2 softmax units"]),
        Case(file: "hostile_huge_kernel.h5", phrases: ["damaged or inconsistent", "[28, 1000000000000]", "expected [28, 28]"]),
        Case(file: "hostile_traversal.keras", phrases: ["entry named '../config.json'"]),
        Case(file: "make_keras_fixtures.py", phrases: ["not a model file", "found text", ".keras"]),
    ]

    @Test("each refusal says what was found and what to submit", arguments: cases)
    func refusal(_ fixture: Case) throws {
        let url = try Fixtures.url(fixture.file)
        let error = try #require(throws: ModelFileError.self) { try ModelFileReader.read(contentsOf: url) }
        let message = error.description
        #expect(error.file == fixture.file)
        #expect(message.hasPrefix("'\(fixture.file)'"), "\(message)")
        #expect(!message.contains("\n"))
        for phrase in fixture.phrases {
            #expect(message.contains(phrase), "“\(phrase)” not in: \(message)")
        }
    }

    @Test("the reasons are typed")
    func typedReasons() throws {
        func reason(_ file: String) throws -> ModelFileError.Reason {
            let url = try Fixtures.url(file)
            return try #require(throws: ModelFileError.self) { try ModelFileReader.read(contentsOf: url) }.reason
        }
        #expect(try reason("keras3_lambda.h5") == .lambdaLayer(layer: "lambda"))
        #expect(try reason("model.pkl") == .pickle(container: nil))
        #expect(try reason("keras3_three_outputs.h5") == .outputShape(units: 3))
        #expect(try reason("keras3_custom_layer.h5") == .customLayer(layer: "doubling", className: "Fixture>Doubling"))
    }

    @Test("7-input model refused where 28 expected")
    func wrongInputWidth() throws {
        let model = try ModelFileReader.read(contentsOf: Fixtures.url("highlevel7_keras3.h5"))
        #expect(model.inputCount == 7)
        try model.requireInputCount(7)
        let error = try #require(throws: ModelFileError.self) { try model.requireInputCount(28) }
        #expect(error.reason == .inputWidth(expected: 28, found: 7))
        #expect(error.description.contains("reads 7 features per event, but 28 are given"))
        #expect(error.description.contains("manifest"))
        // Predicting on rows of the wrong width is an error, not a crash.
        let rows = [Float](repeating: 0, count: 28 * 2)
        #expect(throws: ClassifierError.inputWidth(expected: 7, found: 28)) {
            try withFeatureBatch(rows, columns: 28) { try model.classifier.predict($0) }
        }
    }

    @Test("a truncated HDF5 file is refused, not a crash", arguments: [100, 2_048, 20_000])
    func truncated(bytes: Int) throws {
        let data = try Data(contentsOf: Fixtures.url("notebook_keras3.h5")).prefix(bytes)
        let error = try #require(throws: ModelFileError.self) {
            try ModelFileReader.read(Data(data), fileName: "cut.h5")
        }
        #expect(error.description.hasPrefix("'cut.h5' is damaged or inconsistent"), "\(error)")
    }

    @Test("unknown bytes and empty files are refused")
    func unknown() throws {
        let binary = Data([0x00, 0x01, 0xFE, 0xFF, 0x42])
        let error = try #require(throws: ModelFileError.self) { try ModelFileReader.read(binary, fileName: "x.bin") }
        #expect(error.reason == .unknownFormat(found: "unrecognised binary data"))
        #expect(throws: ModelFileError.self) { try ModelFileReader.read(Data(), fileName: "empty.h5") }
        let missing = URL(fileURLWithPath: "/nonexistent/model.h5")
        let unreadable = try #require(throws: ModelFileError.self) { try ModelFileReader.read(contentsOf: missing) }
        #expect(unreadable.description.hasPrefix("'model.h5' could not be read"))
    }

    @Test("limits: file size, zip entries and bytes inflated")
    func limits() throws {
        let keras = try Fixtures.url("notebook_keras3.keras")
        let small = ModelFileLimits(maxFileBytes: 1_000)
        let tooBig = try #require(throws: ModelFileError.self) { try ModelFileReader.read(contentsOf: keras, limits: small) }
        #expect(tooBig.description.contains("over the limit of 1000 bytes (limits.max_file_bytes in leaderboard.yml)"))
        let fewEntries = ModelFileLimits(maxZipEntries: 2)
        let entries = try #require(throws: ModelFileError.self) {
            try ModelFileReader.read(contentsOf: keras, limits: fewEntries)
        }
        #expect(entries.description.contains("more entries than the limit of 2 entries (limits.max_zip_entries in leaderboard.yml)"))
        let littleInflation = ModelFileLimits(maxInflatedBytes: 10_000)
        let inflated = try #require(throws: ModelFileError.self) {
            try ModelFileReader.read(contentsOf: keras, limits: littleInflation)
        }
        #expect(
            inflated.description.contains(
                "'model.weights.h5' inflates past the 10000 bytes the archive may inflate to (limits.max_inflated_bytes in leaderboard.yml)"
            ))
        let fewParameters = ModelFileLimits(maxParameters: 1_000)
        let parameters = try #require(throws: ModelFileError.self) {
            try ModelFileReader.read(contentsOf: Fixtures.url("notebook_keras3.h5"), limits: fewParameters)
        }
        #expect(
            parameters.description.contains("more parameters than the limit of 1000 numbers (limits.max_parameters in leaderboard.yml)"))
    }
}
