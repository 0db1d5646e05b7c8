import Foundation
import ModelFiles
import Testing

/// ONNX tensors stored outside the model file (`data_location = EXTERNAL`), written by the
/// onnx package's own `save_model`, are refused: the file they name is never read, whether
/// it sits beside the model or anywhere else.
@Suite("ONNX external data")
struct ONNXExternalDataTests {
    @Test(
        "external tensor data refused by name",
        arguments: [
            ("external_initializer.onnx", "initializer 'W'"),
            ("external_outside.onnx", "initializer 'W'"),
            ("external_constant.onnx", "attribute 'value' of node 'Constant#0'"),
        ])
    func refused(_ file: String, _ tensor: String) throws {
        let url = try ONNXFixtures.url("external-data/\(file)")
        let error = try #require(throws: ModelFileError.self) { try ModelFileReader.read(contentsOf: url) }
        let message = error.description
        #expect(message.hasPrefix("'\(file)' "), "\(message)")
        #expect(message.contains("external data for"), "\(message)")
        #expect(message.contains(tensor), "\(message)")
        #expect(message.contains("save_as_external_data=False"), "\(message)")
        #expect(!message.contains("\n"))
    }
}
