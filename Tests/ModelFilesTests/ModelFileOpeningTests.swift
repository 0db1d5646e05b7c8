import Foundation
import ModelFiles
import TestSupport
import Testing

/// A model file named by path is read as every submitted file is: opened beneath its
/// folder, never through a link, and refused over `max_file_bytes` before it is read.
@Suite("Model files opened as submitted files")
struct ModelFileOpeningTests {
    let dir = TemporaryDirectory("model-opening")

    @Test("a model file that is a symbolic link is refused, its target unread")
    func linkRefused() throws {
        let real = try Fixtures.url("highlevel7_keras3.h5")
        let link = URL(fileURLWithPath: dir.file("model.h5"))
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let error = try #require(throws: ModelFileError.self) { try ModelFileReader.read(contentsOf: link) }
        #expect(error.reason == .unreadable(detail: "it is a symbolic link"))
        #expect(throws: ModelFileError.self) { try ModelFileReader.format(of: link) }
        #expect(try ModelFileReader.format(of: real) == .hdf5)
    }

    @Test("a model file over the limit is refused naming the setting")
    func tooLarge() throws {
        let path = try dir.write(String(repeating: "x", count: 2_000), to: "big.onnx")
        let error = try #require(throws: ModelFileError.self) {
            try ModelFileReader.read(contentsOf: URL(fileURLWithPath: path), limits: ModelFileLimits(maxFileBytes: 1_000))
        }
        #expect(error.description.contains("2000 bytes, over the limit of 1000 bytes (limits.max_file_bytes"), "\(error)")
    }

    @Test("a model file that is a FIFO is refused at once, without waiting for a writer")
    func fifoRefused() throws {
        let path = dir.file("model.onnx")
        #expect(mkfifo(path, 0o600) == 0)
        let error = try #require(throws: ModelFileError.self) { try ModelFileReader.read(contentsOf: URL(fileURLWithPath: path)) }
        #expect(error.reason == .unreadable(detail: "it is not a regular file (a pipe, device or socket)"))
        #expect(throws: ModelFileError.self) { try ModelFileReader.format(of: URL(fileURLWithPath: path)) }
    }

    @Test("a model file with a second name is refused before a byte is read")
    func hardLinkRefused() throws {
        let secret = try dir.write(String(repeating: "secret ", count: 100), to: "organizer.sqlite")
        let model = dir.file("model.onnx")
        #expect(link(secret, model) == 0)
        let error = try #require(throws: ModelFileError.self) { try ModelFileReader.read(contentsOf: URL(fileURLWithPath: model)) }
        #expect(error.reason == .unreadable(detail: "it is a hard link to another name"))
        #expect(!error.description.contains("secret"))
        #expect(throws: ModelFileError.self) { try ModelFileReader.format(of: URL(fileURLWithPath: model)) }
    }
}
