import Crypto
import Foundation
import HiggsData
import ModelFiles
import Results
import Workspace

/// One `score` run: finds the submissions, skips those already recorded, predicts each new
/// one in a sandboxed child, evaluates the scores and records every outcome — scored or
/// failed — in its own transaction. A crash or a kill of the run loses at most the entry
/// in progress; running again scores exactly what is missing.
public struct ScoreRun: Sendable {
    /// The workspace.
    public let workspace: Workspace
    /// Its database.
    public let database: ResultsDatabase
    /// The data set record the entries belong to.
    public let datasetID: Int64
    /// All rows of the data set.
    public let dataset: HiggsDataset
    /// The hidden test rows.
    public let hidden: HiddenTestRows
    /// The data file and its cache folder (for the children).
    public let dataPath: String, cacheDirectory: String
    /// The sandbox.
    public let sandbox: SandboxedPrediction

    /// A run over `workspace`'s data (loaded and cached here, once).
    public init(workspace: Workspace, cacheDirectory: String, sandbox: SandboxedPrediction,
                progress: (@Sendable (Int, Int) -> Void)? = nil) throws {
        self.workspace = workspace
        self.cacheDirectory = cacheDirectory
        self.sandbox = sandbox
        ScratchFolders.removeOrphans()
        dataPath = workspace.dataPath
        var loader = DataLoader(cacheDirectory: cacheDirectory)
        loader.progress = progress
        let loaded = try loader.load(dataPath, sha256: true)
        let split = try DataSplit(rowCount: loaded.dataset.rowCount, settings: workspace.config.split, path: dataPath)
        dataset = loaded.dataset
        hidden = HiddenTestRows(dataset: loaded.dataset, split: split)
        database = try workspace.openDatabase()
        let record = try database.record(DatasetRecord(
            path: dataPath, sha256: loaded.sha256 ?? "", fileBytes: loaded.fileBytes, rows: loaded.dataset.rowCount,
            signal: loaded.dataset.signalCount, trainingRows: split.training.count,
            validationRows: split.validation.count, testRows: split.test.count,
            publicTestRows: hidden.isPublic.filter { $0 }.count, publicFraction: split.settings.publicFraction,
            splitSeed: Int64(bitPattern: split.settings.seed)))
        guard let id = record.id else { throw ResultsError(path: workspace.databasePath, reason: .sqlite("no data set id")) }
        datasetID = id
        if try !database.hasDetail(datasetID: id) {
            // Of the rows whose labels are not hidden: the data page is public.
            let statistics = StoredJSON.text(DataStatistics(loaded.dataset.rows(0..<split.test.lowerBound)))
            try database.recordDetailIfMissing(DatasetDetailRecord(
                datasetID: id, testLabels: hidden.labels, testPublic: hidden.isPublic, statistics: statistics))
        }
        try PublicFigures.fillMissing(in: database, datasetID: id, hidden: hidden)
    }

    /// What happened to one submission in this run.
    public struct Outcome: Sendable {
        /// What happened.
        public enum Status: String, Sendable, Codable {
            case scored, failed, unchanged
        }
        /// The submission's path relative to the workspace.
        public var path: String
        /// The team.
        public var team: String
        /// What happened.
        public var status: Status
        /// The recorded entry (for scored and failed ones).
        public var entry: EntryRecord?
        /// Its figures (scored ones).
        public var metrics: EntryMetricsRecord?
        /// Its figures on the public rows (scored ones): what may be printed where the public
        /// may read it (a CI log).
        public var publicMetrics: EntryPublicMetricsRecord?
    }

    /// Every submission under `paths` (the workspace's submissions folder when empty), read
    /// within the run's limits.
    public func discover(in paths: [String] = []) -> [Submission] {
        Submission.discover(in: paths.isEmpty ? [workspace.submissionsPath] : paths,
                            submissionsFolder: workspace.submissionsPath, limits: sandbox.readerLimits.submission,
                            displayName: workspace.relativePath)
    }

    /// Scores one submission unless its content was recorded before. The model and manifest
    /// are opened once and hashed, checked and copied from those descriptors; a submission
    /// that fails before it is scored is identified by its folder's stamp (see
    /// `Submission.failureIdentity`), so an unchanged failing folder is not read again.
    public func score(_ submission: Submission) -> Outcome {
        let relative = workspace.relativePath(submission.root)
        if let problem = submission.problem { return recordFailure(submission, relative: relative, problem) }
        let files: SubmissionFiles
        let content: (model: String, manifest: String?)
        do {
            files = try submission.openFiles(maxModelBytes: sandbox.readerLimits.modelFile.maxFileBytes)
            content = try files.digests()
        } catch {
            guard error.isTheSubmissions else { return unrecorded(submission, relative: relative, failure: error.description) }
            return recordFailure(submission, relative: relative, error.description)
        }
        let identity = Submission.identity(modelSHA256: content.model, manifestSHA256: content.manifest)
        if let known = knownOutcome(submission, relative: relative, identity: identity) { return known }
        // The child reads a private copy, taken from the descriptors just hashed, and the
        // entry is what that copy holds.
        let snapshot: SubmissionSnapshot
        do {
            snapshot = try SubmissionSnapshot(files)
        } catch {
            guard error.isRecorded else { return unrecorded(submission, relative: relative, failure: error.description) }
            return record(submission, relative: relative, modelSHA: content.model, contentSHA: identity,
                          failure: error.description, prediction: nil)
        }
        defer { snapshot.remove() }
        let copied = Submission.identity(modelSHA256: snapshot.modelSHA256, manifestSHA256: snapshot.manifestSHA256)
        if copied != identity, (try? database.hasEntry(contentSHA256: copied, datasetID: datasetID)) == true {
            return Outcome(path: relative, team: submission.team, status: .unchanged)
        }
        let request = SandboxedPrediction.Request(
            modelPath: snapshot.modelPath, manifestPath: snapshot.manifestPath, dataPath: dataPath,
            cacheDirectory: cacheDirectory, rows: hidden.split.test)
        switch sandbox.run(request) {
        case let .failed(reason):
            return record(submission, relative: relative, modelSHA: snapshot.modelSHA256, contentSHA: copied,
                          failure: reason, prediction: nil)
        case let .scores(scores, format, summary):
            return record(submission, relative: relative, modelSHA: snapshot.modelSHA256, contentSHA: copied,
                          failure: nil, prediction: (scores, format, summary))
        }
    }

