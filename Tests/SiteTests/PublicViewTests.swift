import Foundation
import Results
import TestSupport
import Testing

@testable import Site

/// The public view shows the public rows' figures only, rounded as shown; the final view
/// shows those of all hidden rows. Every figure of all rows stored here is a value that
/// appears nowhere else, so finding it in a file of the public site is a leak.
@Suite struct PublicViewTests {
    let dir = TemporaryDirectory()

    /// The figures of all hidden rows (and the private AUC), each a distinctive value.
    static let allRows = EntryMetricsRecord(
        auc: 0.8123456, aucLow: 0.7234567, aucHigh: 0.8345678, aucVariance: 0.001,
        publicAUC: 0.912345678, publicAUCLow: 0.851234, publicAUCHigh: 0.951234,
        privateAUC: 0.6789012, privateAUCLow: 0.6012345, privateAUCHigh: 0.7543219,
        accuracy: 0.6456789, logLoss: 0.5567891, trueNegatives: 7771, falsePositives: 7772, falseNegatives: 7773,
        truePositives: 7774, workingPoints: workingPoints(0.777, rejection: 77.7),
        roc: ROCPoints(falsePositiveRate: [0, 0.3, 1], truePositiveRate: [0, 0.6, 1], thresholds: [nil, 0.5, 0], tolerance: 0),
        histograms: ScoreHistograms(low: 0, high: 1, signal: [8881, 8882], background: [8883, 8884]))

    /// The figures of the public rows.
    static let publicRows = EntryPublicMetricsRecord(
        accuracy: 0.7012345, logLoss: 0.4012345, trueNegatives: 11, falsePositives: 12, falseNegatives: 13,
        truePositives: 14, workingPoints: workingPoints(0.444, rejection: 4.4),
        roc: ROCPoints(falsePositiveRate: [0, 0.2, 1], truePositiveRate: [0, 0.7, 1], thresholds: [nil, 0.5, 0], tolerance: 0),
        histograms: ScoreHistograms(low: 0, high: 1, signal: [21, 22], background: [23, 24]))

    /// What of `allRows` a page, plot or export could show, as it would show it (counts as the
    /// pages write them, `7,771`, and as the exports do, `7771`).
    static let allRowsText = [
        "0.8123", "0.7235", "0.8346", "0.6789", "0.6012", "0.7543", "0.6457", "0.5568",
        "7771", "7772", "7773", "7774", "7,771", "7,772", "7,773", "7,774", "0.777", "77.7", "8881", "8882", "8883", "8884",
        "8,881", "8,882", "8,883", "8,884",
    ]

    static func workingPoints(_ value: Double, rejection: Double) -> WorkingPoints {
        WorkingPoints(
            signalEfficiencyAtBackgroundEfficiency: [.init(at: 0.1, value: value)],
            backgroundRejectionAtSignalEfficiency: [.init(at: 0.5, value: rejection)])
    }

    /// A small data set's record in `db` (100 rows, 10 hidden, 4 public); its id.
    static func recordDataset(in db: ResultsDatabase) throws -> Int64 {
        let dataset = try db.record(
            DatasetRecord(
                path: "d.csv", sha256: "abc", fileBytes: 1, rows: 100, signal: 50, trainingRows: 80, validationRows: 10,
                testRows: 10, publicTestRows: 4, publicFraction: 0.4, splitSeed: 1))
        return try #require(dataset.id)
    }

    func database() throws -> ResultsDatabase {
        let db = try ResultsDatabase(path: dir.file("lb.sqlite"))
        let id = try Self.recordDataset(in: db)
        for (sha, baseline) in [("a", false), ("b", true)] {
            _ = try db.record(
                EntryRecord(
                    datasetID: id, contentSHA256: sha, modelSHA256: sha, team: "team " + sha, title: "m",
                    members: [], path: "submissions/" + sha, modelFile: "m.h5", format: "keras-h5",
                    fileBytes: 1, isBaseline: baseline, submittedAt: "2026-11-29T10:00:00Z"),
                metrics: Self.allRows, publicMetrics: Self.publicRows, scores: nil)
        }
        return db
    }

    func texts(_ folder: String) throws -> [String: String] {
        var out: [String: String] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder))
        for case let name as String in enumerator where !name.hasSuffix(".css") {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[name] = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            }
        }
        return out
    }

    @Test func thePublicViewShowsNoFigureOfAllOrOfThePrivateRows() throws {
        var builder = SiteBuilder(database: try database(), title: "T", templates: nil, pages: nil)
        try builder.build(into: dir.file("public"))
        let site = try texts(dir.file("public"))
        #expect(site.keys.contains("entries/1.html"))
        for (name, text) in site {
            for figure in Self.allRowsText {
                #expect(!text.contains(figure), "public \(name) shows \(figure), a figure of all hidden rows")
            }
        }
        let entry = try #require(site["entries/1.html"])
        for figure in ["0.9123", "0.7012", "0.4012", ">11<", ">14<", "0.444", "4.4"] {
            #expect(entry.contains(figure), "the entry page shows the public rows' \(figure)")
        }

        builder.final = true
        try builder.build(into: dir.file("final"))
        let final = try #require(try texts(dir.file("final"))["entries/1.html"])
        for figure in ["0.8123", "0.6789", "0.6457", ">7,771<", "0.777"] {
            #expect(final.contains(figure), "the final entry page shows \(figure)")
        }
    }

    @Test func exportsCarryTheFiguresAsThePagesShowThem() throws {
        try SiteBuilder(database: try database(), title: "T", templates: nil, pages: nil).build(into: dir.file("site"))
        let json = try String(contentsOfFile: dir.file("site/leaderboard.json"), encoding: .utf8)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let entries = try #require(document["entries"] as? [[String: Any]])
        #expect(entries.count == 2)
        for entry in entries {
            #expect(entry["publicAUC"] as? Double == 0.9123)
            #expect(entry["publicAUCLow"] as? Double == 0.8512)
            #expect(entry["accuracy"] as? Double == 0.7012)
            #expect(entry["logLoss"] as? Double == 0.4012)
            #expect(entry["auc"] == nil && entry["privateAUC"] == nil)
        }
        let csv = try String(contentsOfFile: dir.file("site/results.csv"), encoding: .utf8)
        #expect(csv.contains(",0.9123,0.8512,0.9512,0.7012,0.4012,"))
        #expect(!csv.contains("0.912346"))
    }
}
