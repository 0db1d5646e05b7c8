import ArgumentParser
import Foundation
import HiggsData
import ModelFiles
import Scoring

/// `leaderboard predict MODEL --data CSV`: one probability per row, for any supported file.
struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Write one signal probability per row of a CSV for a model file (a predictions file passes through).",
        discussion: """
            The CSV is in the data set's layout (label first; the label is ignored). Output is one probability per line in row order, \
            printed with 9 significant digits (float32's full precision): compare it with your framework's own predictions.
            """)

    @Argument(help: "The model file (.h5, .keras, .onnx, XGBoost .json/.ubj, LightGBM .txt) or a predictions file (id,score).")
    var model: String
    @Option(help: "Rows to predict, in HIGGS.csv's layout.") var data: String
    @Option(help: "A manifest naming the features the model reads and their standardization.") var manifest: String?
    @Option(help: "Write here instead of standard output.") var output: String?
    @Option(name: .long, help: "Where parsed data caches live.") var cacheDir: String?

    func run() throws {
        let cache = cacheDir ?? DataLoader.defaultCacheDirectory
        let rows = try DataLoader(cacheDirectory: cache).load(data).dataset
        let sandbox = SandboxedPrediction.forCommand()
        let scores = try sandbox.scores(
            model: model, manifest: manifest, data: data, cacheDirectory: cache,
            rows: 0..<rows.rowCount
        ).scores
        var text = ""
        text.reserveCapacity(scores.count * 12)
        for score in scores {
            text += String(format: "%.9g\n", score)
        }
        if let output {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}
