import GRDB

/// The figures of a scored entry on the public hidden rows only: what the public site shows
/// while the competition runs. Nothing in it depends on a private row's label, so that no
/// page, plot or export built from it lets anyone compute anything about them.
///
/// The public AUC and its interval are in `EntryMetricsRecord` (they have been since the
/// first schema); this record holds everything else the entry page and the exports show.
public struct EntryPublicMetricsRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "entry_public_metrics"

    /// The entry.
    public var entryID: Int64
    /// Accuracy at 0.5 and log loss on the public rows.
    public var accuracy: Double, logLoss: Double
    /// The confusion matrix at 0.5 on the public rows.
    public var trueNegatives: Int, falsePositives: Int, falseNegatives: Int, truePositives: Int
    /// Signal efficiencies and background rejections at fixed working points.
    public var workingPoints: WorkingPoints
    /// The thinned ROC curve of the public rows with its error bound.
    public var roc: ROCPoints
    /// Score histograms of the public rows' signal and background.
    public var histograms: ScoreHistograms

    /// The memorization check on these rows; `nil` when not checked (see ``MemorizationCheck``).
    public var memorization: MemorizationCheck?

    enum CodingKeys: String, CodingKey {
        case memorization, accuracy, roc, histograms
        case workingPoints = "working_points"
        case entryID = "entry_id", logLoss = "log_loss"
        case trueNegatives = "true_negatives", falsePositives = "false_positives"
        case falseNegatives = "false_negatives", truePositives = "true_positives"
    }

    /// A record of the given values (`entryID` is set when the entry is stored).
    public init(
        entryID: Int64 = 0, accuracy: Double, logLoss: Double, trueNegatives: Int, falsePositives: Int,
        falseNegatives: Int, truePositives: Int, workingPoints: WorkingPoints, roc: ROCPoints,
        histograms: ScoreHistograms, memorization: MemorizationCheck? = nil
    ) {
        self.entryID = entryID
        self.memorization = memorization
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

extension ResultsDatabase {
    /// The scored entries on `datasetID` that have no public figures yet: those scored by a
    /// version of the tool that did not compute them. `score` fills them in from the stored
    /// hidden-test scores.
    public func entriesMissingPublicFigures(datasetID: Int64) throws(ResultsError) -> [Int64] {
        try read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT e.id FROM entry e JOIN entry_metrics m ON m.entry_id = e.id
                    WHERE e.dataset_id = ? AND NOT EXISTS (SELECT 1 FROM entry_public_metrics p WHERE p.entry_id = e.id)
                    ORDER BY e.id
                    """, arguments: [datasetID])
        }
    }

    /// Stores the public figures of an already recorded entry (replacing any there).
    public func recordPublicFigures(_ figures: EntryPublicMetricsRecord) throws(ResultsError) {
        try write { db in try figures.save(db) }
    }
}
