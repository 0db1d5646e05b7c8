import Competition
import Dispatch
import Foundation
import Results
import Scoring
import Synchronization
import TestSupport
import Testing

/// A team's versions, scored through the real `ScoreRun` on the repository's example model
/// files at the times a test sets (its clock, or the submission's own time): what each rule
/// makes of them, as `Standings` reads them back from the database.
@Suite struct VersionsTests {
    let dir = TemporaryDirectory()
    let workspace: Workspace
    let session: CompetitionSession

    init() throws {
        workspace = try Workspace.create(at: dir.file("ws"))
        session = try CompetitionSession(workspace: workspace, lock: nil, cacheDirectory: dir.file("cache"))
    }

    /// 2026-11-`day` at `hour`:00 UTC.
    static func time(_ day: Int, _ hour: Int) -> Date {
        var parts = DateComponents()
        (parts.year, parts.month, parts.day, parts.hour) = (2026, 11, day, hour)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.date(from: parts) ?? Date(timeIntervalSince1970: 0)
    }

    /// Team folder `team` holding example `example`'s files only, with `manifest` lines added
    /// to its manifest (one made if it has none).
    func put(_ example: String, as team: String, manifest: String? = nil) throws {
        let folder = workspace.submissionsPath + "/" + team
        try? FileManager.default.removeItem(atPath: folder)
        try FileManager.default.copyItem(atPath: SharedFixtures.exampleSubmissions + "/" + example, toPath: folder)
        guard let manifest else { return }
        let path = folder + "/manifest.yml"
        let before = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        try (before + manifest + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// A run under `rules` whose clock reads `now`, its children made from `executable`.
    func run(_ rules: CompetitionRules, at now: Date, executable: String = CommandRunner.executable) throws -> ScoreRun {
        var run = try ScoreRun(session: session, sandbox: SandboxedPrediction(executable: executable))
        run.rules = rules
        run.clock = { now }
        return run
    }

    /// Scores every submission under `rules` at `now`; the outcomes by path.
    @discardableResult
    func score(_ rules: CompetitionRules = CompetitionRules(), at now: Date, executable: String = CommandRunner.executable)
        throws -> [String: ScoreRun.Outcome]
    {
        let run = try run(rules, at: now, executable: executable)
        return Dictionary(run.score(run.discover()).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// What counts, read back from the database.
    func standings(_ rules: CompetitionRules = CompetitionRules()) throws -> Standings {
        Standings(
            versions: try session.database.entries(datasetID: session.datasetID), rulings: try session.database.rulings(),
            rules: rules)
    }

    @Test func aResubmissionIsTheTeamsSecondVersionWhateverItsManifestCallsTheTeam() throws {
        try put("xgboost-trees", as: "alpha")
        try score(at: Self.time(1, 10))
        try put("lightgbm-trees", as: "alpha")
        let outcomes = try score(at: Self.time(2, 10))
        #expect(outcomes["submissions/alpha"]?.status == .scored)
        let teams = try standings().teams
        #expect(teams.count == 1)
        let alpha = try #require(teams.first)
        #expect(alpha.key == "alpha")
        #expect(alpha.versions.map(\.number) == [1, 2])
        #expect(alpha.versions.map(\.entry.entry.submittedAt) == ["2026-11-01T10:00:00Z", "2026-11-02T10:00:00Z"])
        // The manifests name two teams; the folder makes them one, shown by its latest name.
        #expect(alpha.versions.map(\.entry.entry.team) == ["Gradient Boosters", "Light Fantastic"])
        #expect(alpha.name == "Light Fantastic")
        // LightGBM's public AUC is the better one on the sample.
        let best = try #require(alpha.versions.max { ($0.entry.metrics?.publicAUC ?? 0) < ($1.entry.metrics?.publicAUC ?? 0) })
        #expect(alpha.publicChoice?.number == best.number)
        #expect(alpha.finalChoices.map(\.number) == [best.number], "no selection: the best public version")
        #expect(!alpha.selectedForFinal)
    }

    @Test func aFixedFailureLeavesTheTeamCounted() throws {
        try put("pickled-model", as: "beta")
        #expect(try score(at: Self.time(1, 10))["submissions/beta"]?.status == .failed)
        #expect(try standings().teams.first?.publicChoice == nil)
        try put("lightgbm-trees", as: "beta")
        #expect(try score(at: Self.time(1, 11))["submissions/beta"]?.status == .scored)
        let beta = try #require(try standings().teams.first)
        #expect(beta.versions.map(\.scored) == [false, true])
        #expect(beta.publicChoice?.number == 2)
    }

    @Test func anOlderSelectedVersionBeatsABetterNewerOneInTheFinalRanking() throws {
        try put("xgboost-trees", as: "gamma", manifest: "final: true")
        try score(at: Self.time(1, 10))
        try put("lightgbm-trees", as: "gamma")
        try score(at: Self.time(2, 10))
        let gamma = try #require(try standings().teams.first)
        let (older, newer) = (gamma.versions[0], gamma.versions[1])
        #expect(older.selected && !newer.selected)
        #expect((older.entry.metrics?.publicAUC ?? 1) < (newer.entry.metrics?.publicAUC ?? 0), "the newer one is better")
        #expect(gamma.publicChoice?.number == 2)
        #expect(gamma.finalChoices.map(\.number) == [1])
        #expect(gamma.finalChoice?.number == 1)
        #expect(gamma.selectedForFinal)
    }

    @Test func selectionsBeyondTheLimitDropTheOldest() throws {
        let rules = CompetitionRules(finalSelections: 2)
        try put("xgboost-trees", as: "delta", manifest: "final: true")
        try score(rules, at: Self.time(1, 10))
        try put("lightgbm-trees", as: "delta", manifest: "final: yes")
        try score(rules, at: Self.time(1, 11))
        try put("kaggle-style", as: "delta", manifest: "final: true")
        try score(rules, at: Self.time(1, 12))
        let delta = try #require(try standings(rules).teams.first)
        #expect(delta.versions.allSatisfy { $0.selected })
        #expect(delta.finalChoices.map(\.number) == [2, 3])
        #expect(delta.versions.map(\.selectionDropped) == [true, false, false])
        let one = try #require(try standings(CompetitionRules(finalSelections: 1)).teams.first)
        #expect(one.finalChoices.map(\.number) == [3])
    }

    @Test func aVersionAfterTheDeadlineIsScoredShownLateAndNotCounted() throws {
        let rules = CompetitionRules(deadline: Self.time(2, 0))
        try put("xgboost-trees", as: "epsilon")
        try score(rules, at: Self.time(1, 23))
        try put("lightgbm-trees", as: "epsilon", manifest: "final: true")
        let late = try #require(try score(rules, at: Self.time(2, 1))["submissions/epsilon"])
        #expect(late.status == .scored && late.late)
        #expect(late.metrics != nil, "scored, so the team sees its public figure")
        let epsilon = try #require(try standings(rules).teams.first)
        #expect(epsilon.versions.map(\.late) == [false, true])
        #expect(epsilon.versions.map(\.counts) == [true, false])
        #expect(epsilon.publicChoice?.number == 1)
        #expect(epsilon.finalChoices.map(\.number) == [1], "a late selection is no selection")
        // Without the deadline, the better, selected version would count.
        #expect(try standings().teams.first?.publicChoice?.number == 2)
    }

    @Test func versionsOverTheDailyLimitAreHeldWithoutAChildAndTheNextDayIsScored() throws {
        let rules = CompetitionRules(maxPerDay: 1)
        try put("pickled-model", as: "zeta")
        #expect(try score(rules, at: Self.time(1, 9))["submissions/zeta"]?.status == .failed, "a failure does not count")
        try put("xgboost-trees", as: "zeta")
        #expect(try score(rules, at: Self.time(1, 10))["submissions/zeta"]?.status == .scored)
        // The limit is reached: a child that cannot even start would fail the version, so a
        // held one proves that none was started.
        try put("lightgbm-trees", as: "zeta")
        let held = try #require(try score(rules, at: Self.time(1, 23), executable: "/nonexistent/leaderboard")["submissions/zeta"])
        #expect(held.status == .held)
        #expect(held.entry?.status == .held && held.entry?.failure == nil && held.metrics == nil)
        // Recorded: the same folder is not held again, nor scored, the next run that day.
        #expect(try score(rules, at: Self.time(1, 23))["submissions/zeta"]?.status == .unchanged)
        try put("kaggle-style", as: "zeta")
        #expect(try score(rules, at: Self.time(2, 0))["submissions/zeta"]?.status == .scored, "a new day")
        let zeta = try #require(try standings(rules).teams.first)
        #expect(zeta.versions.map(\.entry.entry.status) == [.failed, .scored, .held, .scored])
        #expect(zeta.versions.map(\.held) == [false, false, true, false])
        #expect(try session.database.scores(entryID: zeta.versions[2].entry.entry.id ?? 0).isEmpty)
    }

    @Test func aSubmissionsOwnTimeIsTheOneRecordedAndLimited() throws {
        let rules = CompetitionRules(maxPerDay: 1)
        try put("xgboost-trees", as: "eta")
        try score(rules, at: Self.time(5, 10))
        try put("lightgbm-trees", as: "eta")
        let run = try run(rules, at: Self.time(5, 11))
        var submission = try #require(run.discover().first)
        submission.submittedAt = Self.time(6, 8)
        let outcome = run.score(submission)
        #expect(outcome.status == .scored, "its own day, not the clock's")
        #expect(outcome.entry?.submittedAt == "2026-11-06T08:00:00Z")
    }

    /// Puts example files as single files `name.EXT` of the submissions folder: versions
    /// of one team `name`.
    func putFiles(_ name: String, _ files: [(example: String, file: String)]) throws {
        for (example, file) in files {
            try FileManager.default.copyItem(
                atPath: SharedFixtures.exampleSubmissions + "/" + example + "/" + file,
                toPath: workspace.submissionsPath + "/" + name + "." + (file as NSString).pathExtension)
        }
    }

    @Test func twoVersionsOfOneTeamInOneRunDoNotBothSlipUnderTheLimit() throws {
        let rules = CompetitionRules(maxPerDay: 1)
        try putFiles("theta", [("xgboost-trees", "model.json"), ("lightgbm-trees", "model.txt")])
        let outcomes = try score(rules, at: Self.time(3, 10)).values
        #expect(outcomes.count == 2)
        #expect(outcomes.map(\.status.rawValue).sorted() == ["held", "scored"])
        #expect(Set(outcomes.compactMap(\.entry?.teamKey)) == ["theta"])
    }

    @Test func versionsScoredAtOnceOutsideABatchShareTheLimit() throws {
        let rules = CompetitionRules(maxPerDay: 2)
        try putFiles(
            "kappa", [("xgboost-trees", "model.json"), ("lightgbm-trees", "model.txt"), ("kaggle-style", "predictions.csv")])
        let run = try run(rules, at: Self.time(4, 10))
        let submissions = run.discover()
        #expect(submissions.map(\.teamKey) == ["kappa", "kappa", "kappa"])
        // All three at once, each on its own thread: two take the day's places, one is held.
        let statuses = Mutex([ScoreRun.Outcome.Status]())
        DispatchQueue.concurrentPerform(iterations: submissions.count) { index in
            let outcome = run.score(submissions[index])
            statuses.withLock { $0.append(outcome.status) }
        }
        #expect(statuses.withLock { $0 }.map(\.rawValue).sorted() == ["held", "scored", "scored"])
        #expect(try session.database.scoredVersions(teamKey: "kappa", day: "2026-11-04", datasetID: session.datasetID) == 2)
    }
}
