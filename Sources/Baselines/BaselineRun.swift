import Competition
import Foundation
import HiggsData
import Metrics
import ModelFiles
import Models
import Results
import Scoring
import Training

/// Trains the hackathon's two baselines on the workspace's training rows, writes their
/// files into `baselines/`, scores those files through the same sandboxed path as every
/// submission (so the round trip is proven), and records each run with TMVA's overtraining
/// check: the Kolmogorov–Smirnov probability of the training against the test score
/// distributions, per class. The test side is the public hidden rows only, since the check
/// is published before the end and must not depend on a private row's label.
public struct BaselineRun: Sendable {
    /// Which baseline, with its settings.
    public enum Model: Sendable {
        /// AdaBoost (SAMME) of decision trees.
        case bdt(AdaBoostSettings)
        /// The dense network, trained with Adam.
        case nn(NetworkTrainingOptions)

        /// The folder and database name: `bdt` or `nn`.
        public var name: String {
            switch self {
            case .bdt: "bdt"
            case .nn: "nn"
            }
        }
    }

    /// What a training gave.
    public struct Outcome: Sendable {
        /// The recorded run.
        public var run: TrainingRunRecord
        /// The baseline's leaderboard entry, as scored from its file.
        public var scoring: ScoreRun.Outcome
    }

    /// The competition whose training rows, database and data set record the baselines use.
    let session: CompetitionSession
    /// Scores the baselines' files, through the same sandboxed path as every submission.
    let scoring: ScoreRun
    /// At most this many training rows (the first ones); `nil` for all.
    public var rowLimit: Int?
    /// At most this many training rows are scored for the overtraining check.
    var overtrainingRows = 500_000

    /// Baselines in `session`, whose files are scored in `sandbox`.
    public init(session: CompetitionSession, sandbox: SandboxedPrediction, rowLimit: Int? = nil) throws(ResultsError) {
        self.session = session
        scoring = try ScoreRun(session: session, sandbox: sandbox)
        self.rowLimit = rowLimit
    }

    /// The training rows used.
    var trainingRows: HiggsDataset {
        let training = session.dataset.rows(session.split.training)
        guard let rowLimit, rowLimit < training.rowCount else { return training }
        return training.rows(0..<max(2, rowLimit))
    }

    /// Trains `model`, writes its files, scores them and records the run.
    ///
    /// - Parameter progress: one line of running figures per round or epoch.
    public func train(_ model: Model, progress: (@Sendable (String, Int, Int) -> Void)? = nil) throws -> Outcome {
        let folder = session.workspace.resolve("baselines/" + model.name)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let rows = trainingRows
        let clock = ContinuousClock(), start = clock.now
        let written: BaselineFiles
        switch model {
        case .bdt(let settings):
            written = try BaselineFiles.bdt(settings: settings, rows: rows, folder: folder, progress: progress)
        case .nn(let options):
            written = try BaselineFiles.nn(
                options: options, rows: rows,
                validation: session.dataset.rows(session.split.validation),
                folder: folder, progress: progress)
        }
        let seconds =
            Double((clock.now - start).components.seconds)
            + Double((clock.now - start).components.attoseconds) * 1e-18
        var submission = Submission(at: URL(fileURLWithPath: folder), displayName: "baselines/" + model.name)
        submission.isBaseline = true
        let outcome = scoring.score(submission)
        let entryID =
            try outcome.entry?.id
            ?? session.database.entryID(
                contentSHA256: try submission.contentHashes(maxModelBytes: scoring.sandbox.readerLimits.modelFile.maxFileBytes).all,
                datasetID: session.datasetID)
        let check = try overtrainingCheck(modelPath: written.modelPath, rows: rows, entryID: entryID)
        let record = try session.database.record(
            TrainingRunRecord(
                datasetID: session.datasetID, model: model.name, settings: written.settingsJSON, seed: written.seed,
                trainingRows: rows.rowCount, seconds: seconds, history: written.history,
                featureRanking: written.ranking, trainHistograms: check?.histograms,
                ksSignal: check?.ksSignal, ksBackground: check?.ksBackground,
                modelPath: session.workspace.relativePath(written.modelPath), entryID: entryID,
                trainedAt: ISO8601DateFormatter().string(from: Date())))
        return Outcome(run: record, scoring: outcome)
    }

    /// Scores (from the file) up to `overtrainingRows` evenly spaced training rows, and
    /// compares them with the entry's scores on the public hidden rows, class by class.
    func overtrainingCheck(modelPath: String, rows: HiggsDataset, entryID: Int64?)
        throws -> (histograms: ScoreHistograms, ksSignal: Double, ksBackground: Double)?
    {
        guard let entryID else { return nil }
        let testScores = try session.database.scores(entryID: entryID).map(Double.init)
        guard testScores.count == session.hidden.count else { return nil }
        let model = try ModelFileReader.read(contentsOf: URL(fileURLWithPath: modelPath))
        let step = max(1, rows.rowCount / overtrainingRows)
        var trainScores: [Double] = [], trainLabels: [UInt8] = []
        var start = 0
        while start < rows.rowCount {
            let block = rows.rows(start..<min(rows.rowCount, start + 65_536 * step))
            let picked = stride(from: 0, to: block.rowCount, by: step).map { $0 }
            var values: [Float] = []
            values.reserveCapacity(picked.count * FeatureSchema.featureCount)
            block.withFeatures { f in
                for r in picked { values.append(contentsOf: f[(r * FeatureSchema.featureCount)..<((r + 1) * FeatureSchema.featureCount)]) }
            }
            trainScores += try withFeatureBatch(values, columns: FeatureSchema.featureCount) { try model.classifier.predict($0) }
            trainLabels += picked.map { block.label($0) }
            start += block.rowCount
        }
        let histograms = ScoreHistograms(scores: trainScores, labels: trainLabels)
        func split(_ scores: [Double], _ labels: [UInt8], _ label: UInt8, where keep: [Bool]? = nil) -> [Double] {
            scores.indices.filter { labels[$0] == label && keep?[$0] != false }.map { scores[$0] }
        }
        let hidden = session.hidden
        let ksSignal = try KolmogorovSmirnov(
            split(trainScores, trainLabels, 1),
            split(testScores, hidden.labels, 1, where: hidden.isPublic))
        let ksBackground = try KolmogorovSmirnov(
            split(trainScores, trainLabels, 0),
            split(testScores, hidden.labels, 0, where: hidden.isPublic))
        return (histograms, ksSignal.pValue, ksBackground.pValue)
    }
}
