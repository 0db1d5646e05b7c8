import ArgumentParser
import Competition
import Foundation
import HiggsData
import Metrics
import ModelFiles
import Results
import Scoring

/// `leaderboard check MODEL`: a participant's dry run before submitting.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read a model file as `score` would, say what was understood, and score it on the public validation rows.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The model file (.h5, .keras, .onnx, XGBoost .json/.ubj, LightGBM .txt).") var model: String
    @Option(help: "A manifest naming the features the model reads, their standardization, and an ONNX graph's signal output.")
    var manifest: String?
    @Flag(help: "Print JSON instead of text.") var json = false

    struct Outcome: Codable {
        var summary: ModelSummary
        var validationRows: Int
        var auc: Double, aucLow: Double, aucHigh: Double, accuracy: Double, logLoss: Double
    }

    func run() throws {
        let ws = try global.workspaceIfAny()
        let dataPath = ws?.dataPath ?? KnownDataSets.samplePath
        let dataset = try global.loader().load(dataPath).dataset
        let split = try DataSplit(rowCount: dataset.rowCount, settings: ws?.config.split ?? SplitSettings(), path: dataPath)
        // Read and predict in the sandboxed child, as `score` does: a file that crashes or
        // hangs a reader (libhdf5 included) gives one line here too.
        let limits = try ws.map { try RunLimits(workspace: $0) } ?? RunLimits()
        let sandbox = SandboxedPrediction.forCommand(limits: limits)
        let (scores, modelSummary) = try sandbox.scores(
            model: model, manifest: manifest, data: dataPath,
            cacheDirectory: global.cacheDir ?? DataLoader.defaultCacheDirectory, rows: split.validation)
        guard let summary = modelSummary else {
            throw SandboxRefusal(
                description: "'\((model as NSString).lastPathComponent)' is a predictions file, not a model: "
                    + "`check` reads model files; a predictions file is scored as it is")
        }
        let rows = dataset.rows(split.validation)
        let report = try BinaryClassificationReport(scores: scores, labels: rows.labels)
        let outcome = Outcome(
            summary: summary, validationRows: rows.rowCount, auc: report.auc,
            aucLow: report.aucInterval.lower, aucHigh: report.aucInterval.upper,
            accuracy: report.accuracy, logLoss: report.logLoss)
        if json {
            print(try Formatting.json(outcome))
            return
        }
        print(TerminalText.escaped(summary.text, keepingLines: true))
        print("")
        print(
            String(
                format: "validation rows %@: AUC %.4f [%.4f, %.4f], accuracy %.4f, log loss %.4f",
                Formatting.count(rows.rowCount), report.auc, report.aucInterval.lower,
                report.aucInterval.upper, report.accuracy, report.logLoss))
        print("The file is ready to submit.")
    }
}
