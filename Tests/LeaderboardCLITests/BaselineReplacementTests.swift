import Foundation
import GRDB
import TestSupport
import Testing

/// `train` run again: the new baseline replaces the earlier one of its kind, the other kind
/// stays as it was.
@Suite struct BaselineReplacementTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    func train(_ ws: String, _ arguments: [String]) throws -> [String: Any] {
        let run = try CommandRunner.run(
            ["train", "--workspace", ws, "--json", "--rows", "2000"] + arguments, in: dir.path, environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func aRetrainedBaselineReplacesItsEarlierEntry() throws {
        let ws = try dir.workspace(examples: [])
        _ = try train(ws, ["--model", "nn", "--epochs", "2"])
        _ = try train(ws, ["--model", "bdt", "--rounds", "5"])
        let newest = try train(ws, ["--model", "bdt", "--rounds", "20"])
        // The same training again gives the same file: the entry stays, its run is replaced.
        _ = try train(ws, ["--model", "bdt", "--rounds", "20"])
        let database = try DatabaseQueue(path: ws + "/leaderboard.sqlite")
        let rows = try database.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT e.id, e.path, m.public_auc FROM entry e JOIN entry_metrics m ON m.entry_id = e.id
                    WHERE e.is_baseline ORDER BY e.path
                    """)
        }
        #expect(rows.map { $0["path"] as String } == ["baselines/bdt", "baselines/nn"])
        let bdtAUC: Double = try #require(rows.first)["public_auc"]
        #expect(abs(bdtAUC - (try #require(newest["publicAUC"] as? Double))) < 1e-12)
        // The earlier run's history went with its entry; the network's run stays.
        let runs = try database.read { db in
            try Row.fetchAll(db, sql: "SELECT model, settings, entry_id FROM training_run ORDER BY model")
        }
        #expect(runs.map { $0["model"] as String } == ["bdt", "nn"])
        #expect((runs.first?["settings"] as String?)?.contains("20") == true)
        #expect(runs.map { $0["entry_id"] as Int64? } == rows.map { $0["id"] as Int64? })
        try database.close()

        let built = try CommandRunner.run(["build", "--workspace", ws], in: dir.path, environment: environment)
        #expect(built.status == 0, "\(built.stderr)")
        let index = try String(contentsOfFile: ws + "/site/index.html", encoding: .utf8)
        let entryLinks = index.matches(of: /href="entries\/(\d+)\.html"/).map { String($0.1) }
        #expect(Set(entryLinks) == Set(rows.map { String($0["id"] as Int64) }), "\(entryLinks)")
    }
}
