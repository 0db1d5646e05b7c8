import Foundation
import Results
import TestSupport
import Testing

@testable import Site

/// The final view's shake-up and its ties on the private rows, on scores crafted so that the
/// public and the private ranking differ.
@Suite struct FinalViewTests {
    let dir = TemporaryDirectory()
    /// 400 hidden rows: labels alternate, rows 0 and 1 of every four are public.
    static let rows = 400
    static let labels = (0..<Self.rows).map { UInt8($0 % 2) }
    static let isPublic = (0..<Self.rows).map { $0 % 4 < 2 }

    static let dataset = DatasetRecord(
        path: "sample.csv", sha256: "abc", fileBytes: 1, rows: 7_500, signal: 3_988, trainingRows: 6_300,
        validationRows: 700, testRows: rows, publicTestRows: rows / 2, publicFraction: 0.5, splitSeed: 1)

    /// ROC AUC of `scores` on the rows `mask` keeps, counted pair by pair.
    static func auc(_ scores: [Float], _ mask: [Bool]) -> Double {
        var wins = 0.0, pairs = 0.0
        for i in 0..<rows where mask[i] && labels[i] == 1 {
            for j in 0..<rows where mask[j] && labels[j] == 0 {
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0
                pairs += 1
            }
        }
        return wins / pairs
    }

    /// Records team `team`'s entry with `scores`, its public and private AUCs computed from them.
    static func record(_ team: String, _ scores: [Float], in db: ResultsDatabase, datasetID: Int64) throws {
        let record = EntryRecord(
            datasetID: datasetID, contentSHA256: team, modelSHA256: team, team: team, title: team, members: [], path: team,
            modelFile: "model.json", format: "xgboost-json", fileBytes: 1, submittedAt: "2026-12-01T00:00:00Z")
        let publicAUC = auc(scores, isPublic), privateAUC = auc(scores, isPublic.map { !$0 })
        let metrics = EntryMetricsRecord(
            auc: 0.5, aucLow: 0.4, aucHigh: 0.6, aucVariance: 0.001, publicAUC: publicAUC, publicAUCLow: publicAUC - 0.05,
            publicAUCHigh: publicAUC + 0.05, privateAUC: privateAUC, privateAUCLow: privateAUC - 0.05,
            privateAUCHigh: privateAUC + 0.05, accuracy: 0.5, logLoss: 0.7, trueNegatives: 1, falsePositives: 1,
            falseNegatives: 1, truePositives: 1, workingPoints: SiteBuilderTests.workingPoints, roc: SiteBuilderTests.roc,
            histograms: SiteBuilderTests.histograms)
        _ = try db.record(record, metrics: metrics, scores: scores)
    }

    /// Three entries: one strong on the public rows only; one strong on the private rows only;
    /// and its twin, the same ranking on the public rows and on the private rows but for one
    /// signal row pushed to the bottom.
    func board(final: Bool) throws -> LeaderboardView {
        var generator = SeededGenerator(seed: 15)
        func noise() -> Float { Float.random(in: 0..<1, using: &generator) }
        let publicStar = (0..<Self.rows).map { Self.isPublic[$0] ? Float(Self.labels[$0]) * 0.6 + noise() * 0.4 : noise() }
        let privateStar = (0..<Self.rows).map { !Self.isPublic[$0] ? Float(Self.labels[$0]) * 0.6 + noise() * 0.4 : noise() }
        var twin = privateStar.map { $0 * 0.5 }
        twin[2 + 4 * 10 + 1] = 0
        let db = try ResultsDatabase(path: dir.file("lb.sqlite"))
        let datasetID = try #require(try db.record(Self.dataset).id)
        try db.recordDetailIfMissing(
            DatasetDetailRecord(datasetID: datasetID, testLabels: Self.labels, testPublic: Self.isPublic, statistics: nil))
        if try db.entries(datasetID: datasetID).isEmpty {
            for (team, scores) in [("public-star", publicStar), ("private-star", privateStar), ("twin", twin)] {
                try Self.record(team, scores, in: db, datasetID: datasetID)
            }
        }
        return LeaderboardView(entries: try db.entries(datasetID: datasetID), detail: try db.detail(datasetID: datasetID), final: final) {
            (try? db.scores(entryID: $0)) ?? []
        }
    }

    @Test func theFinalViewShowsEachEntrysPublicRankAndItsMove() throws {
        let final = try self.board(final: true)
        #expect(final.rows.map(\.entry.entry.team) == ["private-star", "twin", "public-star"])
        #expect(final.rows.map(\.publicRank) == [2, 3, 1])
        let context = LeaderboardContext(board: final, dataset: Self.dataset)
        #expect(context.shakeUp)
        #expect(context.rows.map(\.change) == ["▲1", "▲1", "▼2"])
        // The public view is its own ranking: no shake-up.
        let publicBoard = try self.board(final: false)
        #expect(publicBoard.rows.map(\.entry.entry.team) == ["public-star", "private-star", "twin"])
        #expect(publicBoard.rows.allSatisfy { $0.publicRank == nil })
        #expect(!LeaderboardContext(board: publicBoard, dataset: Self.dataset).shakeUp)
    }

    @Test func anEntryThePrivateRowsCannotTellFromTheOneAboveKeepsTheTieMark() throws {
        let final = try self.board(final: true)
        // The twin's private AUC is lower, by one signal row: a paired test cannot tell them apart.
        #expect(final.rows[1].auc < final.rows[0].auc)
        #expect((final.rows[1].tiePValue ?? 0) > LeaderboardView.tieLevel)
        // The public-star entry is far below on the private rows: no tie.
        #expect(final.rows[2].tiePValue == nil)
        // On the public rows the twin ranks its rows exactly as the entry above: a tie there too.
        let publicBoard = try self.board(final: false)
        #expect(publicBoard.rows[2].tiePValue == 1)
        #expect(publicBoard.rows[1].tiePValue == nil)
    }

    @Test(arguments: [(3, 3, "="), (5, 2, "▲3"), (1, 4, "▼3")])
    func aMoveIsShownAsItsArrowAndSize(publicRank: Int, rank: Int, shown: String) {
        #expect(LeaderboardContext.change(from: publicRank, to: rank) == shown)
    }
}
