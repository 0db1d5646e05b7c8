import Foundation
import HiggsData
import ModelFiles
import Models
import Results
import Training

/// Writes a trained baseline as a submission folder: the model file, a manifest naming it
/// a baseline, a README saying how it was made, and the training history.
struct BaselineFiles {
    var modelPath: String
    /// The trainer's options as JSON, for the record.
    var settingsJSON: String
    var seed: Int64
    /// The network's per-epoch history; `nil` for the BDT.
    var history: TrainingHistory?
    /// Each feature's share of the total gain; `nil` for the network.
    var ranking: [String: Double]?

    static func write(_ text: String, _ path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// `value` as compact JSON with sorted keys (the same values always give the same text).
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Trains the boosted decision tree and writes `model.json`.
    static func bdt(
        settings: AdaBoostSettings, rows: HiggsDataset, folder: String,
        progress: (@Sendable (String, Int, Int) -> Void)?
    ) throws -> BaselineFiles {
        let training = try AdaBoostTrainer(settings: settings).train(rows) { round in
            progress?(String(format: "round %d, weighted error %.4f", round.round, round.weightedError), round.round, settings.rounds)
        }
        let file = AdaBoostModelFile(
            ensemble: training.ensemble, featureNames: FeatureSchema.names,
            featureImportances: training.featureImportances,
            training: [
                "rounds": Double(settings.rounds), "depth": Double(settings.depth),
                "learning_rate": settings.learningRate, "rows": Double(rows.rowCount),
            ])
        let modelPath = folder + "/model.json"
        try file.encoded().write(to: URL(fileURLWithPath: modelPath))
        let title = "BDT: AdaBoost of \(settings.rounds) depth-\(settings.depth) trees"
        try write("team: Baseline\ntitle: \"\(title)\"\nmodel: model.json\n", folder + "/manifest.yml")
        try write(
            """
            # \(title)

            The hackathon's boosted decision tree, trained by `leaderboard train --model bdt` on
            \(rows.rowCount) training rows: AdaBoost (SAMME, as scikit-learn runs it) of depth-\(settings.depth)
            trees, \(settings.rounds) rounds, learning rate \(settings.learningRate), splits found on
            \(settings.maxBins) quantile bins per feature.

            """, folder + "/README.md")
        let ranking = Dictionary(uniqueKeysWithValues: zip(FeatureSchema.names, training.featureImportances))
        return BaselineFiles(modelPath: modelPath, settingsJSON: try json(settings), seed: 0, history: nil, ranking: ranking)
    }

    /// Trains the dense network and writes `model.h5` (Keras' own layout) and `history.json`.
    static func nn(
        options: NetworkTrainingOptions, rows: HiggsDataset, validation: HiggsDataset, folder: String,
        progress: (@Sendable (String, Int, Int) -> Void)?
    ) throws -> BaselineFiles {
        let trained = try NetworkTrainer(options: options).train(on: rows, validation: validation) { p in
            guard p.isEpochEnd else { return }
            var line = String(format: "epoch %d, loss %.4f, accuracy %.4f", p.epoch, p.loss, p.accuracy)
            if let v = p.validation { line += String(format: ", val_loss %.4f, val_accuracy %.4f", v.loss, v.accuracy) }
            progress?(line, p.epoch, p.epochs)
        }
        let network = try trained.denseNetwork()
        let modelPath = folder + "/model.h5"
        try KerasH5Writer.write(network, to: URL(fileURLWithPath: modelPath))
        try write(try json(trained.history.kerasKeyed) + "\n", folder + "/history.json")
        let shape = options.layers.map { "\($0.units) \($0.activation.trainableName ?? "\($0.activation)")" }.joined(separator: " → ")
        let title = "NN: Dense " + options.layers.map { String($0.units) }.joined(separator: "-")
        try write("team: Baseline\ntitle: \"\(title)\"\nmodel: model.h5\n", folder + "/manifest.yml")
        try write(
            """
            # \(title)

            The hackathon's shallow network, trained by `leaderboard train --model nn` on \(rows.rowCount)
            training rows (validated on \(validation.rowCount)): Dense 28 → \(shape), Glorot-uniform
            kernels, zero biases, Adam (learning rate \(options.learningRate)), binary cross-entropy,
            batches of \(options.batchSize), \(options.epochs) epochs, seed \(options.seed). The file is a
            Keras `.h5`: `keras.models.load_model("model.h5")` reads it.

            """, folder + "/README.md")
        return BaselineFiles(
            modelPath: modelPath, settingsJSON: try json(options), seed: Int64(bitPattern: options.seed),
            history: TrainingHistory(trained.history), ranking: nil)
    }
}

extension TrainingHistory {
    /// The stored history of a network the tool trained: epochs from 0, as Keras counts; a
    /// point that is not finite (a diverged loss) is a gap, as in a participant's log.
    init(_ history: NetworkTrainingHistory) {
        func points(_ values: [Double]) -> [Double?]? {
            values.isEmpty ? nil : values.map { $0.isFinite ? $0 : nil }
        }
        self.init(
            source: nil, epochs: Array(0..<history.epochs), loss: points(history.loss),
            accuracy: points(history.accuracy), validationLoss: points(history.validationLoss),
            validationAccuracy: points(history.validationAccuracy))
    }
}
