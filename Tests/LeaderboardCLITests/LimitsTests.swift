import Foundation
import TestSupport
import Testing

/// Every limit has a default, a setting in `leaderboard.yml`, and a message that names it.
@Suite struct LimitsTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    /// A workspace with one example submission and `limits` appended to its config.
    func workspace(limits: String) throws -> String {
        try dir.workspace(examples: ["notebook-net"], config: limits)
    }

    @Test func limitsListsEveryKey() throws {
        let ws = try workspace(limits: "limits:\n  max_parameters: 100\n  wall_seconds: 30\n")
        let result = try CommandRunner.run(["limits", "--workspace", ws], in: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        for key in [
            "memory_bytes", "cpu_seconds", "wall_seconds", "max_file_bytes", "max_zip_entries",
            "max_inflated_bytes", "max_parameters", "max_manifest_bytes", "max_folder_entries",
        ] {
            #expect(result.stdout.contains(key), "\(key) missing")
        }
        let line = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("max_parameters ") })
        #expect(line.contains("*100 "))
        #expect(line.contains("50000000"))
    }

    @Test func configLimitReachesTheChild() throws {
        let ws = try workspace(limits: "limits:\n  max_parameters: 100\n")
        let result = try CommandRunner.run(["score", "--workspace", ws, "--json"], in: dir.path, environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let outcomes = try json(result.stdout)
        let failure = try #require(outcomes.first?["failure"] as? String)
        #expect(failure.contains("limits.max_parameters in leaderboard.yml"), "\(failure)")
        #expect(failure.contains("the limit of 100"), "\(failure)")
    }

    @Test func anUnknownOrNonPositiveLimitIsOneLineNamingIt() throws {
        let ws = try workspace(limits: "limits:\n  max_paramters: 100\n")
        let result = try CommandRunner.run(["score", "--workspace", ws], in: dir.path, environment: environment)
        #expect(result.status != 0)
        #expect(result.stderr.contains("limits.max_paramters in leaderboard.yml is not a limit"), "\(result.stderr)")
        #expect(result.stderr.contains("max_parameters"))

        let negative = try dir.workspace("ws2", examples: [], config: "limits:\n  cpu_seconds: -1\n")
        let refused = try CommandRunner.run(["score", "--workspace", negative], in: dir.path, environment: environment)
        #expect(refused.stderr.contains("limits.cpu_seconds in leaderboard.yml is -1.0: give a positive number"), "\(refused.stderr)")
    }
}
