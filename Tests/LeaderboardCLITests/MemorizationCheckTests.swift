import Foundation
import GRDB
import Results
import TestSupport
import Testing

/// The memorization check through `score` and `build`, on model files made by the real
/// frameworks (`Fixtures/memorization/`, made by `bench/memorization.py sample --fixtures`):
/// models trained on the training rows only are not flagged, models trained on every row
/// of the sample, the hidden ones included, are; a predictions file is not checkable.
@Suite struct MemorizationCheckTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    /// Each fixture, its team, and whether it saw the hidden rows.
    static let models: [(file: String, team: String, memorizer: Bool)] = [
        ("honest-xgboost-depth4.json", "honest-xgboost", false),
        ("honest-lightgbm-15leaves.txt", "honest-lightgbm", false),
        ("honest-keras.h5", "honest-keras", false),
        ("memorizer-xgboost-depth6.json", "memorizer-xgboost", true),
        ("memorizer-lightgbm-15leaves.txt", "memorizer-lightgbm", true),
    ]

    static func fixture(_ name: String) -> String {
        SharedFixtures.repositoryRoot + "/Tests/LeaderboardCLITests/Fixtures/memorization/" + name
    }

    /// The entries of the site's `leaderboard.json`, by team.
    func exported(_ ws: String, final: Bool) throws -> [String: [String: Any]] {
        let built = try CommandRunner.run(
            ["build", "--workspace", ws] + (final ? ["--final"] : []), in: dir.path, environment: environment)
        #expect(built.status == 0, "\(built.stderr)")
        let data = try Data(contentsOf: URL(fileURLWithPath: ws + "/site/leaderboard.json"))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entries = try #require(document["entries"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: entries.compactMap { e in (e["team"] as? String).map { ($0, e) } })
    }

    @Test func honestModelsPassMemorizersAreFlaggedPredictionsAreNotCheckable() throws {
        let ws = try dir.workspace(examples: ["kaggle-style"])
        for model in Self.models {
            let folder = ws + "/submissions/" + model.team
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let name = "model." + (model.file.split(separator: ".").last.map(String.init) ?? "")
            try FileManager.default.copyItem(atPath: Self.fixture(model.file), toPath: folder + "/" + name)
        }
        let scored = try CommandRunner.run(["score", "--workspace", ws, "--json"], in: dir.path, environment: environment)
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(try json(scored.stdout).allSatisfy { $0["status"] as? String == "scored" }, "\(scored.stdout)")

        // The check equals the one computed in Python from the frameworks' own scores of the
        // rows and of the copies (rank statistics of scores that agree to 1e-6: 1e-4).
        let reference =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: Self.fixture("figures.json")))) as? [String: [String: Any]]
        let database = try ResultsDatabase(path: ws + "/leaderboard.sqlite")
        let entries = try database.entries(datasetID: try #require(try database.datasets().last?.id))
        for model in Self.models {
            let stored = try #require(entries.first { $0.entry.team == model.team }?.metrics)
            let check = try #require(stored.memorization, "\(model.team)")
            let python = try #require(reference?[model.file], "\(model.file)")
            for (value, key) in [(stored.auc, "auc"), (check.transformedAUC, "transformedAUC"), (check.difference, "difference")] {
                let expected = try #require(python[key] as? Double)
                #expect(abs(value - expected) < 1e-4, "\(model.team) \(key): \(value) against \(expected)")
            }
            #expect(check.suspected == (python["flagged"] as? Bool), "\(model.team)")
        }

        let final = try exported(ws, final: true)
        for model in Self.models {
            let entry = try #require(final[model.team], "\(model.team)")
            #expect(entry["suspectedMemorization"] as? Bool == model.memorizer, "\(model.team): \(entry)")
            let transformed = try #require(entry["transformedAUC"] as? Double, "\(model.team)")
            let auc = try #require(entry["auc"] as? Double)
            // A memorizer ranks the originals far better than their copies; an honest model alike.
            #expect(model.memorizer ? auc - transformed > 0.02 : abs(auc - transformed) < 0.03, "\(model.team)")
        }
        let predictions = try #require(final["kaggle-style"])
        #expect(predictions["suspectedMemorization"] is NSNull, "null, not absent: \(predictions)")
        #expect(predictions["transformedAUC"] == nil)

        // The public view has its own check, on the public rows: a verdict for every model file.
        let shown = try exported(ws, final: false)
        for model in Self.models { #expect(shown[model.team]?["suspectedMemorization"] is Bool, "\(model.team)") }
        #expect(shown["kaggle-style"]?["suspectedMemorization"] is NSNull)

        let pages = try pagesByTeam(ws)
        let flagged = try #require(pages["memorizer-xgboost"])
        #expect(flagged.contains("Memorization check") && flagged.contains("Suspected memorization"))
        #expect(try #require(pages["honest-keras"]).contains("Not suspected"))
        let notCheckable = try #require(pages["kaggle-style"])
        #expect(notCheckable.contains("Not checkable: a predictions file"))
        #expect(!notCheckable.contains("Suspected memorization") && !notCheckable.contains("Not suspected"))
        let board = try String(contentsOfFile: ws + "/site/index.html", encoding: .utf8)
        #expect(board.components(separatedBy: "memorized?</span>").count - 1 >= 1)
    }

    /// Every entry page of the built site, by the team it names.
    func pagesByTeam(_ ws: String) throws -> [String: String] {
        let folder = ws + "/site/entries/"
        var pages: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".html") {
            let page = try String(contentsOfFile: folder + name, encoding: .utf8)
            let teams = Self.models.map(\.team) + ["kaggle-style"]
            if let team = teams.first(where: { page.contains("<small>\($0)") }) { pages[team] = page }
        }
        return pages
    }

    /// Entries scored before the check existed (the database of `TypedColumnsMigrationTests`,
    /// from the example submissions) are checked by the next `score`, once, from their unchanged
    /// files; their figures stay as they were, and a predictions file stays not checkable.
    @Test func entriesScoredBeforeAreCheckedByTheNextScore() throws {
        let ws = try dir.workspace()
        let database = ws + "/leaderboard.sqlite"
        try? FileManager.default.removeItem(atPath: database)
        try FileManager.default.copyItem(
            atPath: SharedFixtures.repositoryRoot + "/Tests/LeaderboardCLITests/Fixtures/before-typed-columns.sqlite",
            toPath: database)
        let before = try ResultsDatabase(path: database)
        let dataset = try #require(try before.datasets().last?.id)
        let old = try before.entries(datasetID: dataset)
        #expect(old.allSatisfy { $0.metrics?.memorization == nil })

        let scored = try CommandRunner.run(["score", "--workspace", ws, "--json"], in: dir.path, environment: environment)
        #expect(scored.status == 0, "\(scored.stderr)")
        let after = try ResultsDatabase(path: database).entries(datasetID: dataset)
        let examples = try FileManager.default.contentsOfDirectory(atPath: ws + "/submissions")
        var checked = 0
        for entry in after where entry.metrics != nil && old.contains(where: { $0.entry.id == entry.entry.id }) {
            let then = try #require(old.first { $0.entry.id == entry.entry.id }?.metrics)
            #expect(entry.metrics?.auc == then.auc, "the figures stay as they were")
            let submitted = examples.contains { entry.entry.path.hasSuffix($0) }
            if entry.entry.format == "predictions" || !submitted {
                #expect(entry.metrics?.memorization == nil, "\(entry.entry.team)")
            } else {
                #expect(entry.metrics?.memorization?.suspected == false, "\(entry.entry.team)")
                #expect(entry.publicMetrics.map { $0.memorization != nil } ?? true, "\(entry.entry.team)")
                checked += 1
            }
        }
        #expect(checked >= 6, "every example model file scored before is checked")
        let again = try CommandRunner.run(["score", "--workspace", ws, "--json"], in: dir.path, environment: environment)
        #expect(try json(again.stdout).allSatisfy { $0["status"] as? String == "unchanged" })
    }
}
