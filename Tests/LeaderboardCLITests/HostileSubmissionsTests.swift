import Foundation
import TestSupport
import Testing

/// Submissions made to hang, exhaust or escape the scorer: each is one failed entry with
/// its reason, and the run goes on.
@Suite struct HostileSubmissionsTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    @Test func hostileFilesFailWithoutHanging() throws {
        let ws = try dir.workspace(examples: ["notebook-net"])
        let fm = FileManager.default
        let submissions = ws + "/submissions"
        func folder(_ name: String) throws -> String {
            try fm.createDirectory(atPath: submissions + "/" + name, withIntermediateDirectories: true)
            return submissions + "/" + name
        }
        #expect(mkfifo(try folder("fifo") + "/model.h5", 0o644) == 0)
        #expect(mkfifo(submissions + "/top-level-fifo.onnx", 0o644) == 0)
        try fm.createSymbolicLink(atPath: try folder("dev-zero") + "/model.keras", withDestinationPath: "/dev/zero")
        try fm.createSymbolicLink(atPath: try folder("link-out") + "/model.h5", withDestinationPath: "/etc/passwd")
        let sparse = try folder("sparse") + "/model.h5"
        #expect(fm.createFile(atPath: sparse, contents: nil))
        #expect(truncate(sparse, 1 << 30) == 0)

        let start = Date()
        let result = try CommandRunner.run(["score", "--workspace", ws, "--json"], in: dir.path, environment: environment)
        #expect(Date().timeIntervalSince(start) < 120)
        #expect(result.status == 0, "\(result.stderr)")
        let outcomes = try json(result.stdout)
        func failure(_ path: String) -> String {
            (outcomes.first { $0["path"] as? String == "submissions/" + path }?["failure"] as? String) ?? "(none)"
        }
        #expect(failure("fifo").contains("is not a regular file"), "\(failure("fifo"))")
        #expect(failure("top-level-fifo.onnx").contains("not a regular file"), "\(failure("top-level-fifo.onnx"))")
        #expect(failure("dev-zero").contains("is a symbolic link"), "\(failure("dev-zero"))")
        #expect(failure("link-out").contains("is a symbolic link"), "\(failure("link-out"))")
        #expect(failure("sparse").contains("limits.max_file_bytes"), "\(failure("sparse"))")
        #expect(outcomes.first { $0["path"] as? String == "submissions/notebook-net" }?["status"] as? String == "scored")
        #expect(!result.stdout.contains("root:x:0"), "the link's target leaked into a message")
    }
}
