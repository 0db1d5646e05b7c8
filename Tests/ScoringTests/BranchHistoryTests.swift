import Competition
import Foundation
import GitHistory
import Results
import Scoring
import TestSupport
import Testing

/// Versions read from a real git repository's first-parent history and scored through the
/// real `ScoreRun`: their times are the commits' that brought them to the branch, a rebuild
/// from a fresh clone gives the same entries, and what a participant controls (their own
/// commits' dates, links, names beside other teams) changes none of it.
@Suite struct BranchHistoryTests {
    let dir = TemporaryDirectory()
    let workspace: Workspace
    let repo: GitFixture

    init() throws {
        workspace = try Workspace.create(at: dir.file("ws"))
        repo = try GitFixture(at: workspace.root)
        try repo.commitAll("The competition opens", at: "2026-11-01T09:00:00Z")
    }

    /// Team folder `team` holding example `example`'s files only.
    func put(_ example: String, as team: String, in root: String? = nil) throws {
        let folder = (root ?? workspace.root) + "/submissions/" + team
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.copyItem(atPath: SharedFixtures.exampleSubmissions + "/" + example, toPath: folder)
    }

    /// The history of the repository at `root`.
    func history(_ root: String? = nil) throws -> BranchHistory {
        try BranchHistory(repository: root ?? workspace.root, submissionsPath: "submissions", isSubmission: Submission.isSubmission(named:))
    }

    /// Scores the history of the workspace at `root` (the repository's own by default) into
    /// its database under `rules`.
    @discardableResult
    func score(_ root: String? = nil, rules: CompetitionRules = CompetitionRules()) throws -> [ScoreRun.Outcome] {
        let ws = try root.map { try Workspace(at: $0) } ?? workspace
        let session = try CompetitionSession(workspace: ws, lock: nil, cacheDirectory: dir.file("cache"))
        var run = try ScoreRun(session: session, sandbox: SandboxedPrediction(executable: CommandRunner.executable))
        run.rules = rules
        run.clock = { Date(timeIntervalSince1970: 0) }
        return run.score(try history(ws.root))
    }

    /// Every recorded version: id, team, time, status, in id order.
    func recorded(_ root: String? = nil) throws -> [String] {
        let ws = try root.map { try Workspace(at: $0) } ?? workspace
        let session = try CompetitionSession(workspace: ws, lock: nil, cacheDirectory: dir.file("cache"))
        return try session.database.entries(datasetID: session.datasetID).sorted { ($0.entry.id ?? 0) < ($1.entry.id ?? 0) }
            .map { "\($0.entry.id ?? 0) \($0.entry.teamKey) \($0.entry.submittedAt) \($0.entry.status.rawValue)" }
    }

