import Foundation
import GRDB
import TestSupport
import Testing

/// A database written before public-only figures existed (`Fixtures/before-public-figures.sqlite`,
/// made by `Fixtures/make-before-public-figures.sh` with the tool at commit ba89c00) is
/// migrated: its data page statistics and the baselines' overtraining checks, computed then
/// on every row including the hidden ones, are dropped; the next `score` fills in every entry's public figures from its stored
/// hidden-test scores and recomputes the statistics on the labelled rows; until then the
/// public site shows no figure of those entries beyond the public AUC.
@Suite struct PublicFiguresMigrationTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    static let fixture = SharedFixtures.repositoryRoot + "/Tests/LeaderboardCLITests/Fixtures/before-public-figures.sqlite"

    @Test func olderDatabaseGetsPublicFigures() throws {
        let ws = try dir.workspace(examples: ["kaggle-style", "notebook-net", "pickled-model"])
        let database = ws + "/leaderboard.sqlite"
        try? FileManager.default.removeItem(atPath: database)
        try FileManager.default.copyItem(atPath: Self.fixture, toPath: database)
        let scoredBefore = try DatabaseQueue(path: database).read {
            try Int.fetchOne($0, sql: "SELECT count(*) FROM entry_metrics")
        }
        #expect(scoredBefore == 4, "two examples and the two baselines")

        // Built before `score` ran again: the public view shows the public AUC and nothing
        // computed on all hidden rows.
        let early = try CommandRunner.run(
            ["build", "--workspace", ws, "--output", ws + "/early"],
            in: dir.path, environment: environment)
        #expect(early.status == 0, "\(early.stderr)")
        let earlyJSON = try String(contentsOfFile: ws + "/early/leaderboard.json", encoding: .utf8)
        #expect(!earlyJSON.contains("logLoss"), "no log loss of all hidden rows before the public one is filled in")
        let earlyData = try String(contentsOfFile: ws + "/early/data.html", encoding: .utf8)
        #expect(!earlyData.contains("<svg"), "no statistics computed on the hidden labels")
        let baseline = try String(contentsOfFile: ws + "/early/entries/5.html", encoding: .utf8)
        #expect(baseline.contains("<h2>Training</h2>"))
        #expect(!baseline.contains("overtraining check"), "no Kolmogorov–Smirnov test against all hidden rows")

        let scored = try CommandRunner.run(["score", "--workspace", ws, "--json"], in: dir.path, environment: environment)
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(try json(scored.stdout).allSatisfy { $0["status"] as? String == "unchanged" })

        let migrated = try DatabaseQueue(path: database)
        let (filled, statistics) = try migrated.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT count(*) FROM entry_public_metrics"),
                try String.fetchOne(db, sql: "SELECT statistics FROM dataset_detail")
            )
        }
        try migrated.close()
        #expect(filled == scoredBefore)
        #expect(statistics?.contains("\"histograms\"") == true)

        let built = try CommandRunner.run(
            ["build", "--workspace", ws, "--output", ws + "/later"],
            in: dir.path, environment: environment)
        #expect(built.status == 0, "\(built.stderr)")
        let laterJSON = try String(contentsOfFile: ws + "/later/leaderboard.json", encoding: .utf8)
        #expect(laterJSON.contains("logLoss"))
        let laterData = try String(contentsOfFile: ws + "/later/data.html", encoding: .utf8)
        #expect(laterData.contains("<svg"))
    }
}
