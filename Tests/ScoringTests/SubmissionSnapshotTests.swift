import Crypto
import Foundation
import ModelFiles
import TestSupport
import Testing

@testable import Scoring

/// The private copy a submission is scored from.
@Suite struct SubmissionSnapshotTests {
    let dir = TemporaryDirectory()

    /// The submission folder `team` holding `files`, and its model and manifest opened.
    private func opened(_ files: [String: String], maxModelBytes: Int = 1 << 20) throws -> SubmissionFiles {
        try FileManager.default.createDirectory(atPath: dir.file("team"), withIntermediateDirectories: true)
        for (name, text) in files { _ = try dir.write(text, to: "team/" + name) }
        let submission = Submission(at: URL(fileURLWithPath: dir.file("team")), displayName: "team")
        #expect(submission.problem == nil, "\(submission.problem ?? "")")
        return try submission.openFiles(maxModelBytes: maxModelBytes)
    }

    @Test func theCopyHoldsTheBytesAsReadAndItsDigest() throws {
        let files = try opened(["net.h5": "version one\n"])
        let snapshot = try SubmissionSnapshot(files)
        defer { snapshot.remove() }
        #expect(snapshot.modelPath.hasPrefix(FileManager.default.temporaryDirectory.path))
        #expect((snapshot.modelPath as NSString).lastPathComponent == "net.h5")
        #expect(snapshot.modelSHA256 == SHA256.hash(data: Data("version one\n".utf8)).hexString)

        // The participant replaces the file while it is scored: the copy stays what was read.
        try "version two, longer\n".write(toFile: dir.file("team/net.h5"), atomically: true, encoding: .utf8)
        #expect(try String(contentsOfFile: snapshot.modelPath, encoding: .utf8) == "version one\n")
    }

    @Test func theManifestIsCopiedBesideTheModel() throws {
        let files = try opened(["model.onnx": "m", "manifest.yml": "team: A\n"])
        let snapshot = try SubmissionSnapshot(files)
        defer { snapshot.remove() }
        let copy = try #require(snapshot.manifestPath)
        #expect((copy as NSString).lastPathComponent == "manifest.yml")
        #expect((copy as NSString).deletingLastPathComponent == (snapshot.modelPath as NSString).deletingLastPathComponent)
        #expect(snapshot.manifestSHA256 == SHA256.hash(data: Data("team: A\n".utf8)).hexString)
    }

    @Test func aFileOverTheLimitIsRefusedNamingTheSetting() throws {
        let files = try opened(["big.h5": String(repeating: "x", count: 2_000)], maxModelBytes: 1_000)
        #expect {
            try SubmissionSnapshot(files)
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
