import Competition
import Foundation
import HiggsData
import Metrics
import ModelFiles
import Scoring

/// The data `check` scores on, and how it ends a report with the child's outcome.
struct CheckData {
    let path: String
    let dataset: HiggsDataset
    let split: DataSplit
    /// The workspace's root, when a workspace chose the data.
    let workspace: String?
    /// How the report names the data: its path, or the embedded sample.
    let name: String

    init(workspace ws: Workspace?, loader: DataLoader) throws {
        path = try ws?.dataPath(cacheDirectory: loader.cacheDirectory) ?? KnownDataSets.samplePath
        name = path == KnownDataSets.samplePath ? "the embedded sample of real HIGGS events" : path
        dataset = try loader.load(path).dataset
        split = try DataSplit(rowCount: dataset.rowCount, settings: ws?.config.split ?? SplitSettings(), path: path)
        workspace = ws?.root
    }

    /// Whether the file at `url` is a predictions file (`id,score` text), from its first bytes.
    func isPredictions(_ url: URL) throws -> Bool {
        do {
            return try ModelFileReader.format(of: url) == .text
        } catch {
            throw CheckCommand.Problem(description: error.description)
        }
    }

    /// A report of the data used, before the submission's parts are filled in.
    func report(submission: String, form: String, model: CheckReport.ModelPart, isPredictions: Bool) -> CheckReport {
        let rows = isPredictions ? split.test : split.validation
        let rowsAre =
            isPredictions
            ? "the hidden test rows, whose labels are secret: only the count is checked"
            : "the public validation rows (the end of the training rows; no hidden row is read)"
        return CheckReport(
            submission: submission, form: form, model: model,
            data: CheckReport.DataPart(
                source: name, rows: dataset.rowCount,
                workspace: workspace, rowsUsed: rows, rowsAre: rowsAre),
            verdict: "")
    }

    /// Fills in the figures (a model) or the shape (a predictions file) from the child's
    /// outcome; a refusal is the command's one-line error.
    func finish(_ report: inout CheckReport, outcome: SandboxedPrediction.Outcome) throws {
        let what = report.form == "folder" ? "The folder" : "The file"
        switch outcome {
        case let .failed(reason):
            throw CheckCommand.Problem(description: reason)
        case let .scores(scores, _, nil, _):
            report.predictions = CheckReport.PredictionsPart(
                scores: scores.count,
                why: "a predictions file holds scores of the hidden test rows only, so no figure can be computed before "
                    + "`score` does")
            report.verdict = "\(what) is ready to submit (as predictions: its figures come from `score`)."
        case let .scores(scores, _, summary?, _):
            let rows = dataset.rows(split.validation)
            let figures = try BinaryClassificationReport(scores: scores, labels: rows.labels)
            report.summary = summary
            report.validation = CheckReport.ValidationPart(
                rows: rows.rowCount, auc: figures.auc, aucLow: figures.aucInterval.lower, aucHigh: figures.aucInterval.upper,
                accuracy: figures.accuracy, logLoss: figures.logLoss)
            report.verdict = "\(what) is ready to submit."
        }
    }
}