    @Test func eachCommitThatChangesATeamFolderIsAVersionDatedByThatCommit() throws {
        try put("xgboost-trees", as: "alpha")
        try repo.commitAll("alpha", at: "2026-11-02T10:00:00Z")
        try put("lightgbm-trees", as: "beta")
        try repo.commitAll("beta", at: "2026-11-03T10:00:00Z")
        try "notes\n".write(toFile: workspace.root + "/submissions/README.md", atomically: true, encoding: .utf8)
        try repo.commitAll("the folder's README: no version", at: "2026-11-03T11:00:00Z")
        try put("functional-net", as: "alpha")
        try repo.commitAll("alpha again", at: "2026-11-04T10:00:00Z")
        let outcomes = try score()
        #expect(outcomes.map(\.status) == [.scored, .scored, .scored])
        #expect(
            try recorded() == [
                "1 alpha 2026-11-02T10:00:00Z scored", "2 beta 2026-11-03T10:00:00Z scored",
                "3 alpha 2026-11-04T10:00:00Z scored",
            ])
        #expect(outcomes.map(\.path) == ["submissions/alpha", "submissions/beta", "submissions/alpha"])
        // Run again on the same database: nothing is new.
        #expect(try score().allSatisfy { $0.status == .unchanged })
        #expect(try recorded().count == 3)
    }

    @Test func aPullRequestsOwnForgedDatesDoNotCountOnlyTheMergeDoes() throws {
        try repo.git(["checkout", "-q", "-b", "team-gamma"])
        try put("xgboost-trees", as: "gamma")
        // The participant dates both author and committer before the deadline.
        try repo.commitAll("gamma", at: "2026-11-02T08:00:00Z", authorDate: "2026-10-01T08:00:00Z")
        try repo.git(["checkout", "-q", "main"])
        try "x".write(toFile: workspace.root + "/notes.txt", atomically: true, encoding: .utf8)
        try repo.commitAll("organizers' own commit", at: "2026-11-05T09:00:00Z")
        try repo.merge("team-gamma", at: "2026-11-06T12:00:00Z")
        let rules = CompetitionRules(deadline: Date(timeIntervalSince1970: 1_793_923_200))  // 2026-11-06T00:00:00Z
        let outcomes = try score(rules: rules)
        #expect(outcomes.count == 1)
        #expect(outcomes.first?.entry?.submittedAt == "2026-11-06T12:00:00Z")
        #expect(outcomes.first?.late == true)
    }

    @Test func aCommitDatedBeforeTheOneBeforeItOnTheBranchTakesThatEarlierTime() throws {
        try put("xgboost-trees", as: "alpha")
        try repo.commitAll("alpha", at: "2026-11-05T10:00:00Z")
        // Pushed straight to the branch with a date before the deadline, after a later commit.
        try put("lightgbm-trees", as: "beta")
        try repo.commitAll("beta, backdated", at: "2026-11-02T10:00:00Z")
        try score()
        #expect(try recorded() == ["1 alpha 2026-11-05T10:00:00Z scored", "2 beta 2026-11-05T10:00:00Z scored"])
    }

    @Test func aFreshCloneWithoutTheDatabaseRebuildsTheSameEntriesVersionsAndTimes() throws {
        let rules = CompetitionRules(maxPerDay: 2)
        for (hour, example) in [(9, "xgboost-trees"), (10, "lightgbm-trees"), (11, "functional-net")] {
            try put(example, as: "alpha")
            try repo.commitAll("alpha at \(hour)", at: "2026-11-02T\(hour):00:00Z")
            try put(example, as: "beta-\(hour)")
            try repo.commitAll("beta at \(hour)", at: "2026-11-02T\(hour):30:00Z")
        }
        try put("pickled-model", as: "broken")
        try repo.commitAll("a failing version", at: "2026-11-03T09:00:00Z")
        try score(rules: rules)
        let first = try recorded()
        #expect(first.count == 7)
        // The third version of the day is held, whatever order the run would pick.
        #expect(first.contains("5 alpha 2026-11-02T11:00:00Z held"))
        #expect(first.contains("7 broken 2026-11-03T09:00:00Z failed"))
        let clone = try repo.clone(to: dir.file("clone"))
        try score(clone.path, rules: rules)
        #expect(try recorded(clone.path) == first)
        // The failed version is the same version on the next run, though written out anew.
        #expect(try score(clone.path, rules: rules).allSatisfy { $0.status == .unchanged })
    }

    @Test func aShallowCloneIsRefusedWithWhatToDo() throws {
        try put("xgboost-trees", as: "alpha")
        try repo.commitAll("alpha", at: "2026-11-02T10:00:00Z")
        let shallow = try repo.clone(to: dir.file("shallow"), depth: 1)
        #expect(throws: GitError.shallow) { try history(shallow.path) }
        #expect(GitError.shallow.description.contains("fetch-depth: 0"))
    }

    @Test func linksInACommittedFolderAreRefusedAsInTheWorkingTree() throws {
        try put("xgboost-trees", as: "alpha")
        try FileManager.default.createSymbolicLink(
            atPath: workspace.root + "/submissions/alpha/labels.csv", withDestinationPath: "../../leaderboard.sqlite")
        try FileManager.default.createSymbolicLink(
            atPath: workspace.root + "/submissions/evil", withDestinationPath: "../leaderboard.sqlite")
        try repo.commitAll("links", at: "2026-11-02T10:00:00Z")
        let outcomes = try score()
        #expect(outcomes.count == 2)
        #expect(outcomes.allSatisfy { $0.status == .failed && $0.unrecorded == nil })
        #expect(outcomes.allSatisfy { ($0.entry?.failure ?? "").contains("link") })
    }

    @Test func aFileNamedLikeAnotherTeamsFolderIsNoVersionOfThatTeam() throws {
        try put("xgboost-trees", as: "alpha")
        try repo.commitAll("alpha", at: "2026-11-02T10:00:00Z")
        try FileManager.default.copyItem(
            atPath: SharedFixtures.exampleSubmissions + "/lightgbm-trees/model.txt",
            toPath: workspace.root + "/submissions/alpha.txt")
        try repo.commitAll("a file beside alpha", at: "2026-11-03T10:00:00Z")
        let outcomes = try score()
        let twin = try #require(outcomes.first { $0.path == "submissions/alpha.txt" })
        #expect(twin.status == .failed)
        #expect(twin.entry?.teamKey != "alpha")
    }

    @Test func aFileOverEveryLimitIsWrittenAsASparseFileOfItsSize() throws {
        try put("xgboost-trees", as: "alpha")
        let big = workspace.root + "/submissions/alpha/data.bin"
        try Data(repeating: 7, count: 64 << 20).write(to: URL(fileURLWithPath: big))
        try repo.commitAll("alpha with data", at: "2026-11-02T10:00:00Z")
        let history = try history()
        let scratch = URL(fileURLWithPath: dir.file("scratch"))
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let version = try #require(history.versions.first)
        let checkout = try VersionCheckout(version, of: history, into: scratch, maxFileBytes: 2 << 20, maxEntries: 256)
        let written = checkout.entry.appendingPathComponent("data.bin")
        let values = try written.resourceValues(forKeys: [.fileSizeKey, .totalFileAllocatedSizeKey])
        #expect(values.fileSize == 64 << 20)
        #expect((values.totalFileAllocatedSize ?? 0) < 1 << 20)
        let model = try Data(contentsOf: checkout.entry.appendingPathComponent("model.json"))
        #expect(model == (try Data(contentsOf: URL(fileURLWithPath: workspace.root + "/submissions/alpha/model.json"))))
    }

    @Test(.enabled(if: getuid() == 0, "needs root to give the repository to another user"))
    func aCheckoutOwnedByAnotherUserIsReadAsInACIContainer() throws {
        try put("xgboost-trees", as: "alpha")
        try repo.commitAll("alpha", at: "2026-11-02T10:00:00Z")
        // A CI container's workspace belongs to the runner's user, not to the job's root.
        let chown = Process()
        chown.executableURL = URL(fileURLWithPath: "/bin/chown")
        chown.arguments = ["-R", "65534", workspace.root]
        try chown.run()
        chown.waitUntilExit()
        #expect(chown.terminationStatus == 0)
        #expect(try history().versions.map(\.name) == ["alpha"])
    }
}
