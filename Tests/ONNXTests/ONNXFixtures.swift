import Foundation
import Testing

/// The committed ONNX fixtures and the predictions written beside them.
enum ONNXFixtures {
    /// The URL of fixture `name` in the test bundle.
    static func url(_ name: String) throws -> URL {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let url = folder.appendingPathComponent(name)
        #expect(FileManager.default.fileExists(atPath: url.path), "missing fixture \(name)")
        return url
    }

    /// The contents of fixture `name`.
    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: url(name))
    }

    /// One number per line from fixture `name` (`<stem>.predictions.txt`, `<stem>.onnxruntime.txt`).
    static func numbers(_ name: String) throws -> [Double] {
        let text = try String(contentsOf: url(name), encoding: .utf8)
        return try text.split(separator: "\n").map { try #require(Double($0)) }
    }
}
