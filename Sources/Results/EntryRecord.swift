import Foundation
import GRDB

/// A submission as recorded: who, which file, and whether it was scored or why it failed.
public struct EntryRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "entry"

    /// Row id; `nil` before it is stored.
    public var id: Int64?
    /// The data set (and split) it was scored on.
    public var datasetID: Int64
    /// SHA-256 of the model file and the manifest together: a changed manifest is a new entry.
    /// The key is unique on a data set, so a team submitting content another team's entry
    /// holds is recorded under that digest salted with its team (`Submission.teamIdentity`).
    public var contentSHA256: String
    /// SHA-256 of the model file alone.
    public var modelSHA256: String
    /// The team's name as shown (the folder's name unless the manifest names it).
    public var team: String
    /// The team's key (`TeamKey`): the submission's path beneath the submissions folder, so
    /// that each row of a team is one version of its entry, whatever name the manifest gives.
    public var teamKey: String
    /// Whether the manifest marks this version for the final ranking (`final: true`).
    public var selected: Bool
    /// The entry's title (the model file's name unless the manifest names it).
    public var title: String
    /// Team members, as the manifest lists them.
    public var members: [String]
    /// The submission's path relative to the workspace.
    public var path: String
    /// The model file's name.
    public var modelFile: String
    /// The file format, as the reader named it.
    public var format: String
    /// The model file's size.
    public var fileBytes: Int
    /// Whether this is one of the organizers' baselines.
    public var isBaseline: Bool
    /// Whether it was scored; kept in step with `failure`.
    public var status: EntryStatus
    /// Why it failed, one line with what to do; `nil` when scored.
    public var failure: String?
    /// When the version was recorded (ISO 8601, UTC): the run's clock, or the time the
    /// submission carries. The deadline and the daily limit are enforced on it.
    public var submittedAt: String
    /// What the reader understood of the model.
    public var modelSummary: ModelSummary?
    /// The submission's README (Markdown, as written).
    public var readme: String?
    /// The training history the submission came with.
    public var history: TrainingHistory?

    enum CodingKeys: String, CodingKey {
        case id, team, title, members, path, format, status, failure, readme, history
        case datasetID = "dataset_id", contentSHA256 = "content_sha256", modelSHA256 = "model_sha256"
        case modelFile = "model_file", fileBytes = "file_bytes", isBaseline = "is_baseline"
        case submittedAt = "submitted_at", modelSummary = "model_summary"
        case teamKey = "team_key", selected
    }

    /// A record of the given values.
    public init(
        datasetID: Int64, contentSHA256: String, modelSHA256: String, team: String, title: String,
        members: [String], path: String, modelFile: String, format: String, fileBytes: Int,
        isBaseline: Bool = false, failure: String? = nil, submittedAt: String,
        modelSummary: ModelSummary? = nil, readme: String? = nil, history: TrainingHistory? = nil,
        teamKey: String? = nil, selected: Bool = false
    ) {
        self.teamKey = teamKey ?? TeamKey.recorded(path: path, modelFile: modelFile, isBaseline: isBaseline)
        self.selected = selected
        self.datasetID = datasetID
        self.contentSHA256 = contentSHA256
        self.modelSHA256 = modelSHA256
        self.team = team
        self.title = title
        self.members = members
        self.path = path
        self.modelFile = modelFile
        self.format = format
        self.fileBytes = fileBytes
        self.isBaseline = isBaseline
        status = failure == nil ? .scored : .failed
        self.failure = failure
        self.submittedAt = submittedAt
        self.modelSummary = modelSummary
        self.readme = readme
        self.history = history
    }

    /// Reads a stored entry. A summary or history that no longer decodes (written by an
    /// older version in a shape since changed) reads as absent, so that one old column
    /// costs a plot, never the leaderboard.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(Int64.self, forKey: .id)
        datasetID = try c.decode(Int64.self, forKey: .datasetID)
        contentSHA256 = try c.decode(String.self, forKey: .contentSHA256)
        modelSHA256 = try c.decode(String.self, forKey: .modelSHA256)
        team = try c.decode(String.self, forKey: .team)
        teamKey = try c.decode(String.self, forKey: .teamKey)
        selected = try c.decodeIfPresent(Bool.self, forKey: .selected) ?? false
        title = try c.decode(String.self, forKey: .title)
        members = try c.decode([String].self, forKey: .members)
        path = try c.decode(String.self, forKey: .path)
        modelFile = try c.decode(String.self, forKey: .modelFile)
        format = try c.decode(String.self, forKey: .format)
        fileBytes = try c.decode(Int.self, forKey: .fileBytes)
        isBaseline = try c.decode(Bool.self, forKey: .isBaseline)
        status = try c.decode(EntryStatus.self, forKey: .status)
        failure = try c.decodeIfPresent(String.self, forKey: .failure)
        submittedAt = try c.decode(String.self, forKey: .submittedAt)
        modelSummary = try? c.decodeIfPresent(ModelSummary.self, forKey: .modelSummary)
        readme = try c.decodeIfPresent(String.self, forKey: .readme)
        history = try? c.decodeIfPresent(TrainingHistory.self, forKey: .history)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// The figures of a scored entry on the hidden test rows.
