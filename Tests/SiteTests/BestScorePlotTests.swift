import Foundation
import Results
import TestSupport
import Testing

@testable import Site

/// The best-score chart of the leaderboard page: entries placed at their recorded times.
@Suite struct BestScorePlotTests {
    let dir = TemporaryDirectory()

    /// A board of the given submissions, each at its time as text; a team named twice has
    /// two versions.
    func board(_ submissions: [(team: String, submittedAt: String, auc: Double)]) throws -> LeaderboardView {
        let db = try ResultsDatabase(path: dir.file("lb.sqlite"))
        let datasetID = try #require(try db.record(FinalViewTests.dataset).id)
        for s in submissions {
            let record = EntryRecord(
                datasetID: datasetID, contentSHA256: s.team + s.submittedAt, modelSHA256: s.team + s.submittedAt, team: s.team,
                title: s.team, members: [],
                path: s.team, modelFile: "model.json", format: "xgboost-json", fileBytes: 1, submittedAt: s.submittedAt)
            let metrics = EntryMetricsRecord(
                auc: s.auc, aucLow: s.auc - 0.01, aucHigh: s.auc + 0.01, aucVariance: 0.0001, publicAUC: s.auc,
                publicAUCLow: s.auc - 0.01, publicAUCHigh: s.auc + 0.01, privateAUC: s.auc, privateAUCLow: s.auc - 0.01,
                privateAUCHigh: s.auc + 0.01, accuracy: 0.5, logLoss: 0.7, trueNegatives: 1, falsePositives: 1,
                falseNegatives: 1, truePositives: 1, workingPoints: SiteBuilderTests.workingPoints, roc: SiteBuilderTests.roc,
                histograms: SiteBuilderTests.histograms)
            _ = try db.record(record, metrics: metrics, scores: [])
        }
        return LeaderboardView(entries: try db.entries(datasetID: datasetID), detail: nil, final: false) { _ in [] }
    }

    /// `08:00+02:00` sorts after `06:30Z` as text but is earlier in time; a time that cannot be
    /// read has no place on the axis.
    @Test func entriesArePlacedAndOrderedByTheirTimesInUTC() throws {
        let board = try self.board([
            (team: "late", submittedAt: "2026-12-01T06:30:00Z", auc: 0.84),
            (team: "early", submittedAt: "2026-12-01T08:00:00+02:00", auc: 0.81),
            (team: "unknown", submittedAt: "yesterday", auc: 0.9),
        ])
        let svg = try #require(SitePlots.bestScore(board))
        #expect(svg.contains("over 2 submissions on 2026-12-01 between 06:00:00 and 06:30:00 UTC; best 0.8400."))
        #expect(svg.contains("06:00") && svg.contains("Submission time (UTC), 1 Dec 2026"))
    }

    /// Every version that counts is a point, not only the one the board ranks: a team's
    /// improvement and its later, worse version both show, and the best so far is the best of all.
    @Test func everyVersionOfATeamIsASubmission() throws {
        let board = try self.board([
            (team: "alpha", submittedAt: "2026-12-01T09:00:00Z", auc: 0.71),
            (team: "alpha", submittedAt: "2026-12-02T09:00:00Z", auc: 0.83),
            (team: "alpha", submittedAt: "2026-12-03T09:00:00Z", auc: 0.79),
            (team: "beta", submittedAt: "2026-12-02T12:00:00Z", auc: 0.76),
        ])
        #expect(board.rows.count == 2, "the board ranks one version a team")
        let svg = try #require(SitePlots.bestScore(board))
        #expect(svg.contains("over 4 submissions from 2026-12-01 to 2026-12-03; best 0.8300."))
    }
}
