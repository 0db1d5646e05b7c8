import Foundation
import ModelFiles
import Results
import Testing

/// Formats are recognised by content, not by extension.
@Suite("Format detection")
struct ModelFileFormatTests {
    @Test(
        "fixtures are recognised by their bytes",
        arguments: [
            ("notebook_keras3.h5", ModelFileFormat.hdf5),
            ("keras3_weights_only.weights.h5", .hdf5),
            ("not_keras.h5", .hdf5),
            ("notebook_keras3.keras", .zip),
            ("torch_like.pt", .zip),
            ("model.pkl", .pickle),
            ("model.joblib", .pickle),
            ("notebook_keras3.predictions.txt", .text),
            ("activations_reference_keras3.json", .json),
        ])
    func fixture(name: String, format: ModelFileFormat) throws {
        let url = try Fixtures.url(name)
        #expect(try ModelFileReader.format(of: url) == format)
        #expect(ModelFileFormat.detect(try Data(contentsOf: url), fileName: name) == format)
    }

    @Test("content wins over the extension")
    func contentOverExtension() throws {
        let h5 = try Data(contentsOf: Fixtures.url("notebook_keras3.h5"))
        #expect(ModelFileFormat.detect(h5, fileName: "model.pkl") == .hdf5)
        #expect(ModelFileFormat.detect(h5, fileName: "model.onnx") == .hdf5)
        let pickle = try Data(contentsOf: Fixtures.url("model.pkl"))
        #expect(ModelFileFormat.detect(pickle, fileName: "model.h5") == .pickle)
        // A pickle renamed .h5 is still refused as a pickle.
        let error = try #require(throws: ModelFileError.self) { try ModelFileReader.read(pickle, fileName: "model.h5") }
        #expect(error.reason == .pickle(container: nil))
    }

    @Test("magic bytes")
    func magic() {
        #expect(ModelFileFormat.detect(Data([0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A])) == .hdf5)
        var userBlock = Data(count: 512)
        userBlock.append(contentsOf: [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(ModelFileFormat.detect(userBlock) == .hdf5)
        #expect(ModelFileFormat.detect(Data("PK\u{03}\u{04}rest".utf8)) == .zip)
        for protocolByte: UInt8 in 2...5 {
            #expect(ModelFileFormat.detect(Data([0x80, protocolByte, 0x7D])) == .pickle)
        }
        #expect(ModelFileFormat.detect(Data([0x1F, 0x8B, 0x08])) == .gzip)
        #expect(ModelFileFormat.detect(Data([0x1F, 0x8B, 0x08]), fileName: "m.joblib") == .pickle)
        #expect(ModelFileFormat.detect(Data([0x08, 0x07, 0x12]), fileName: "m.onnx") == .onnx)
        #expect(ModelFileFormat.detect(Data("  {\"learner\": {}}".utf8)) == .json)
        #expect(ModelFileFormat.detect(Data("id,score\n0,0.5\n".utf8)) == .text)
        #expect(ModelFileFormat.detect(Data([0x00, 0xFF, 0x13])) == .unknown)
        #expect(ModelFileFormat.detect(Data()) == .unknown)
    }
}
