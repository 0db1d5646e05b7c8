import ArgumentParser
import Foundation
import HiggsData
import Metrics
import ModelFiles
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
        let limits = try ws.map { try RunLimits(workspace: $0) } ?? RunLimits()
        let manifestValue = try manifest.map {
            try SubmissionManifest.read(from: URL(fileURLWithPath: $0), limits: limits.readers.submission)
        }
        let loaded = try ModelFileReader.read(contentsOf: URL(fileURLWithPath: model), limits: limits.readers.modelFile,
                                              options: ModelFileOptions(output: manifestValue?.output))
        let features = manifestValue?.featureIndices ?? Array(0..<FeatureSchema.featureCount)
        try loaded.requireInputCount(features.count)
        let rows = dataset.rows(split.validation)
        let scores = try SubmissionPredictor.predict(loaded.classifier, features: features,
                                                     standardization: manifestValue?.standardization, rows: rows)
        let report = try BinaryClassificationReport(scores: scores, labels: rows.labels)
        let outcome = Outcome(summary: loaded.summary, validationRows: rows.rowCount, auc: report.auc,
                              aucLow: report.aucInterval.lower, aucHigh: report.aucInterval.upper,
                              accuracy: report.accuracy, logLoss: report.logLoss)
        if json {
            print(try Formatting.json(outcome))
            return
        }
        print(loaded.summary.text)
        print("")
        print(String(format: "validation rows %@: AUC %.4f [%.4f, %.4f], accuracy %.4f, log loss %.4f",
                     Formatting.count(rows.rowCount), report.auc, report.aucInterval.lower,
                     report.aucInterval.upper, report.accuracy, report.logLoss))
        print("The file is ready to submit.")
    }
}
