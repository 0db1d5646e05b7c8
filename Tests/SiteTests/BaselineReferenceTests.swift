import Foundation
import Results
import TestSupport
import Testing

@testable import Site

/// Baselines are references on the leaderboard: shown where their AUC places them, never
/// ranked, so the rank numbers, the final view's shake-up and the exports count teams only.
@Suite struct BaselineReferenceTests {
    let dir = TemporaryDirectory()

    /// Teams `a` (0.70), `c` (0.80), `e` (0.60) and baselines `b` (0.75), `d` (0.90), by public AUC.
    func database() throws -> ResultsDatabase {
        let db = try ResultsDatabase(path: dir.file("lb.sqlite"))
        let id = try PublicViewTests.recordDataset(in: db)
        for (name, auc, baseline) in [("a", 0.70, false), ("b", 0.75, true), ("c", 0.80, false), ("d", 0.90, true), ("e", 0.60, false)] {
            var metrics = PublicViewTests.allRows
            (metrics.publicAUC, metrics.publicAUCLow, metrics.publicAUCHigh) = (auc, auc - 0.05, auc + 0.05)
            (metrics.privateAUC, metrics.privateAUCLow, metrics.privateAUCHigh) = (1.5 - auc, 1.45 - auc, 1.55 - auc)
            _ = try db.record(
                EntryRecord(
                    datasetID: id, contentSHA256: name, modelSHA256: name, team: baseline ? "Baseline" : "team " + name,
                    title: baseline ? "\(name.uppercased()) baseline" : "m", members: [], path: "submissions/" + name,
                    modelFile: "m.h5", format: "keras-h5", fileBytes: 1, isBaseline: baseline,
                    submittedAt: "2026-11-29T10:00:00Z", teamKey: baseline ? "baseline:" + name : name),
                metrics: metrics, publicMetrics: PublicViewTests.publicRows, scores: nil)
        }
        return db
    }

    /// The exported rows of the site built into `folder`: team key, rank (nil for null) and public rank.
    func exported(final: Bool, into folder: String) throws -> [(key: String, rank: Int?, publicRank: Int?)] {
        var builder = SiteBuilder(database: try database(), title: "T", templates: nil, pages: nil)
        builder.final = final
        try builder.build(into: folder)
        let json = try String(contentsOfFile: folder + "/leaderboard.json", encoding: .utf8)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entries = try #require(document["entries"] as? [[String: Any]])
        return entries.map { ($0["teamKey"] as? String ?? "", $0["rank"] as? Int, $0["publicRank"] as? Int) }
    }

    @Test func baselinesSitAtTheirAUCWithoutARankAndTeamsAreNumberedOneByOne() throws {
        let rows = try exported(final: false, into: dir.file("public"))
        #expect(rows.map(\.key) == ["baseline:d", "c", "baseline:b", "a", "e"])
        #expect(rows.map(\.rank) == [nil, 1, nil, 2, 3])
        let csv = try String(contentsOfFile: dir.file("public/results.csv"), encoding: .utf8)
        #expect(
            csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false)[0] } == [
                "", "1", "", "2", "3",
            ])
        let page = try String(contentsOfFile: dir.file("public/index.html"), encoding: .utf8)
        #expect(page.components(separatedBy: ">ref.</span>").count - 1 == 2)
        #expect(page.contains("D baseline</a> <span class=\"badge\">reference</span>"))
        #expect(!page.contains("Baseline</a> <span class=\"badge\">"))
    }

    @Test func theFinalViewsShakeUpCountsTeamsOnly() throws {
        // Private AUCs reverse the order: e (0.90), a (0.80), b (0.75), c (0.70), d (0.60).
        let rows = try exported(final: true, into: dir.file("final"))
        #expect(rows.map(\.key) == ["e", "a", "baseline:b", "c", "baseline:d"])
        #expect(rows.map(\.rank) == [1, 2, nil, 3, nil])
        #expect(rows.map(\.publicRank) == [3, 2, nil, 1, nil])
    }
}
