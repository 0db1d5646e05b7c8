import Crypto
import Foundation
import Testing
import TestSupport
@testable import Scoring

/// The private copy a submission is scored from.
@Suite struct SubmissionSnapshotTests {
    let dir = TemporaryDirectory()

    @Test func theCopyHoldsTheBytesAsReadAndItsDigest() throws {
        let model = try dir.write("version one\n", to: "net.h5")
        let snapshot = try SubmissionSnapshot(modelPath: model, manifestPath: nil, maxBytes: 1 << 20)
        defer { snapshot.remove() }
        #expect(snapshot.modelPath.hasPrefix(FileManager.default.temporaryDirectory.path))
        #expect((snapshot.modelPath as NSString).lastPathComponent == "net.h5")
        #expect(snapshot.modelSHA256 == SHA256.hash(data: Data("version one\n".utf8)).hexString)
        #expect(!snapshot.originalChanged(model))

        // The participant replaces the file while it is scored: the copy stays what was read.
        try "version two, longer\n".write(toFile: model, atomically: true, encoding: .utf8)
        #expect(snapshot.originalChanged(model))
        #expect(try String(contentsOfFile: snapshot.modelPath, encoding: .utf8) == "version one\n")
    }

    @Test func theManifestIsCopiedBesideTheModel() throws {
        let model = try dir.write("m", to: "model.onnx")
        let manifest = try dir.write("team: A\n", to: "manifest.yml")
        let snapshot = try SubmissionSnapshot(modelPath: model, manifestPath: manifest, maxBytes: 1 << 20)
        defer { snapshot.remove() }
        let copy = try #require(snapshot.manifestPath)
        #expect((copy as NSString).lastPathComponent == "manifest.yml")
        #expect((copy as NSString).deletingLastPathComponent == (snapshot.modelPath as NSString).deletingLastPathComponent)
        #expect(snapshot.manifestSHA256 == SHA256.hash(data: Data("team: A\n".utf8)).hexString)
    }

    @Test func aPipeInPlaceOfTheModelIsRefusedWithoutWaiting() throws {
        let fifo = dir.file("model.h5")
        #expect(mkfifo(fifo, 0o644) == 0)
        let start = Date()
        #expect {
            try SubmissionSnapshot(modelPath: fifo, manifestPath: nil, maxBytes: 1 << 20)
        } throws: { error in
            let failure = try #require(error as? SubmissionSnapshot.Failure)
            return failure.isRecorded && failure.description.contains("is not a regular file")
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func aFileOverTheLimitIsRefusedNamingTheSetting() throws {
        let model = try dir.write(String(repeating: "x", count: 2_000), to: "big.h5")
        #expect {
            try SubmissionSnapshot(modelPath: model, manifestPath: nil, maxBytes: 1_000)
        } throws: { error in
            (error as? SubmissionSnapshot.Failure)?.description.contains("limits.max_file_bytes") == true
        }
    }

    @Test(arguments: [
        ("../../etc/passwd", "passwd"), ("a b<script>.h5", "a_b_script_.h5"), (".hidden.onnx", "hidden.onnx"),
        ("ünïcode.keras", "_n_code.keras"), ("", "file"), ("..", "file"),
    ])
    func fileNamesAreMadeSafeAsOnePathComponent(_ name: String, _ expected: String) {
        #expect(SubmissionSnapshot.safeFileName(name) == expected)
    }
}
