import Foundation
import GRDB
import TestSupport
import Testing

/// Versions and rulings as organizers and teams meet them: `score` and the ruling commands
/// run as a user runs them, and the site built from what they recorded.
@Suite struct VersionsSiteTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    /// Runs the tool with `arguments` in workspace `ws`.
    func run(_ ws: String, _ arguments: [String]) throws -> CommandRunner.Outcome {
        try CommandRunner.run([arguments[0], "--workspace", ws] + arguments.dropFirst(), in: dir.path, environment: environment)
    }

    /// Team folder `team` of `ws` holding example `example`'s files.
    func put(_ example: String, as team: String, in ws: String) throws {
        let folder = ws + "/submissions/" + team
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.copyItem(atPath: SharedFixtures.exampleSubmissions + "/" + example, toPath: folder)
    }

    /// Builds the site of `ws` (the final view with `final`); a reader of its files.
    func built(_ ws: String, _ name: String, final: Bool = false) throws -> (String) throws -> String {
        let out = dir.file(name)
        let built = try run(ws, ["build", "--output", out] + (final ? ["--final"] : []))
        #expect(built.status == 0, "\(built.stderr)")
        return { try String(contentsOfFile: out + "/" + $0, encoding: .utf8) }
    }

    /// The ids of team `key`'s versions, in order.
    func versions(_ ws: String, _ key: String) throws -> [Int64] {
        try DatabaseQueue(path: ws + "/leaderboard.sqlite").read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM entry WHERE team_key = ? ORDER BY id", arguments: [key])
        }
    }

    @Test func aTeamIsOneRowWhoseFixedFailureIsNotListedAndRulingsShowTheirReasons() throws {
        let ws = try dir.workspace(examples: [])
        try put("pickled-model", as: "alpha", in: ws)
        try put("xgboost-trees", as: "beta", in: ws)
        #expect(try run(ws, ["score"]).status == 0)
        var site = try built(ws, "first")
        #expect(try site("index.html").contains("<h2>Not scored</h2>"))
        try put("kaggle-style", as: "alpha", in: ws)
        #expect(try run(ws, ["score"]).status == 0)

        site = try built(ws, "second")
        var board = try site("index.html")
        #expect(!board.contains("<h2>Not scored</h2>"), "the fixed failure is gone from the list")
        #expect(board.components(separatedBy: "<a class=\"team\" href=\"teams/alpha.html\">").count == 2, "one row")
        #expect(board.contains("version 2 of 2"))
        let alpha = try site("teams/alpha.html")
        #expect(alpha.contains("<td>failed<br>") && alpha.contains("pickle"))
        #expect(alpha.contains("by version 2"))
        let ids = try versions(ws, "alpha")
        #expect(ids.count == 2)
        #expect(try site("entries/\(ids[0]).html").contains("Version 1 of 2 of <a href=\"../teams/alpha.html\">alpha</a>"))

        // Rulings: beta withdrawn as a team, alpha's scored version disqualified.
        let withdrawn = try run(ws, ["withdraw", "beta", "--reason", "asked <b>to</b> withdraw", "--json"])
        #expect(withdrawn.status == 0, "\(withdrawn.stderr)")
        let record = try #require(try JSONSerialization.jsonObject(with: Data(withdrawn.stdout.utf8)) as? [String: Any])
        #expect(record["action"] as? String == "withdraw" && record["teamKey"] as? String == "beta" && record["versions"] as? Int == 1)
        let disqualified = try run(ws, ["disqualify", "alpha", "2", "--reason", "scores copied & pasted", "--by", "the jury"])
        #expect(disqualified.status == 0 && disqualified.stdout.contains("disqualified: team alpha [alpha], version 2"))
        site = try built(ws, "ruled")
        board = try site("index.html")
        #expect(board.contains("<h2>Withdrawn and disqualified</h2>"))
        #expect(board.contains("asked &lt;b&gt;to&lt;/b&gt; withdraw") && !board.contains("<b>to</b>"))
        #expect(board.contains("<h2>Not scored</h2>") && board.contains("scores copied &amp; pasted"))
        #expect(try site("entries/\(ids[1]).html").contains("disqualified by the organizers on"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try site("leaderboard.json").utf8)) as? [String: Any])
        #expect((json["entries"] as? [Any])?.isEmpty == true)
        let teams = try #require(json["teams"] as? [[String: Any]])
        let alphaVersions = try #require(teams.first { $0["teamKey"] as? String == "alpha" }?["versions"] as? [[String: Any]])
        #expect(alphaVersions.map { $0["status"] as? String } == ["failed", "disqualified"])
        #expect(alphaVersions.last?["reason"] as? String == "scores copied & pasted")
        #expect((json["ruledOut"] as? [[String: Any]])?.first?["teamKey"] as? String == "beta")

        // Restore undoes; restoring what is not ruled, or ruling on nothing, is one line.
        #expect(try run(ws, ["restore", "beta", "--reason", "changed their mind"]).status == 0)
        #expect(try run(ws, ["restore", "--entry", String(ids[1]), "--reason", "appeal upheld"]).status == 0)
        let again = try run(ws, ["restore", "alpha", "1", "--reason", "x"])
        #expect(again.status != 0 && again.stderr.contains("nothing to restore") && again.stderr.split(separator: "\n").count == 1)
        for (arguments, words) in [
            (["withdraw", "nobody", "--reason", "x"], "no such team"),
            (["withdraw", "--entry", "999", "--reason", "x"], "no such entry"),
            (["disqualify", "alpha", "3", "--reason", "x"], "has no version 3"),
        ] {
            let refused = try run(ws, arguments)
            #expect(refused.status != 0 && refused.stderr.contains(words), "\(arguments): \(refused.stderr)")
            #expect(refused.stderr.split(separator: "\n").count == 1)
        }
        let missing = try run(ws, ["withdraw", "beta"])
        #expect(missing.status != 0 && missing.stderr.contains("--reason"))
        board = try built(ws, "restored")("index.html")
        #expect(!board.contains("Withdrawn and disqualified") && !board.contains("<h2>Not scored</h2>"))
        #expect(board.contains("teams/beta.html") && board.contains("version 2 of 2"))
        let rulings = try DatabaseQueue(path: ws + "/leaderboard.sqlite").read { db in
            try Row.fetchAll(db, sql: "SELECT action, reason, ruled_by FROM ruling ORDER BY id")
        }
        #expect(rulings.map { $0["action"] as String } == ["withdraw", "disqualify", "restore", "restore"])
        #expect(rulings[1]["ruled_by"] as String == "the jury")
        let csv = try built(ws, "csv")("results.csv")
        #expect(csv.split(separator: "\n").first?.hasSuffix(",team_key,version,versions,selected") == true)
        #expect(csv.contains(",alpha,2,2,0"))
        let versions = try built(ws, "versions")("versions.csv").split(separator: "\n")
        #expect(versions.first == "team_key,team,version,id,submitted,status,counted,selected,late,held,ruling,reason,public_auc")
        #expect(versions.filter { $0.hasPrefix("alpha,alpha,") }.map { $0.split(separator: ",")[5] } == ["failed", "scored"])
    }

    @Test func everyRulingCommandHasHelp() throws {
        for command in ["withdraw", "disqualify", "restore"] {
            let help = try CommandRunner.run([command, "--help"], in: dir.path)
            #expect(help.status == 0)
            for option in ["--reason", "<version>", "--entry", "--json"] { #expect(help.stdout.contains(option), "\(command) \(option)") }
        }
    }

    @Test func scoreSaysWhatAHeldOrLateVersionMeans() throws {
        let ws = try dir.workspace(examples: [], config: "rules:\n  max_per_day: 1\n  deadline: 2000-01-01T00:00:00Z\n")
        try put("xgboost-trees", as: "alpha", in: ws)
        try put("lightgbm-trees", as: "alpha.2", in: ws)
        let first = try run(ws, ["score"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("late: recorded after rules.deadline"))
        // A second version of the same team the same day.
        try put("lightgbm-trees", as: "alpha", in: ws)
        let second = try run(ws, ["score", "--json"])
        let outcomes = try json(second.stdout)
        let held = try #require(outcomes.first { $0["path"] as? String == "submissions/alpha" })
        #expect(held["status"] as? String == "held")
        #expect((held["note"] as? String)?.contains("rules.max_per_day") == true)
        #expect(held["publicAUC"] == nil)
        // The public and final sites say it, and neither counts a late version.
        let site = try built(ws, "late")
        #expect(try site("teams/alpha.html").contains("<td>held<br>"))
        #expect(try site("index.html").contains("<h2>Not scored</h2>"))
    }
}

extension VersionsSiteTests {
    @Test func aTeamFolderNamedAfterAnotherTeamsPageDoesNotOverwriteIt() throws {
        let ws = try dir.workspace(examples: [])
        try put("xgboost-trees", as: "Alpha", in: ws)
        #expect(try run(ws, ["score"]).status == 0)
        let first = try built(ws, "first")
        // The page a key that is not a safe name gets, as the leaderboard links it.
        let board = try first("index.html")
        let link = try #require(board.range(of: #"href="teams/[^"]*\.html""#, options: .regularExpression))
        let page = String(board[link].dropFirst("href=\"teams/".count).dropLast(".html\"".count))
        #expect(page != "alpha")
        // Another team names its folder after that page.
        try put("lightgbm-trees", as: page, in: ws)
        #expect(try run(ws, ["score"]).status == 0)
        let second = try built(ws, "second")
        let pages = try FileManager.default.contentsOfDirectory(atPath: dir.file("second") + "/teams")
        #expect(pages.count == 2, "\(pages)")
        #expect(try second("teams/\(page).html").contains("Gradient Boosters"), "Alpha's page is still Alpha's")
    }
}

extension VersionsSiteTests {
    @Test func aRulingOnANameThatIsAnotherTeamsKeyIsRefusedAsAmbiguous() throws {
        let ws = try dir.workspace(examples: [])
        try put("xgboost-trees", as: "beta", in: ws)
        // Another team shows itself under the first team's folder name.
        try put("lightgbm-trees", as: "mallory", in: ws)
        try "team: beta\n".write(toFile: ws + "/submissions/mallory/manifest.yml", atomically: true, encoding: .utf8)
        #expect(try run(ws, ["score"]).status == 0)
        let ruled = try run(ws, ["disqualify", "beta", "--reason", "copied the hidden labels"])
        #expect(ruled.status != 0, "the organizer sees a team named beta: which one is meant is not clear")
        #expect(ruled.stderr.contains("mallory") && ruled.stderr.contains("--entry"), "\(ruled.stderr)")
        let rulings = try DatabaseQueue(path: ws + "/leaderboard.sqlite").read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM ruling")
        }
        #expect(rulings == 0)
        #expect(try run(ws, ["disqualify", "mallory", "--reason", "copied the hidden labels"]).status == 0, "its key is not ambiguous")
    }
}

extension VersionsSiteTests {
    @Test func scoringOneTeamsFolderByPathScoresThatTeamOnly() throws {
        let ws = try dir.workspace(examples: [])
        try put("xgboost-trees", as: "alpha", in: ws)
        // A team keeps its figures in a sub-folder, as notebooks' authors do.
        let figures = ws + "/submissions/alpha/figures"
        try FileManager.default.createDirectory(atPath: figures, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: SharedFixtures.exampleSubmissions + "/higgs-hunters/roc.png", toPath: figures + "/roc.png")
        // The organizer scores that team alone, then one of its files by path.
        let scored = try run(ws, ["score", ws + "/submissions/alpha"])
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(try run(ws, ["score", ws + "/submissions/alpha/model.json"]).status == 0)
        let keys = try DatabaseQueue(path: ws + "/leaderboard.sqlite").read { db in
            try String.fetchAll(db, sql: "SELECT team_key FROM entry ORDER BY id")
        }
        #expect(keys == ["alpha"], "one version of team alpha, no team made of its files")
    }
}
