import Foundation
import TestSupport
import Testing

/// `check --changed-since REV`, as a pull request's check job runs it: real repositories whose
/// branches change team folders, checked as `check FOLDER` checks one.
@Suite struct CheckChangedSinceTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }
    var examples: String { SharedFixtures.exampleSubmissions }

    /// `check arguments…` run in `folder`.
    func check(_ arguments: [String], in folder: String) throws -> CommandRunner.Outcome {
        try CommandRunner.run(["check"] + arguments, in: folder, environment: environment)
    }

    /// A workspace repository whose `main` holds the example submissions `teams`, checked out
    /// on a new branch `pr`.
    func repository(_ teams: [String] = ["notebook-net", "xgboost-trees"]) throws -> GitWorkspace {
        let repository = try GitWorkspace(try dir.workspace(examples: teams + ["README.md"]))
        try repository.git("checkout", "-q", "-b", "pr")
        return repository
    }

    /// The teams of `check --json` output, by entry: status, report and problem.
    func teams(_ run: CommandRunner.Outcome) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
        return try #require(object["teams"] as? [[String: Any]])
    }

    /// `markdown` rendered as GitHub renders a job summary (cmark-gfm, its extensions, raw HTML kept).
    func html(_ markdown: String) throws -> String { GitHubMarkdown.html(markdown) }

    @Test func aPullRequestTouchingTwoTeamsOneBrokenReportsBothAndFails() throws {
        var repository = try repository()
        let fm = FileManager.default
        try fm.copyItem(atPath: examples + "/pickled-model", toPath: repository.submissions + "/pickled-model")
        try "\nTrained again.\n".appendLine(to: repository.submissions + "/notebook-net/README.md")
        try "notes\n".write(toFile: repository.path + "/NOTES.md", atomically: true, encoding: .utf8)
        try repository.commitAll("two teams")
        // What reached main after the branch forked is not the pull request's.
        try repository.git("checkout", "-q", "main")
        try "Changed on main.\n".write(toFile: repository.submissions + "/xgboost-trees/NOTES.md", atomically: true, encoding: .utf8)
        try repository.commitAll("main moves on")
        try repository.git("checkout", "-q", "pr")

        let run = try check(["--changed-since", "main", "--json"], in: repository.path)
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("1 of 2 team entries cannot be scored (submissions/pickled-model)"), "\(run.stderr)")
        let teams = try teams(run)
        #expect(teams.map { $0["entry"] as? String } == ["submissions/notebook-net", "submissions/pickled-model"])
        #expect(teams.map { $0["status"] as? String } == ["ready", "cannot be scored"])
        #expect((teams[1]["problem"] as? String)?.contains("is a Python pickle") == true)
        // The same figures as `check FOLDER`: one code path.
        let report = try #require(teams[0]["report"] as? [String: Any])
        let validation = try #require(report["validation"] as? [String: Any])
        let alone = try check([repository.submissions + "/notebook-net", "--json"], in: repository.path)
        let aloneObject = try #require(try JSONSerialization.jsonObject(with: Data(alone.stdout.utf8)) as? [String: Any])
        let aloneValidation = try #require(aloneObject["validation"] as? [String: Any])
        #expect(validation["auc"] as? Double == aloneValidation["auc"] as? Double)
        #expect(validation["rows"] as? Int == 700)

        let text = try check(["--changed-since", "main"], in: repository.path)
        #expect(text.status == 1)
        for line in [
            "2 team entries under submissions/ changed since main", "== submissions/notebook-net: ready",
            "validation rows 700: AUC", "== submissions/pickled-model: cannot be scored", "is a Python pickle",
        ] {
            #expect(text.stdout.contains(line), "\(line)\n\(text.stdout)")
        }
        #expect(!text.stdout.contains("xgboost-trees"))

        let markdown = try check(["--changed-since", "main", "--markdown"], in: repository.path)
        #expect(markdown.status == 1)
        #expect(markdown.stdout.contains("### submissions\\/notebook\\-net\n"), "\(markdown.stdout)")
        #expect(markdown.stdout.contains("| validation rows | AUC | AUC 95% interval | accuracy | log loss |"))
        #expect(markdown.stdout.contains("### submissions\\/pickled\\-model\n\n**Cannot be scored:** "))
        #expect(markdown.stdout.contains("| model | model\\.h5 \\("))
    }

    @Test func aPullRequestTouchingOnlyTheREADMESaysSoAndPasses() throws {
        var repository = try repository()
        try "\nHow to submit, again.\n".appendLine(to: repository.submissions + "/README.md")
        try "".write(toFile: repository.submissions + "/.gitkeep", atomically: true, encoding: .utf8)
        try "notes\n".write(toFile: repository.path + "/NOTES.md", atomically: true, encoding: .utf8)
        try repository.commitAll("only the README")
        let run = try check(["--changed-since", "main"], in: repository.path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "This pull request changes no team folder under submissions/.\n")
        let markdown = try check(["--changed-since", "main", "--markdown"], in: repository.path)
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("This pull request changes no team folder under submissions\\/\\."), "\(markdown.stdout)")
        #expect(!markdown.stdout.contains("###"))
        // No commit at all since the base: nothing changed either.
        let same = try check(["--changed-since", "HEAD"], in: repository.path)
        #expect(same.status == 0)
        #expect(same.stdout.hasPrefix("This pull request changes no team folder"))
    }

    @Test func aRemovedTeamIsListedNotCheckedAndARenamedOneIsBoth() throws {
        var repository = try repository()
        try repository.git("rm", "-q", "-r", "submissions/xgboost-trees")
        try repository.git("mv", "submissions/notebook-net", "submissions/notebook net v2")
        try repository.commitAll("remove one, rename one")
        let run = try check(["--changed-since", "main", "--json"], in: repository.path)
        #expect(run.status == 0, "\(run.stderr)")
        let teams = try teams(run)
        #expect(
            teams.map { $0["entry"] as? String } == [
                "submissions/notebook net v2", "submissions/notebook-net", "submissions/xgboost-trees",
            ])
        #expect(teams.map { $0["status"] as? String } == ["ready", "removed", "removed"])
        #expect(teams[1]["report"] == nil && teams[2]["report"] == nil)
        let markdown = try check(["--changed-since", "main", "--markdown"], in: repository.path)
        #expect(markdown.stdout.contains("### submissions\\/xgboost\\-trees\n\nRemoved by this pull request; not checked."))
    }

    @Test func aHostileTeamNameComesOutInert() throws {
        var repository = try repository(["notebook-net"])
        let name =
            "x](javascript:alert(1)) ![i](x.png) <img src=x onerror=alert(1)> *b* `c` | d\n# owned &amp; www.evil.example a@b.example"
        let folder = repository.submissions + "/" + name
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: examples + "/notebook-net/model.h5", toPath: folder + "/model.h5")
        try repository.commitAll("a hostile name")

        let run = try check(["--changed-since", "main", "--markdown"], in: repository.path)
        #expect(run.status == 0, "\(run.stderr)")
        // One heading per section, the name's on one line; no line of the name's own.
        let headings = run.stdout.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(headings.count == 2, "\(headings)")
        #expect(!run.stdout.contains("\n# owned"))
        let rendered = try html(run.stdout)
        for made in ["<a ", "<img", "<h1", "<em>", "<code>c", "javascript:alert(1)\""] {
            #expect(!rendered.contains(made), "\(made)\n\(rendered)")
        }
        // The only HTML is the report's own, folding the model's summary.
        let ownHTML = run.stdout.split(separator: "\n").filter { $0.hasPrefix("<details>") || $0 == "</details>" }.count
        #expect(ownHTML == 2)
        // Rendered with raw HTML let through: the report's own two tags are the only ones that pass.
        #expect(rendered.components(separatedBy: "<details>").count - 1 == 1, "\(rendered)")
        #expect(rendered.components(separatedBy: "</details>").count - 1 == 1, "\(rendered)")
        // GitHub would make an e-mail link of `a@b.example`, escaped or not: a word joiner parts it.
        #expect(run.stdout.contains("a\\@\u{2060}b\\.example"))
        let shown = ("submissions/" + name).replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "@", with: "@\u{2060}")
            .replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        #expect(rendered.contains("<h3>\(shown)</h3>"), "\(rendered)")
        // Every ASCII punctuation character of the heading is escaped: none is left to GitHub's extensions.
        let heading = try #require(headings.last).dropFirst(4)
        var escaped = false
        for character in heading {
            if !escaped, character.isASCII, character.isPunctuation || character.isSymbol { #expect(character == "\\", "\(heading)") }
            escaped = !escaped && character == "\\"
        }
        // The JSON keeps the name as it is; the text shows its line feed as an escape.
        let json = try teams(try check(["--changed-since", "main", "--json"], in: repository.path))
        #expect(json.first?["entry"] as? String == "submissions/" + name)
        let text = try check(["--changed-since", "main"], in: repository.path)
        #expect(text.stdout.contains("d\\u{A}# owned"), "\(text.stdout)")
    }

    @Test func aShallowCloneWithoutTheMergeBaseSaysToFetchTheWholeHistory() throws {
        var repository = try repository()
        try "\nv2\n".appendLine(to: repository.submissions + "/notebook-net/README.md")
        try repository.commitAll("the pull request")
        try repository.git("checkout", "-q", "main")
        for round in 1...2 {
            try "\nround \(round)\n".appendLine(to: repository.submissions + "/README.md")
            try repository.commitAll("main, round \(round)")
        }
        let clone = dir.file("clone")
        try GitWorkspace.run(
            ["clone", "-q", "--depth", "1", "--no-local", "--branch", "pr", "file://" + repository.path, clone], in: dir.path)
        try GitWorkspace.run(["fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main"], in: clone)
        let run = try check(["--changed-since", "origin/main"], in: clone)
        #expect(run.status != 0)
        #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        #expect(run.stderr.contains("fetch the whole history: actions/checkout with fetch-depth: 0"), "\(run.stderr)")
        let markdown = try check(["--changed-since", "origin/main", "--markdown"], in: clone)
        #expect(markdown.status != 0)
        #expect(markdown.stdout.contains("**The check could not run:** "), "\(markdown.stdout)")
        // The whole history fetched, the same command works.
        try GitWorkspace.run(["fetch", "-q", "--unshallow", "origin", "main:refs/remotes/origin/main"], in: clone)
        let full = try check(["--changed-since", "origin/main", "--json"], in: clone)
        #expect(full.status == 0, "\(full.stderr)")
        #expect(try teams(full).map { $0["entry"] as? String } == ["submissions/notebook-net"])
    }

    @Test func anUnknownRevisionOrNoRepositoryIsOneLineSayingWhatToDo() throws {
        let repository = try repository()
        let unknown = try check(["--changed-since", "origin/nowhere"], in: repository.path)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.split(separator: "\n").count == 1)
        #expect(unknown.stderr.contains("origin/nowhere: no such commit in this clone; fetch it first"), "\(unknown.stderr)")
        let option = try check(["--changed-since=--output=/tmp/x"], in: repository.path)
        #expect(option.status != 0)
        #expect(option.stderr.contains("is not a revision"), "\(option.stderr)")
        let plain = try dir.workspace("plain", examples: ["notebook-net"])
        let noGit = try check(["--changed-since", "main"], in: plain)
        #expect(noGit.status != 0)
        #expect(noGit.stderr.split(separator: "\n").count == 1)
        #expect(noGit.stderr.contains("is not in a git repository"), "\(noGit.stderr)")
        let both = try check(["--changed-since", "main", repository.submissions + "/notebook-net"], in: repository.path)
        #expect(both.status != 0)
        #expect(both.stderr.contains("not both"), "\(both.stderr)")
    }

    @Test func checkPathWritesMarkdownTooWithItsReasonWhenRefused() throws {
        let ready = try check([examples + "/notebook-net", "--markdown"], in: dir.path)
        #expect(ready.status == 0, "\(ready.stderr)")
        #expect(ready.stdout.hasPrefix("### "))
        #expect(ready.stdout.contains("**The folder is ready to submit\\.**"))
        #expect(ready.stdout.contains("| validation rows | AUC |"))
        let refused = try check([examples + "/pickled-model", "--markdown"], in: dir.path)
        #expect(refused.status != 0)
        #expect(refused.stdout.contains("**Cannot be scored:** "), "\(refused.stdout)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        // A predictions file: its shape, and no figure, since its rows are the hidden ones.
        let predictions = try check([examples + "/kaggle-style", "--markdown"], in: dir.path)
        #expect(predictions.status == 0, "\(predictions.stderr)")
        #expect(predictions.stdout.contains("| shape | 500 scores"), "\(predictions.stdout)")
        #expect(!predictions.stdout.contains("AUC"))
    }
}

extension String {
    /// Appends the string to the file at `path`.
    fileprivate func appendLine(to path: String) throws {
        let handle = try #require(FileHandle(forWritingAtPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(utf8))
    }
}
