import GRDB

/// A baseline's training run: what was trained how, how long it took, its history, and
/// TMVA's overtraining check (Kolmogorov–Smirnov probabilities of the training against the
/// test score distributions, per class).
public struct TrainingRunRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "training_run"

    /// Row id; `nil` before it is stored.
    public var id: Int64?
    /// The data set (and split) it was trained on.
    public var datasetID: Int64
    /// `bdt` or `nn`.
    public var model: String
    /// The trainer's options as JSON, kept for the record (no stage reads them back).
    public var settings: String
    /// The random seed.
    public var seed: Int64
    /// Training rows used.
    public var trainingRows: Int
    /// Wall-clock seconds of the training.
    public var seconds: Double
    /// Per-epoch history, for the network.
    public var history: TrainingHistory?
    /// Feature ranking (name → share of the total gain), for the BDT.
    public var featureRanking: [String: Double]?
    /// Score histograms on the training rows, for the overtraining plot.
    public var trainHistograms: ScoreHistograms?
    /// KS probability, training vs test scores, of the signal and of the background rows.
    public var ksSignal: Double?, ksBackground: Double?
    /// The model file written (relative to the workspace).
    public var modelPath: String
    /// The baseline's scored entry.
    public var entryID: Int64?
    /// When it was trained (ISO 8601, UTC).
    public var trainedAt: String

    enum CodingKeys: String, CodingKey {
        case id, model, settings, seed, seconds, history
        case datasetID = "dataset_id", trainingRows = "training_rows", featureRanking = "feature_ranking"
        case trainHistograms = "train_histograms", ksSignal = "ks_signal", ksBackground = "ks_background"
        case modelPath = "model_path", entryID = "entry_id", trainedAt = "trained_at"
    }

    /// A record of the given values.
    public init(
        datasetID: Int64, model: String, settings: String, seed: Int64, trainingRows: Int, seconds: Double,
        history: TrainingHistory?, featureRanking: [String: Double]?, trainHistograms: ScoreHistograms?,
        ksSignal: Double?,
        ksBackground: Double?, modelPath: String, entryID: Int64?, trainedAt: String
    ) {
        self.datasetID = datasetID
        self.model = model
        self.settings = settings
        self.seed = seed
        self.trainingRows = trainingRows
        self.seconds = seconds
        self.history = history
        self.featureRanking = featureRanking
        self.trainHistograms = trainHistograms
        self.ksSignal = ksSignal
        self.ksBackground = ksBackground
        self.modelPath = modelPath
        self.entryID = entryID
        self.trainedAt = trainedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension ResultsDatabase {
    /// Records a training run. It replaces the earlier runs of its entry (a baseline trained
    /// again into the same file), so that an entry has one run.
    public func record(_ run: TrainingRunRecord) throws(ResultsError) -> TrainingRunRecord {
        try write { db in
            if let entryID = run.entryID { try TrainingRunRecord.filter(Column("entry_id") == entryID).deleteAll(db) }
            var stored = run
            try stored.insert(db)
            return stored
        }
    }

    /// The training runs on `datasetID`, newest first.
    public func trainingRuns(datasetID: Int64) throws(ResultsError) -> [TrainingRunRecord] {
        try read { db in
            try TrainingRunRecord.filter(Column("dataset_id") == datasetID).order(Column("id").desc).fetchAll(db)
        }
    }
}