public struct EntryMetricsRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "entry_metrics"

    /// The entry.
    public var entryID: Int64
    /// ROC AUC on all hidden rows, and its 95% DeLong interval and variance.
    public var auc: Double, aucLow: Double, aucHigh: Double, aucVariance: Double
    /// ROC AUC on the public and the private hidden rows, with their 95% DeLong intervals.
    public var publicAUC: Double, publicAUCLow: Double, publicAUCHigh: Double
    public var privateAUC: Double, privateAUCLow: Double, privateAUCHigh: Double
    /// Accuracy at 0.5 and log loss.
    public var accuracy: Double, logLoss: Double
    /// The confusion matrix at 0.5.
    public var trueNegatives: Int, falsePositives: Int, falseNegatives: Int, truePositives: Int
    /// Signal efficiencies and background rejections at fixed working points.
    public var workingPoints: WorkingPoints
    /// The thinned ROC curve with its error bound.
    public var roc: ROCPoints
    /// Score histograms of signal and background.
    public var histograms: ScoreHistograms

    /// The memorization check on these rows; `nil` when not checked (see ``MemorizationCheck``).
    public var memorization: MemorizationCheck?

    enum CodingKeys: String, CodingKey {
        case memorization, auc, accuracy, roc, histograms
        case workingPoints = "working_points"
        case entryID = "entry_id", aucLow = "auc_low", aucHigh = "auc_high", aucVariance = "auc_variance"
        case publicAUC = "public_auc", publicAUCLow = "public_auc_low", publicAUCHigh = "public_auc_high"
        case privateAUC = "private_auc", privateAUCLow = "private_auc_low", privateAUCHigh = "private_auc_high"
        case logLoss = "log_loss"
        case trueNegatives = "true_negatives", falsePositives = "false_positives"
        case falseNegatives = "false_negatives", truePositives = "true_positives"
    }

    /// A record of the given values (`entryID` is set when the entry is stored).
    public init(
        auc: Double, aucLow: Double, aucHigh: Double, aucVariance: Double,
        publicAUC: Double, publicAUCLow: Double, publicAUCHigh: Double,
        privateAUC: Double, privateAUCLow: Double, privateAUCHigh: Double, accuracy: Double, logLoss: Double, trueNegatives: Int,
        falsePositives: Int,
        falseNegatives: Int, truePositives: Int, workingPoints: WorkingPoints, roc: ROCPoints,
        histograms: ScoreHistograms, memorization: MemorizationCheck? = nil
    ) {
        entryID = 0
        self.memorization = memorization
        self.auc = auc
        self.aucLow = aucLow
        self.aucHigh = aucHigh
        self.aucVariance = aucVariance
        self.publicAUC = publicAUC
        self.publicAUCLow = publicAUCLow
        self.publicAUCHigh = publicAUCHigh
        self.privateAUC = privateAUC
        self.privateAUCLow = privateAUCLow
        self.privateAUCHigh = privateAUCHigh
        self.accuracy = accuracy
        self.logLoss = logLoss
        self.trueNegatives = trueNegatives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
        self.truePositives = truePositives
        self.workingPoints = workingPoints
        self.roc = roc
        self.histograms = histograms
    }
}

/// A scored entry's hidden-test scores (float32, little-endian), for paired comparisons.
struct EntryScoresRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "entry_scores"
    var entryID: Int64
    var scores: Data

    enum CodingKeys: String, CodingKey {
        case entryID = "entry_id", scores
    }
}

/// An entry with its figures, as the leaderboard lists it.
public struct RankedEntry: Sendable {
    /// The entry.
    public var entry: EntryRecord
    /// Its figures; `nil` for a failed entry.
    public var metrics: EntryMetricsRecord?
    /// Its figures on the public hidden rows only; `nil` for a failed entry, or one scored
    /// before they were stored and not yet filled in.
    public var publicMetrics: EntryPublicMetricsRecord?
}

extension ResultsDatabase {
    /// Whether an entry with this content was already recorded (scored or failed) on `datasetID`.
    public func hasEntry(contentSHA256: String, datasetID: Int64) throws(ResultsError) -> Bool {
        try read { db in
            try EntryRecord.filter(Column("content_sha256") == contentSHA256 && Column("dataset_id") == datasetID)
                .fetchCount(db) > 0
        }
    }

