import Foundation
import GRDB
import TestSupport
import Testing

/// `score`'s exit status and closing line: participants' files that fail are recorded results
/// (exit 0), an entry the organizer's side could not record is the run's failure (non-zero).
@Suite struct ScoreExitStatusTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    func score(_ ws: String, json: Bool = false) throws -> CommandRunner.Outcome {
        try CommandRunner.run(["score", "--workspace", ws] + (json ? ["--json"] : []), in: dir.path, environment: environment)
    }

    @Test func onlyParticipantsFailuresExitZeroAndSaySo() throws {
        let ws = try dir.workspace(examples: ["pickled-model", "notebook-net"])
        let run = try score(ws)
        #expect(run.status == 0, "\(run.stderr)")
        let last = run.stdout.split(separator: "\n").last.map(String.init)
        #expect(last == "1 submission failed on the participants' side (recorded; teams see why on the site)", "\(run.stdout)")
        #expect(!run.stdout.contains("organizer side"))
        let again = try dir.workspace("ws2", examples: ["pickled-model", "notebook-net"])
        let outcomes = try json(try score(again, json: true).stdout)
        let failed = try #require(outcomes.first { $0["status"] as? String == "failed" })
        #expect(failed["failedOn"] as? String == "participant")
        #expect(failed["organizerFault"] == nil)
        #expect(outcomes.first { $0["status"] as? String == "scored" }?["failedOn"] == nil)
    }

    @Test func anEntryTheDatabaseRefusesExitsNonZeroAndIsScoredOnTheNextRun() throws {
        let ws = try dir.workspace(examples: ["notebook-net"])
        #expect(try score(ws).status == 0)
        // The database refuses to record one team's entry, as a failing disk would.
        let database = ws + "/leaderboard.sqlite"
        try DatabaseQueue(path: database).write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER refuse_entry BEFORE INSERT ON entry WHEN NEW.path LIKE '%tf-keras-net%'
                    BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END
                    """)
        }
        try FileManager.default.copyItem(
            atPath: SharedFixtures.exampleSubmissions + "/tf-keras-net", toPath: ws + "/submissions/tf-keras-net")
        try FileManager.default.copyItem(
            atPath: SharedFixtures.exampleSubmissions + "/pickled-model", toPath: ws + "/submissions/pickled-model")
        let run = try score(ws)
        #expect(run.status != 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("1 submission failed on the participants' side (recorded; teams see why on the site)"))
        let last = try #require(lines.last)
        #expect(last.hasPrefix("1 entry could not be recorded (organizer side): "), "\(run.stdout)")
        #expect(last.contains("disk I/O error") && last.hasSuffix("; run score again after fixing it"), "\(last)")

        let jsonRun = try score(ws, json: true)
        #expect(jsonRun.status != 0)
        let outcomes = try json(jsonRun.stdout)
        let refused = try #require(outcomes.first { $0["path"] as? String == "submissions/tf-keras-net" })
        #expect(refused["status"] as? String == "failed")
        #expect(refused["failedOn"] as? String == "organizer")
        #expect((refused["organizerFault"] as? String)?.contains("disk I/O error") == true)
        // The participant's failure was recorded the first time: unchanged now.
        #expect(outcomes.first { $0["path"] as? String == "submissions/pickled-model" }?["status"] as? String == "unchanged")

        try DatabaseQueue(path: database).write { try $0.execute(sql: "DROP TRIGGER refuse_entry") }
        let fixed = try score(ws, json: true)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        let scored = try json(fixed.stdout).first { $0["path"] as? String == "submissions/tf-keras-net" }
        #expect(scored?["status"] as? String == "scored")
    }
}
