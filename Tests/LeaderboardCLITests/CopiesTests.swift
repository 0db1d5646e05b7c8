import Foundation
import GRDB
import TestSupport
import Testing

/// Copies between teams, run as a user runs `score` and `build`: the same file submitted by
/// two teams, and near-copies made by the frameworks themselves (the fixtures of
/// `Fixtures/copies`, made by `make-copies.py` beside them).
@Suite struct CopiesTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    static let fixtures = SharedFixtures.repositoryRoot + "/Tests/LeaderboardCLITests/Fixtures/copies/"

    /// Puts fixture `name` into team folder `team` of `ws` as `file` (its own name by default).
    func submit(_ name: String, team: String, in ws: String, as file: String? = nil, manifest: String? = nil) throws {
        let folder = ws + "/submissions/" + team
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.fixtures + name, toPath: folder + "/" + (file ?? name))
        try manifest?.write(toFile: folder + "/manifest.yml", atomically: true, encoding: .utf8)
    }

    /// Runs `score` on `paths` of `ws` (all submissions when empty); its outcomes by team.
    func score(_ ws: String, _ paths: [String] = []) throws -> [String: String] {
        let run = try CommandRunner.run(
            ["score", "--workspace", ws, "--json"] + paths.map { ws + "/submissions/" + $0 }, in: dir.path,
            environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("UNIQUE") && !run.stderr.contains("UNIQUE"))
        return Dictionary(
            try json(run.stdout).map { ($0["team"] as? String ?? "", $0["status"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    /// Every recorded likeness: (later team, earlier team, identical, rank correlation).
    func likenesses(_ ws: String) throws -> [(later: String, earlier: String, identical: Bool, correlation: Double?)] {
        try DatabaseQueue(path: ws + "/leaderboard.sqlite").read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT later.team AS later, earlier.team AS earlier, c.identical, c.rank_correlation
                    FROM entry_copy c JOIN entry later ON later.id = c.entry_id JOIN entry earlier ON earlier.id = c.other_id
                    """
            ).map { ($0["later"], $0["earlier"], $0["identical"], $0["rank_correlation"]) }
        }
    }

    /// Builds the site of `ws` into `name` (the final view with `final`); its file `file`.
    func built(_ ws: String, _ name: String, final: Bool = false) throws -> (String) throws -> String {
        let out = dir.file(name)
        let run = try CommandRunner.run(
            ["build", "--workspace", ws, "--output", out] + (final ? ["--final"] : []), in: dir.path, environment: environment)
        #expect(run.status == 0, "\(run.stderr)")
        return { try String(contentsOfFile: out + "/" + $0, encoding: .utf8) }
    }

    @Test func theSameFileFromAnotherTeamIsRecordedAndMarkedAsTheEarlierOnesCopy() throws {
        // `templates/` left out: the built-in templates are the ones under test.
        let ws = try dir.workspace(examples: [])
        try FileManager.default.removeItem(atPath: ws + "/templates")
        try submit("xgb-seed1.json", team: "alpha", in: ws)
        #expect(try score(ws) == ["alpha": "scored"])
        // Two more teams hand in the same model file: one bare, one with its own manifest.
        try submit("xgb-seed1.json", team: "beta", in: ws)
        try submit("xgb-seed1.json", team: "gamma", in: ws, manifest: "team: Gamma Rays\ntitle: our own model\n")
        #expect(try score(ws) == ["alpha": "unchanged", "beta": "scored", "Gamma Rays": "scored"])
        // Nothing new the next time.
        #expect(try score(ws) == ["alpha": "unchanged", "beta": "unchanged", "Gamma Rays": "unchanged"])
        let found = try likenesses(ws)
        #expect(found.count == 3, "\(found)")
        for later in ["beta", "Gamma Rays"] {
            let mark = try #require(found.first { $0.later == later && $0.identical })
            #expect(mark.earlier == "alpha")
            #expect(mark.correlation == 1)
        }
        // The two copies' scores rank the rows alike too: a near-copy of each other.
        #expect(found.contains { Set([$0.later, $0.earlier]) == ["Gamma Rays", "beta"] && !$0.identical })

        let site = try built(ws, "site")
        let board = try site("index.html")
        #expect(board.contains("copy of alpha</span>"))
        #expect(board.components(separatedBy: "copy of alpha</span>").count == 3, "both copies marked, the original not")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(try site("leaderboard.json").utf8)) as? [String: Any])
        let rows = try #require(document["entries"] as? [[String: Any]])
        let alphaID = try #require(rows.first { $0["team"] as? String == "alpha" }?["id"] as? Int)
        let beta = try #require(rows.first { $0["team"] as? String == "beta" })
        #expect(beta["identicalTo"] as? Int == alphaID)
        #expect(rows.first { $0["team"] as? String == "alpha" }?["identicalTo"] == nil)
        let betaID = try #require(beta["id"] as? Int)
        let page = try site("entries/\(betaID).html")
        #expect(page.contains("Identical to alpha&#39;s entry") || page.contains("Identical to alpha's entry"))
        #expect(page.contains("submitted earlier (20"))
        let csv = try site("results.csv").split(separator: "\n")
        let header = try #require(csv.first?.split(separator: ",").map(String.init))
        let column = try #require(header.firstIndex(of: "identical_to"))
        #expect(header[column + 1] == "near_copy_of")
        let betaLine = try #require(csv.first { $0.contains(",beta,") })
        #expect(betaLine.split(separator: ",", omittingEmptySubsequences: false)[column] == Substring(String(alphaID)))
    }

    @Test func nearCopiesAreFlaggedAndHonestModelsOfOneKindAreNot() throws {
        let ws = try dir.workspace(examples: [])
        // Honest pairs: one kind, another seed.
        for (team, file) in [
            ("xgb-1", "xgb-seed1.json"), ("xgb-2", "xgb-seed2.json"), ("lgbm-1", "lgbm-seed1.txt"),
            ("lgbm-2", "lgbm-seed2.txt"), ("nn-1", "nn-seed1.h5"), ("nn-2", "nn-seed2.h5"),
        ] {
            try submit(file, team: team, in: ws)
        }
        #expect(try score(ws).values.allSatisfy { $0 == "scored" })
        #expect(try likenesses(ws).isEmpty)
        // Copies of xgb-1 and nn-1, lightly perturbed.
        for (team, file, name) in [
            ("one-more-tree", "xgb-seed1-61trees.json", "model.json"), ("resaved", "xgb-seed1-resaved.ubj", "model.ubj"),
            ("scaled", "xgb-seed1-scaled.csv", "predictions.csv"), ("noisy", "xgb-seed1-noise.csv", "predictions.csv"),
            ("nn-resaved", "nn-seed1-resaved.keras", "model.keras"),
        ] {
            try submit(file, team: team, in: ws, as: name)
        }
        #expect(try score(ws).filter { $0.value == "scored" }.count == 5)
        let boosted: Set = ["xgb-1", "one-more-tree", "resaved", "scaled", "noisy"]
        let found = try likenesses(ws)
        // Every pair among the copies of one model is flagged, and nothing else.
        var pairs: Set<Set<String>> = []
        for likeness in found {
            #expect(!likeness.identical)
            #expect((likeness.correlation ?? 0) > 0.995)
            pairs.insert([likeness.later, likeness.earlier])
        }
        var expected: Set<Set<String>> = [["nn-1", "nn-resaved"]]
        for a in boosted { for b in boosted where a < b { expected.insert([a, b]) } }
        #expect(pairs == expected)
        // The figure the database holds is the one scipy computed from the framework's scores.
        let reference = try String(contentsOfFile: Self.fixtures + "correlations.txt", encoding: .utf8)
        let line = try #require(reference.split(separator: "\n").first { $0.hasPrefix("copy xgb-seed1 xgb-seed1-61trees ") })
        let expectedCorrelation = try #require(line.split(separator: " ").last.flatMap { Double($0) })
        let oneMoreTree = try #require(found.first { Set([$0.later, $0.earlier]) == ["xgb-1", "one-more-tree"] })
        #expect(abs((oneMoreTree.correlation ?? 0) - expectedCorrelation) < 1e-5)
    }

    @Test func craftedSequencesRecordEachTeamsCopyOnceAndNothingOnTheNextRun() throws {
        let ws = try dir.workspace(examples: [])
        try submit("xgb-seed1.json", team: "alpha", in: ws)
        #expect(try score(ws) == ["alpha": "scored"])
        // Two folders whose manifests both say `beta` hand alpha's file in: a team is its
        // folder, so they are two teams of one name, each recorded; another with whitespace after its
        // last byte; the same broken file comes from two teams; all at once, three at a time.
        for folder in ["beta-one", "beta-two"] { try submit("xgb-seed1.json", team: folder, in: ws, manifest: "team: beta\n") }
        let original = try String(contentsOfFile: Self.fixtures + "xgb-seed1.json", encoding: .utf8)
        try FileManager.default.createDirectory(atPath: ws + "/submissions/delta", withIntermediateDirectories: true)
        try (original + "\n \n").write(toFile: ws + "/submissions/delta/model.json", atomically: true, encoding: .utf8)
        for team in ["epsilon", "zeta"] {
            try FileManager.default.createDirectory(atPath: ws + "/submissions/" + team, withIntermediateDirectories: true)
            try #"{"learner": {"gradient_booster": 7}}"#.write(
                toFile: ws + "/submissions/\(team)/model.json", atomically: true, encoding: .utf8)
        }
        let run = try CommandRunner.run(
            ["score", "--workspace", ws, "--json", "--concurrency", "3"], in: dir.path, environment: environment)
        #expect(run.status == 0 && !run.stderr.contains("UNIQUE"), "\(run.stderr)")
        let statuses = try json(run.stdout).map { ($0["team"] as? String ?? "", $0["status"] as? String ?? "") }
        #expect(statuses.filter { $0.0 == "beta" }.map(\.1).sorted() == ["scored", "scored"], "\(statuses)")
        #expect(statuses.filter { ["epsilon", "zeta"].contains($0.0) }.allSatisfy { $0.1 == "failed" })
        func counts() throws -> (entries: Int, copies: Int) {
            try DatabaseQueue(path: ws + "/leaderboard.sqlite").read { db in
                (
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entry") ?? -1,
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM entry_copy") ?? -1
                )
            }
        }
        let before = try counts()
        #expect(before.entries == 6)
        let found = try likenesses(ws)
        #expect(found.contains { $0.later == "beta" && $0.earlier == "alpha" && $0.identical && $0.correlation == 1 })
        // Whitespace after the JSON makes another file: a near-copy, not an identical one.
        #expect(found.contains { $0.later == "delta" && $0.earlier == "alpha" && !$0.identical && $0.correlation == 1 })
        #expect(found.contains { Set([$0.later, $0.earlier]) == ["delta", "beta"] && !$0.identical })
        // The failed copy of a failed original is marked, with no correlation.
        #expect(found.contains { Set([$0.later, $0.earlier]) == ["epsilon", "zeta"] && $0.identical && $0.correlation == nil })
        // Both beta folders copy alpha, and each other's scores; delta is near both.
        #expect(found.filter { $0.later == "beta" && $0.earlier == "alpha" && $0.identical }.count == 2)
        #expect(found.contains { $0.later == "beta" && $0.earlier == "beta" && !$0.identical })
        #expect(found.count == 7, "\(found)")
        #expect(try score(ws).values.allSatisfy { $0 == "unchanged" })
        #expect(try counts() == before)
        // alpha hands in another model, then withdraws: beta's mark stays, nothing else comes.
        try FileManager.default.removeItem(atPath: ws + "/submissions/alpha/xgb-seed1.json")
        try submit("xgb-seed2.json", team: "alpha", in: ws)
        #expect(try score(ws)["alpha"] == "scored")
        try FileManager.default.removeItem(atPath: ws + "/submissions/alpha")
        #expect(try score(ws).values.allSatisfy { $0 == "unchanged" })
        #expect(try counts() == (before.entries + 1, before.copies))
        _ = try built(ws, "site", final: true)
    }
}
