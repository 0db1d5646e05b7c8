import Foundation
import TestSupport
import Testing

/// What `score` and `check` say when the kernel lacks a layer of the children's containment
/// (simulated with the tests' switch): one line for the whole run, and every entry scores.
@Suite struct ContainmentNoticeTests {
    let dir = TemporaryDirectory()

    /// The lines of `stderr` that speak of missing containment.
    static func notices(_ stderr: String) -> [Substring] {
        stderr.split(separator: "\n").filter { $0.contains("sandboxed predictions run without") }
    }

    @Test func missingLandlockSaidOnce() throws {
        let ws = try dir.workspace(examples: ["notebook-net", "xgboost-trees", "README.md"])
        let environment = [
            "LEADERBOARD_CACHE": dir.file("cache"), "LEADERBOARD_TEST_FAULTS": "1",
            "LEADERBOARD_TEST_NO_LANDLOCK": "1",
        ]
        let run = try CommandRunner.run(["score", "--workspace", ws, "--json"], in: dir.path, environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        let outcomes = try json(run.stdout)
        #expect(outcomes.count == 2)
        #expect(outcomes.allSatisfy { $0["status"] as? String == "scored" })
        let notices = Self.notices(run.stderr)
        #expect(notices.count == 1)
        #expect(notices.first?.contains("Landlock (switched off for a test)") == true)
        #expect(notices.first?.contains("SECURITY.md") == true)
    }

    @Test func checkSaysItTooAndTheSwitchNeedsTheTestFaults() throws {
        let model = SharedFixtures.model("notebook_keras3.h5")
        let cache = dir.file("cache")
        let without = try CommandRunner.run(
            ["check", model], in: dir.path,
            environment: [
                "LEADERBOARD_CACHE": cache, "LEADERBOARD_TEST_FAULTS": "1", "LEADERBOARD_TEST_NO_SECCOMP": "1",
            ])
        #expect(without.status == 0, "\(without.stderr)")
        #expect(Self.notices(without.stderr).count == 1)
        #expect(Self.notices(without.stderr).first?.contains("seccomp (switched off for a test)") == true)
        // Without LEADERBOARD_TEST_FAULTS the switch does nothing.
        let ignored = try CommandRunner.run(
            ["check", model], in: dir.path,
            environment: [
                "LEADERBOARD_CACHE": cache, "LEADERBOARD_TEST_NO_SECCOMP": "1",
            ])
        #expect(ignored.status == 0, "\(ignored.stderr)")
        #expect(!Self.notices(ignored.stderr).contains { $0.contains("switched off") })
    }
}
