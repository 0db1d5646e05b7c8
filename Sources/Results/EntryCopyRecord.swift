import GRDB

/// A later entry's likeness to another team's earlier entry, found when the later one was
/// recorded: the same model file, or scores that order the hidden rows almost exactly as
/// the other's do. The evidence of a copy, not a verdict: the organizer decides.
public struct EntryCopyRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "entry_copy"

    /// Spearman's rank correlation on the hidden rows above which two teams' entries are
    /// near-copies. Measured on the sample (the copies fixtures' `correlations.txt`, and the
    /// example submissions): independently trained models of one kind reach at most 0.977
    /// (the two example networks; two XGBoost boosters of other seeds 0.966), lightly
    /// perturbed copies at least 0.9996 (one more tree); the threshold lies between, nearer
    /// the copies, so that honest pairs stay clear (README, "Copies").
    public static let nearCopyThreshold = 0.995

    /// The later entry (set when it is stored).
    public var entryID: Int64
    /// The other team's earlier entry it is like.
    public var otherID: Int64
    /// Whether its model file is byte for byte the other's.
    public var identical: Bool
    /// Spearman's rank correlation of the two entries' scores on every hidden row (labels
    /// play no part); `nil` unless both were scored and each orders the rows.
    public var rankCorrelation: Double?

    enum CodingKeys: String, CodingKey {
        case identical
        case entryID = "entry_id", otherID = "other_id", rankCorrelation = "rank_correlation"
    }

    /// A likeness to the entry `otherID` (`entryID` is set when the later entry is stored).
    public init(otherID: Int64, identical: Bool, rankCorrelation: Double?) {
        entryID = 0
        self.otherID = otherID
        self.identical = identical
        self.rankCorrelation = rankCorrelation
    }
}

extension ResultsDatabase {
    /// Every likeness recorded between entries on `datasetID`, in the order they were found.
    public func copies(datasetID: Int64) throws(ResultsError) -> [EntryCopyRecord] {
        try read { db in
            try EntryCopyRecord.fetchAll(
                db,
                sql: """
                    SELECT entry_copy.* FROM entry_copy JOIN entry ON entry.id = entry_copy.entry_id
                    WHERE entry.dataset_id = ? ORDER BY entry_copy.entry_id, entry_copy.other_id
                    """, arguments: [datasetID])
        }
    }

    /// The recorded entry with this content key on `datasetID`, if any.
    public func entry(contentSHA256: String, datasetID: Int64) throws(ResultsError) -> EntryRecord? {
        try read { db in
            try EntryRecord.filter(Column("content_sha256") == contentSHA256 && Column("dataset_id") == datasetID).fetchOne(db)
        }
    }

    /// The earliest entry on `datasetID` of a team other than the one keyed `teamKey` whose
    /// model file has this digest: the original an identical submission copies.
    public func firstEntry(modelSHA256: String, datasetID: Int64, otherThan teamKey: String) throws(ResultsError) -> EntryRecord? {
        guard !modelSHA256.isEmpty else { return nil }
        return try read { db in
            try EntryRecord.filter(
                Column("model_sha256") == modelSHA256 && Column("dataset_id") == datasetID && Column("team_key") != teamKey
            )
            .order(Column("id")).fetchOne(db)
        }
    }
}