    /// Records `submission` as failing with `failure` before any model was read, under its
    /// failure identity; an unchanged failing folder seen before is `unchanged`.
    private func recordFailure(_ submission: Submission, relative: String, _ failure: String) -> Outcome {
        let identity = submission.failureIdentity(failure)
        if let known = knownOutcome(submission, relative: relative, identity: identity) { return known }
        return record(submission, relative: relative, modelSHA: "", contentSHA: identity, failure: failure, prediction: nil)
    }

    /// `unchanged` when an entry of `identity` is recorded, `failed` when the database cannot
    /// say; `nil` when the submission is new.
    private func knownOutcome(_ submission: Submission, relative: String, identity: String) -> Outcome? {
        do {
            guard try database.hasEntry(contentSHA256: identity, datasetID: datasetID) else { return nil }
            return Outcome(path: relative, team: submission.team, status: .unchanged)
        } catch {
            return Outcome(path: relative, team: submission.team, status: .failed)
        }
    }

    /// `submission` reported as failed with `failure` but not recorded, so that the next run
    /// tries again.
    private func unrecorded(_ submission: Submission, relative: String, failure: String) -> Outcome {
        unrecorded(entry(submission, relative: relative, modelSHA: "", contentSHA: "", failure: nil, prediction: nil),
                   failure: failure)
    }

    /// `entry` reported as failed but not recorded, so that the next run tries again.
    private func unrecorded(_ entry: EntryRecord, failure: String) -> Outcome {
        var entry = entry
        entry.failure = "not recorded: " + failure
        entry.status = "failed"
        return Outcome(path: entry.path, team: entry.team, status: .failed, entry: entry)
    }

    /// The entry of `submission` with its digests, and its failure or its prediction's format
    /// and summary.
    private func entry(_ submission: Submission, relative: String, modelSHA: String, contentSHA: String,
                       failure: String?, prediction: (scores: [Double], format: String, summary: String?)?) -> EntryRecord {
        EntryRecord(
            datasetID: datasetID, contentSHA256: contentSHA, modelSHA256: modelSHA, team: submission.team,
            title: submission.title, members: submission.members, path: relative, modelFile: submission.modelName,
            format: prediction?.format ?? submission.formatGuess, fileBytes: submission.modelBytes,
            isBaseline: submission.isBaseline, failure: failure,
            // When the tool first saw this content (an entry is recorded once), never a time
            // the participant sets, such as the file's modification time.
            submittedAt: ISO8601DateFormatter().string(from: Date()),
            modelSummary: failure == nil ? prediction?.summary : nil, readme: submission.readme,
            history: submission.historyJSON)
    }

    private func record(_ submission: Submission, relative: String, modelSHA: String, contentSHA: String,
                        failure: String?, prediction: (scores: [Double], format: String, summary: String?)?) -> Outcome {
        var failure = failure
        var evaluation: EntryEvaluation?
        if let prediction {
            do {
                evaluation = try EntryEvaluation(scores: prediction.scores, hidden: hidden)
            } catch {
                failure = "\(submission.modelName): the scores cannot be evaluated (\(error)); every score must be a finite number"
            }
        }
        let entry = entry(submission, relative: relative, modelSHA: modelSHA, contentSHA: contentSHA,
                          failure: failure, prediction: prediction)
        do {
            let stored = try database.record(
                entry, metrics: failure == nil ? evaluation?.record : nil,
                publicMetrics: failure == nil ? evaluation?.publicFigures.record : nil,
                scores: failure == nil ? prediction?.scores.map { Float($0) } : nil)
            return Outcome(path: relative, team: submission.team, status: failure == nil ? .scored : .failed,
                           entry: stored, metrics: failure == nil ? evaluation?.record : nil,
                           publicMetrics: failure == nil ? evaluation?.publicFigures.record : nil)
        } catch where error.reason == .alreadyRecorded {
            return Outcome(path: relative, team: submission.team, status: .unchanged)
        } catch {
            return unrecorded(entry, failure: "\(error)")
        }
    }
}
