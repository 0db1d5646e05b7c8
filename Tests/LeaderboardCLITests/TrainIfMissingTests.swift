import Foundation
import GRDB
import TestSupport
import Testing

/// `train --if-missing`, as a CI job that keeps its database runs it on every push: a baseline
/// is trained once per data set, then skipped with a line saying which run it has.
@Suite struct TrainIfMissingTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    func train(_ ws: String, _ arguments: [String]) throws -> CommandRunner.Outcome {
        let run = try CommandRunner.run(
            ["train", "--workspace", ws, "--if-missing", "--rows", "2000", "--rounds", "3", "--epochs", "1"] + arguments,
            in: dir.path, environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        return run
    }

    /// The recorded runs: model, id and time.
    func runs(_ ws: String) throws -> [Row] {
        let database = try DatabaseQueue(path: ws + "/leaderboard.sqlite")
        defer { try? database.close() }
        return try database.read { db in try Row.fetchAll(db, sql: "SELECT id, model, trained_at FROM training_run ORDER BY id") }
    }

    @Test func runTwiceItTrainsOnce() throws {
        let ws = try dir.workspace(examples: [])
        let first = try train(ws, ["--model", "bdt"])
        #expect(first.stdout.hasPrefix("bdt: 2,000 rows in "), "\(first.stdout)")
        let trained = try runs(ws)
        #expect(trained.count == 1)
        let second = try train(ws, ["--model", "bdt"])
        let id: Int64 = try #require(trained.first)["id"], date: String = try #require(trained.first)["trained_at"]
        #expect(second.stdout == "bdt: already trained on this data (run \(id), \(date)); skipped\n")
        #expect(try runs(ws) == trained)
        // All baselines: the missing one is trained, the other skipped.
        let all = try train(ws, ["--model", "all"])
        let lines = all.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first.map(String.init) == second.stdout.dropLast().description)
        #expect(lines.last?.hasPrefix("nn: 2,000 rows in ") == true, "\(all.stdout)")
        #expect(try runs(ws).map { $0["model"] as String } == ["bdt", "nn"])
        let json = try train(ws, ["--json"])
        for line in json.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["skipped"] as? Bool == true)
        }
        // Without the flag, training replaces the run as before.
        let again = try CommandRunner.run(
            ["train", "--workspace", ws, "--model", "bdt", "--rows", "2000", "--rounds", "3"], in: dir.path, environment: environment)
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("bdt: 2,000 rows in "))
    }

    @Test func anotherDataSetIsMissingItsBaselines() throws {
        let ws = try dir.workspace(examples: [])
        _ = try train(ws, ["--model", "bdt"])
        // Another split (its seed) is another data set record: the baseline is trained for it.
        let config = ws + "/leaderboard.yml"
        let text = try String(contentsOfFile: config, encoding: .utf8)
        try text.replacingOccurrences(of: "  seed: 2014", with: "  seed: 7").write(toFile: config, atomically: true, encoding: .utf8)
        let run = try train(ws, ["--model", "bdt"])
        #expect(run.stdout.hasPrefix("bdt: 2,000 rows in "), "\(run.stdout)")
    }
}
