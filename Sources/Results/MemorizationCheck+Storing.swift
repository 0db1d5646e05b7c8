import GRDB

extension ResultsDatabase {
    /// The scored entry of this content on `datasetID` that was scored from a model file before
    /// the tool had the memorization check; `nil` when there is none (a predictions file is
    /// never checked, so it is never returned).
    public func uncheckedEntry(contentSHA256: String, datasetID: Int64) throws(ResultsError) -> Int64? {
        try read { db in
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT e.id FROM entry e JOIN entry_metrics m ON m.entry_id = e.id
                    WHERE e.content_sha256 = ? AND e.dataset_id = ? AND e.status = 'scored'
                    AND e.format != 'predictions' AND m.memorization IS NULL
                    """, arguments: [contentSHA256, datasetID])
        }
    }

    /// Stores the memorization check of an already recorded entry: `all` with its figures on
    /// all hidden rows, `publicRows` with those on the public rows (when it has them), in one
    /// transaction.
    public func recordMemorization(entryID: Int64, all: MemorizationCheck, publicRows: MemorizationCheck) throws(ResultsError) {
        try write { db in
            if var metrics = try EntryMetricsRecord.fetchOne(db, key: entryID) {
                metrics.memorization = all
                try metrics.update(db)
            }
            if var figures = try EntryPublicMetricsRecord.fetchOne(db, key: entryID) {
                figures.memorization = publicRows
                try figures.update(db)
            }
        }
    }
}
