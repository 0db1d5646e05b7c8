import Competition
import Foundation
import HiggsData
import ModelFiles
import Results
import Scoring
import TestSupport
import Testing

/// The contract between the stages, end to end: `score` runs real submissions through their
/// sandboxed children and stores typed values; they equal what Scoring computes in this
/// process from the same files, and the pages `build` writes show exactly what was stored.
/// No JSON text is written or read by hand anywhere on the way.
@Suite struct ContractRoundTripTests {
    let dir = TemporaryDirectory()
    var environment: [String: String] { ["LEADERBOARD_CACHE": dir.file("cache")] }

    /// A workspace with a Keras net (with members and a CSVLogger history), LightGBM trees,
    /// a predictions file and a pickle.
    func workspace() throws -> String {
        let ws = try dir.workspace(examples: ["notebook-net", "lightgbm-trees", "kaggle-style", "pickled-model"])
        let team = ws + "/submissions/notebook-net/"
        try "team: Loggers\nmembers: [Ada, Grace]\n".write(toFile: team + "manifest.yml", atomically: true, encoding: .utf8)
        try "epoch,accuracy,loss,val_accuracy,val_loss\n0,0.61,0.66,0.63,0.65\n1,0.68,0.60,NA,0.61\n2,0.70,nan,0.69,0.59\n"
            .write(toFile: team + "history.csv", atomically: true, encoding: .utf8)
        return ws
    }

    @Test func scoredValuesAreStoredAndShownAsTheyAre() throws {
        let ws = try workspace()
        let scored = try CommandRunner.run(["score", "--workspace", ws], in: dir.path, environment: environment)
        #expect(scored.status == 0, "\(scored.stderr)")

        // What Scoring computes here, from the same files and the same hidden rows.
        let workspace = try Workspace(at: ws)
        let loaded = try DataLoader(cacheDirectory: dir.file("cache")).load(try workspace.dataPath(cacheDirectory: dir.file("cache")))
        let split = try DataSplit(
            rowCount: loaded.dataset.rowCount, settings: workspace.config.split,
            path: try workspace.dataPath(cacheDirectory: dir.file("cache")))
        let hidden = HiddenTestRows(dataset: loaded.dataset, split: split)

        let db = try workspace.openDatabase()
        let dataset = try #require(try db.datasets().last?.id)
        let entries = try db.entries(datasetID: dataset)
        #expect(entries.count == 4)
        for (team, folder, model) in [
            ("Loggers", "notebook-net", "model.h5"), ("Light Fantastic", "lightgbm-trees", "model.txt"),
            ("kaggle-style", "kaggle-style", "predictions.csv"),
        ] {
            let stored = try #require(entries.first { $0.entry.team == team }, "\(team)")
            let path = ws + "/submissions/" + folder + "/" + model
            let manifestPath = ws + "/submissions/" + folder + "/manifest.yml"
            let manifest =
                try FileManager.default.fileExists(atPath: manifestPath)
                ? SubmissionManifest.read(from: URL(fileURLWithPath: manifestPath)) : nil
            let prediction = try SubmissionPredictor.predict(
                modelPath: path, manifest: manifest, rows: hidden.rows, copies: EventSymmetry.memorizationCopies)
            let evaluation = try EntryEvaluation(scores: prediction.scores, copies: prediction.copies, hidden: hidden)
            let metrics = try #require(stored.metrics)
            #expect(metrics.roc == evaluation.record.roc, "\(team)")
            #expect(metrics.workingPoints == evaluation.record.workingPoints, "\(team)")
            #expect(metrics.histograms == evaluation.record.histograms, "\(team)")
            #expect(metrics.memorization == evaluation.record.memorization, "\(team)")
            #expect((metrics.memorization == nil) == (folder == "kaggle-style"), "every model file is checked")
            #expect(stored.publicMetrics == evaluation.publicRecord.with(entryID: metrics.entryID), "\(team)")
            #expect(stored.entry.modelSummary == prediction.summary.map { $0.named(stored.entry.modelSummary?.file) }, "\(team)")
            #expect(stored.entry.status == .scored)
            #expect((stored.entry.modelSummary == nil) == (folder == "kaggle-style"), "a model file's summary is stored")
        }
        let loggers = try #require(entries.first { $0.entry.team == "Loggers" })
        #expect(loggers.entry.members == ["Ada", "Grace"])
        let history = try TrainingHistory.read(from: URL(fileURLWithPath: ws + "/submissions/notebook-net/history.csv"))
        #expect(loggers.entry.history == history)
        let pickled = try #require(entries.first { $0.entry.team == "pickled-model" })
        #expect(pickled.entry.status == .failed && pickled.metrics == nil)
        let statistics = try #require(try db.detail(datasetID: dataset)?.statistics)
        #expect(statistics == DataStatistics(loaded.dataset.rows(0..<split.test.lowerBound)))

        // The pages show the stored values.
        let built = try CommandRunner.run(["build", "--workspace", ws], in: dir.path, environment: environment)
        #expect(built.status == 0, "\(built.stderr)")
        let id = try #require(loggers.entry.id)
        let page = try String(contentsOfFile: ws + "/site/entries/\(id).html", encoding: .utf8)
        #expect(page.contains("<tr><th>members</th><td>Ada, Grace</td></tr>"))
        for layer in try #require(loggers.entry.modelSummary?.layers) {
            #expect(page.contains("<td>\(layer.name)</td><td>\(layer.type)</td>"))
        }
        #expect(page.contains("Loss and accuracy per epoch"), "the stored history is drawn")
        let shown = try #require(loggers.publicMetrics)
        let cells = shown.workingPoints.signalEfficiencyAtBackgroundEfficiency.compactMap(\.value)
            .map { "<td class=\"num\">" + String(format: "%.3f", $0) + "</td>" }.joined()
        #expect(shown.workingPoints.signalEfficiencyAtBackgroundEfficiency.count == 3)
        #expect(page.contains(cells))
        #expect(page.contains("<td class=\"num\">\(CountText.of(shown.truePositives))</td>"))
        // Counts as the pages write every count.
        let data = try String(contentsOfFile: ws + "/site/data.html", encoding: .utf8)
        #expect(data.contains(CountText.of(statistics.rows)) && data.contains(CountText.of(statistics.signal)))
    }
}

extension EntryPublicMetricsRecord {
    /// The record as stored for entry `id`.
    func with(entryID id: Int64) -> EntryPublicMetricsRecord {
        var record = self
        record.entryID = id
        return record
    }
}

extension ModelSummary {
    /// The summary with the file named `name` (the child names it by its path).
    func named(_ name: String?) -> ModelSummary {
        var summary = self
        summary.file = name ?? summary.file
        return summary
    }
}