    /// Records an entry — with its figures, its public-rows figures and scores when it was
    /// scored, its likeness to other teams' entries, and what its folder held beside the
    /// model (notebooks, PDFs, other files) — in one transaction: all of it is stored, or
    /// none of it. Returns the stored entry.
    ///
    /// A baseline replaces the earlier baselines of its path (`baselines/bdt` re-trained): they
    /// are deleted, with their figures, scores, likenesses and training runs, in the same
    /// transaction, so the leaderboard keeps one row per baseline and never none.
    public func record(
        _ entry: EntryRecord, metrics: EntryMetricsRecord?, publicMetrics: EntryPublicMetricsRecord? = nil,
        scores: [Float]?, copies: [EntryCopyRecord] = [], deliverables: EntryDeliverables? = nil,
        pdfs: [DeliverablePDF] = []
    ) throws(ResultsError) -> EntryRecord {
        try write { db in
            // Two submissions of the same content scored at once both found it unrecorded.
            let twin = EntryRecord.filter(Column("dataset_id") == entry.datasetID && Column("content_sha256") == entry.contentSHA256)
            if try twin.fetchCount(db) > 0 { throw ResultsError(path: path, reason: .alreadyRecorded) }
            if entry.isBaseline { try Self.deleteBaselines(at: entry.path, datasetID: entry.datasetID, in: db) }
            var stored = entry
            try stored.insert(db)
            guard let id = stored.id else { return stored }
            if var metrics {
                metrics.entryID = id
                try metrics.insert(db)
            }
            if var publicMetrics {
                publicMetrics.entryID = id
                try publicMetrics.insert(db)
            }
            if let scores {
                let data = scores.withUnsafeBufferPointer { Data(buffer: $0) }
                try EntryScoresRecord(entryID: id, scores: data).insert(db)
            }
            for var copy in copies {
                copy.entryID = id
                try copy.insert(db)
            }
            if let deliverables, !deliverables.isEmpty {
                try Self.insert(deliverables, pdfs: pdfs, entryID: id, in: db)
            }
            return stored
        }
    }

    /// Deletes the baseline entries of `path` on `datasetID` and their training runs; their
    /// figures, scores and likenesses go with them (the schema cascades).
    private static func deleteBaselines(at path: String, datasetID: Int64, in db: Database) throws {
        let earlier = EntryRecord.filter(
            Column("dataset_id") == datasetID && Column("is_baseline") == true && Column("path") == path)
        let ids = try Int64.fetchAll(db, earlier.select(Column("id")))
        guard !ids.isEmpty else { return }
        try TrainingRunRecord.filter(ids.contains(Column("entry_id"))).deleteAll(db)
        try earlier.deleteAll(db)
    }

    /// Every entry on `datasetID` with its figures: scored ones by AUC (best first), then failed ones.
    public func entries(datasetID: Int64) throws(ResultsError) -> [RankedEntry] {
        try read { db in
            let entries = try EntryRecord.filter(Column("dataset_id") == datasetID).order(Column("id")).fetchAll(db)
            let metrics = try EntryMetricsRecord.fetchAll(db)
            let byID = Dictionary(metrics.map { ($0.entryID, $0) }, uniquingKeysWith: { a, _ in a })
            let publicByID = Dictionary(
                try EntryPublicMetricsRecord.fetchAll(db).map { ($0.entryID, $0) },
                uniquingKeysWith: { a, _ in a })
            let ranked = entries.map {
                RankedEntry(entry: $0, metrics: $0.id.flatMap { byID[$0] }, publicMetrics: $0.id.flatMap { publicByID[$0] })
            }
            return ranked.sorted { a, b in
                switch (a.metrics, b.metrics) {
                case let (x?, y?): return x.auc != y.auc ? x.auc > y.auc : (a.entry.id ?? 0) < (b.entry.id ?? 0)
                case (_?, nil): return true
                case (nil, _?): return false
                case (nil, nil): return (a.entry.id ?? 0) < (b.entry.id ?? 0)
                }
            }
        }
    }

    /// The hidden-test scores stored for `entryID`.
    public func scores(entryID: Int64) throws(ResultsError) -> [Float] {
        try read { db in
            guard let record = try EntryScoresRecord.fetchOne(db, key: entryID) else { return [] }
            return record.scores.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        }
    }
}

extension ResultsDatabase {
    /// The id of the entry with this content on `datasetID`, if recorded.
    public func entryID(contentSHA256: String, datasetID: Int64) throws(ResultsError) -> Int64? {
        try read { db in
            try EntryRecord.filter(Column("content_sha256") == contentSHA256 && Column("dataset_id") == datasetID)
                .fetchOne(db)?.id
        }
    }
}
