import Competition
import Foundation
import GitHistory
import Results
import Scoring
import TestSupport
import Testing

/// Tree objects a participant can craft with `git hash-object --literally` and push (a
/// self-hosted repository checks nothing; some are only warnings to `git fsck`): names git
/// would refuse or cannot check out, repeated names, modes git never writes, a folder entry
/// naming a file. Each costs at most the crafting team's own version, never the run.
@Suite struct BranchHistoryAttackTests {
    let dir = TemporaryDirectory()
    let workspace: Workspace
    let repo: GitFixture

    init() throws {
        workspace = try Workspace.create(at: dir.file("ws"))
        repo = try GitFixture(at: workspace.root)
        try repo.commitAll("The competition opens", at: "2026-11-01T09:00:00Z")
    }

    /// The id of example `example`'s file `name`, stored as a blob.
    func blob(_ example: String, _ name: String) throws -> String {
        try repo.git(["hash-object", "-w", SharedFixtures.exampleSubmissions + "/" + example + "/" + name])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The xgboost example's manifest and model entries.
    func xgboost() throws -> [(mode: String, name: [UInt8], oid: String)] {
        [
            ("100644", Array("manifest.yml".utf8), try blob("xgboost-trees", "manifest.yml")),
            ("100644", Array("model.json".utf8), try blob("xgboost-trees", "model.json")),
        ]
    }

    func history() throws -> BranchHistory {
        try BranchHistory(repository: workspace.root, submissionsPath: "submissions", isSubmission: Submission.isSubmission(named:))
    }

    func score() throws -> [ScoreRun.Outcome] {
        let session = try CompetitionSession(workspace: workspace, lock: nil, cacheDirectory: dir.file("cache"))
        var run = try ScoreRun(session: session, sandbox: SandboxedPrediction(executable: CommandRunner.executable))
        run.clock = { Date(timeIntervalSince1970: 0) }
        return run.score(try history())
    }

    @Test func namesAndModesGitWouldRefuseCostOnlyTheCraftingTeamsVersion() throws {
        let model = try xgboost()
        let leaf = try repo.writeTree([("100644", Array("x".utf8), model[1].oid)])
        // A chain of 255-byte folder names whose path is longer than the system opens.
        var deep = leaf
        for _ in 0..<16 { deep = try repo.writeTree([("40000", Array(repeating: UInt8(ascii: "d"), count: 255), deep)]) }
        let teams: [(name: String, entries: [(mode: String, name: [UInt8], oid: String)])] = [
            ("repeated", model + [model[1], ("40000", Array("model.json".utf8), leaf)]),
            ("long-name", model + [("100644", Array(repeating: UInt8(ascii: "x"), count: 300), model[1].oid)]),
            ("odd-mode", [model[0], ("100600", Array("model.json".utf8), model[1].oid)]),
            ("odd-names", model + [".", "..", "", "a/b"].map { ("100644", Array($0.utf8), model[1].oid) }),
            ("not-utf8", model + [[0xFF], [0xFE]].map { ("100644", $0, model[1].oid) }),
            (String(repeating: "e", count: 255), model + [("40000", Array(repeating: UInt8(ascii: "f"), count: 255), deep)]),
            ("folder-of-a-file", [model[0], ("40000", Array("model.json".utf8), model[1].oid)]),
        ]
        var submissions: [(mode: String, name: [UInt8], oid: String)] = []
        for team in teams { submissions.append(("40000", Array(team.name.utf8), try repo.writeTree(team.entries))) }
        try repo.commitSubmissions(try repo.writeTree(submissions), at: "2026-11-02T10:00:00Z")
        let outcomes = try score()
        #expect(outcomes.count == teams.count)
        #expect(outcomes.allSatisfy { $0.unrecorded == nil })
        for outcome in outcomes {
            // Two files beside the manifest (its name not UTF-8, written once) fail as two model files would.
            let failing = ["submissions/folder-of-a-file", "submissions/not-utf8"]
            let expected: ScoreRun.Outcome.Status = failing.contains(outcome.path) ? .failed : .scored
            #expect(outcome.status == expected, "\(outcome.path): \(outcome.entry?.failure ?? "")")
        }
    }

    @Test func aVersionWhoseObjectsAreMissingCostsNoLaterVersion() throws {
        let model = try xgboost()
        try repo.commitSubmissions(
            try repo.writeTree([("40000", Array("alpha".utf8), try repo.writeTree(model))]), at: "2026-11-02T10:00:00Z")
        // The clone lost alpha's model (the organizer's side): alpha cannot be recorded.
        let loose = workspace.root + "/.git/objects/" + model[1].oid.prefix(2) + "/" + model[1].oid.dropFirst(2)
        try FileManager.default.removeItem(atPath: loose)
        let beta = try repo.writeTree([model[0], ("100644", Array("model.txt".utf8), try blob("lightgbm-trees", "model.txt"))])
        try repo.commitSubmissions(
            try repo.writeTree([("40000", Array("alpha".utf8), try repo.writeTree(model)), ("40000", Array("beta".utf8), beta)]),
            at: "2026-11-03T10:00:00Z")
        let outcomes = try score()
        #expect(outcomes.map(\.path) == ["submissions/alpha", "submissions/beta"])
        #expect(outcomes.first?.organizerFault != nil)
        #expect(outcomes.last?.status == .scored)
    }

    @Test func aCommitDatedInTheFutureIsNamedSinceItDatesEveryLaterVersion() throws {
        let now = try #require(ISO8601DateFormatter().date(from: "2026-11-05T00:00:00Z"))
        try repo.commitAll("organizers", at: "2026-11-04T23:55:00Z")
        #expect(try history().futureDated(now: now) == nil)
        // A participant's own commit, fast-forwarded onto the branch, dated years ahead.
        try repo.commitAll("from the future", at: "2099-01-01T00:00:00Z")
        try repo.commitAll("organizers", at: "2026-11-05T00:00:00Z")
        let warning = try #require(try history().futureDated(now: now))
        #expect(warning.contains("2099-01-01T00:00:00Z"))
    }

    @Test func foldersNamedAlikeInTwoUnicodeFormsAreTwoTeams() throws {
        let model = try xgboost()
        let alpha = try repo.writeTree(model)
        let beta = try repo.writeTree([model[0], ("100644", Array("model.txt".utf8), try blob("lightgbm-trees", "model.txt"))])
        let composed = Array("caf\u{E9}".utf8), decomposed = Array("cafe\u{301}".utf8)
        try repo.commitSubmissions(
            try repo.writeTree([("40000", composed, alpha), ("40000", decomposed, beta)]), at: "2026-11-02T10:00:00Z")
        let omega = try repo.writeTree([("100644", Array("model.json".utf8), model[1].oid)])
        try repo.commitSubmissions(
            try repo.writeTree([("40000", composed, alpha), ("40000", decomposed, beta), ("40000", Array("omega".utf8), omega)]),
            at: "2026-11-03T10:00:00Z")
        // Each folder once, when it arrives: not again when another team's folder changes.
        let versions = try history().versions
        #expect(versions.map { Array($0.name.utf8) } == [decomposed, composed, Array("omega".utf8)])  // in byte order
        let outcomes = try score()
        #expect(outcomes.map(\.status) == [.scored, .scored, .scored])
        #expect(Set(outcomes.compactMap { $0.entry.map { Array($0.teamKey.utf8) } }).count == 3)
    }

    @Test func aSubmissionsFolderGitWouldWarnAboutNeverStopsTheHistory() throws {
        let model = try xgboost()
        let alpha = try repo.writeTree(model)
        // A top-level file of a mode git never writes, then a folder named twice.
        try repo.commitSubmissions(
            try repo.writeTree([("40000", Array("alpha".utf8), alpha), ("100600", Array("odd.json".utf8), model[1].oid)]),
            at: "2026-11-02T10:00:00Z")
        let beta = try repo.writeTree([model[0], ("100644", Array("model.json".utf8), try blob("lightgbm-trees", "model.txt"))])
        try repo.commitSubmissions(
            try repo.writeTree([
                ("40000", Array("alpha".utf8), alpha), ("40000", Array("beta".utf8), beta), ("40000", Array("beta".utf8), alpha),
            ]), at: "2026-11-03T10:00:00Z")
        // A submissions tree cut short, then the same teams again.
        try repo.commitSubmissions(try repo.writeObject("tree", Data("100644 cut".utf8)), at: "2026-11-04T10:00:00Z")
        try repo.commitSubmissions(
            try repo.writeTree([("40000", Array("alpha".utf8), alpha), ("40000", Array("beta".utf8), beta)]), at: "2026-11-05T10:00:00Z")
        let versions = try history().versions
        #expect(versions.map(\.name) == ["alpha", "odd.json", "beta"])
        #expect(versions.last?.oid == beta)
        let outcomes = try score()
        #expect(outcomes.allSatisfy { $0.unrecorded == nil })
    }
}

/// A workspace whose `.git` git cannot read is an error, never a folder without history:
/// scored as one, every version would take the run's time and a rebuild would date them anew.
@Suite struct RepositoryTopTests {
    let dir = TemporaryDirectory()

    @Test func aDotGitThatGitCannotReadIsAnErrorNotAFolderWithoutHistory() throws {
        let folder = dir.file("broken")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "gitdir: \(dir.file("nowhere"))\n".write(toFile: folder + "/.git", atomically: true, encoding: .utf8)
        #expect(throws: GitError.self) { try BranchHistory.isRepositoryTop(folder) }
        let plain = dir.file("plain")
        try FileManager.default.createDirectory(atPath: plain, withIntermediateDirectories: true)
        #expect(try BranchHistory.isRepositoryTop(plain) == false)
    }
}
