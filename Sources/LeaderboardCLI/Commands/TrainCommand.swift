import ArgumentParser
import Baselines
import Competition
import Foundation
import Results
import Scoring
import Training

/// `leaderboard train`: the hackathon's baselines, trained in Swift and scored from their files.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the baselines (a BDT and the notebook's network) on the training rows and put them on the leaderboard.",
        discussion: """
            Each baseline is written into baselines/<bdt|nn>/ (model.json, or a Keras model.h5 with history.json), then scored from that \
            file like any submission, and the run is recorded with its settings, time, history, feature ranking and TMVA's overtraining \
            check. With --if-missing, a baseline that already has a recorded run on this data set and split is skipped, with one line \
            saying which run.
            """)

    enum ModelChoice: String, ExpressibleByArgument, CaseIterable {
        case bdt, nn, all
    }

    @OptionGroup var global: GlobalOptions
    @Option(help: "Which baseline: bdt, nn or all.") var model: ModelChoice = .all
    @Option(help: "Use at most this many training rows (the first ones).") var rows: Int?
    @Option(help: "BDT: boosting rounds.") var rounds: Int = 200
    @Option(help: "BDT: depth of each tree.") var depth: Int = 1
    @Option(help: "BDT: learning rate.") var learningRate: Double = 1
    @Option(help: "NN: epochs.") var epochs: Int = 10
    @Option(help: "NN: batch size.") var batchSize: Int = 256
    @Option(help: "NN: hidden layer sizes, comma-separated (relu each; a sigmoid unit follows).")
    var layers: String = "28,14,7"
    @Option(help: "NN: random seed.") var seed: UInt64 = 2014
    @Flag(help: "Print one JSON object per baseline instead of text.") var json = false
    @Flag(
        help: ArgumentHelp(
            "Train only the baselines with no recorded training run on the current data set and split (a CI job that keeps "
                + "its database trains them once)."))
    var ifMissing = false

    /// One baseline as `train --json` prints it: the public rows' AUC, as `score` prints it.
    struct OutcomeJSON: Codable {
        var model: String, rows: Int, seconds: Double, modelPath: String
        var publicAUC: Double?, publicAUCLow: Double?, publicAUCHigh: Double?, ksSignal: Double?, ksBackground: Double?
    }

    func run() throws {
        let ws = try global.openWorkspace()
        let lock = try global.lock(ws)
        let sandbox = SandboxedPrediction.forCommand(limits: try RunLimits(workspace: ws))
        let session = try global.session(ws, holding: lock)
        defer { withExtendedLifetime(session) {} }
        let baselines = try BaselineRun(session: session, sandbox: sandbox, rowLimit: rows)
        let recorded = ifMissing ? try session.database.trainingRuns(datasetID: session.datasetID) : []
        for choice in try models() {
            // Newest first: the run the baseline's entry now has.
            if let run = recorded.first(where: { $0.model == choice.name }) {
                print(json ? try Formatting.json(SkippedJSON(run)).replacingOccurrences(of: "\n", with: " ") : Self.skipped(run))
                continue
            }
            let progress = ProgressDisplay(label: "training \(choice.name)", unit: .rows)
            let outcome = try baselines.train(choice) { line, done, total in progress.update(done, of: total, detail: line) }
            if json {
                let r = outcome.run, m = outcome.scoring.metrics
                print(
                    try Formatting.json(
                        OutcomeJSON(
                            model: r.model, rows: r.trainingRows, seconds: r.seconds, modelPath: r.modelPath,
                            publicAUC: m?.publicAUC, publicAUCLow: m?.publicAUCLow, publicAUCHigh: m?.publicAUCHigh, ksSignal: r.ksSignal,
                            ksBackground: r.ksBackground)
                    )
                    .replacingOccurrences(of: "\n", with: " "))
            } else {
                print(Self.summary(outcome))
            }
        }
    }

    /// A baseline `--if-missing` did not train, as `--json` prints it.
    struct SkippedJSON: Codable {
        var model: String, skipped = true, run: Int64?, trainedAt: String

        init(_ run: TrainingRunRecord) {
            model = run.model
            self.run = run.id
            trainedAt = run.trainedAt
        }
    }

    /// The line of a baseline `--if-missing` did not train.
    static func skipped(_ run: TrainingRunRecord) -> String {
        "\(run.model): already trained on this data (run \(run.id.map(String.init) ?? "?"), \(run.trainedAt)); skipped"
    }

    func models() throws -> [BaselineRun.Model] {
        let sizes = try layers.split(separator: ",").map { text -> Int in
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)), n > 0 else {
                throw ValidationError("--layers takes positive sizes separated by commas, e.g. 28,14,7")
            }
            return n
        }
        let bdt = BaselineRun.Model.bdt(AdaBoostSettings(rounds: rounds, depth: depth, learningRate: learningRate))
        let specs = sizes.map { NetworkLayerSpec(units: $0, activation: .relu) } + [NetworkLayerSpec(units: 1, activation: .sigmoid)]
        let nn = BaselineRun.Model.nn(NetworkTrainingOptions(layers: specs, epochs: epochs, batchSize: batchSize, seed: seed))
        switch model {
        case .bdt: return [bdt]
        case .nn: return [nn]
        case .all: return [bdt, nn]
        }
    }

    static func summary(_ outcome: BaselineRun.Outcome) -> String {
        let run = outcome.run
        var line = "\(run.model): \(Formatting.count(run.trainingRows)) rows in \(String(format: "%.1f s", run.seconds)), \(run.modelPath)"
        if let m = outcome.scoring.metrics {
            line += String(format: "; public hidden-test AUC %.4f [%.4f, %.4f]", m.publicAUC, m.publicAUCLow, m.publicAUCHigh)
        } else if let failure = outcome.scoring.entry?.failure {
            line += "; not scored: " + failure
        }
        if let s = run.ksSignal, let b = run.ksBackground {
            line += String(format: "; overtraining check KS p = %.3f (signal), %.3f (background)", s, b)
        }
        return line
    }
}
