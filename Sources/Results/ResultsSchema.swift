import GRDB

/// The database schema, as an ordered list of migrations. A migration, once released, is
/// never edited: changes come as new migrations, so that every older database is brought
/// forward step by step.
enum ResultsSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: data sets") { db in
            try db.create(table: "dataset") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("path", .text).notNull()
                t.column("sha256", .text).notNull()
                t.column("file_bytes", .integer).notNull()
                t.column("rows", .integer).notNull()
                t.column("signal", .integer).notNull()
                t.column("training_rows", .integer).notNull()
                t.column("validation_rows", .integer).notNull()
                t.column("test_rows", .integer).notNull()
                t.column("public_test_rows", .integer).notNull()
                t.column("public_fraction", .double).notNull()
                t.column("split_seed", .integer).notNull()
                t.uniqueKey(["sha256", "test_rows", "public_fraction", "split_seed", "validation_rows"])
            }
        }
        migrator.registerMigration("v2: scored entries") { db in
            try db.create(table: "entry") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("dataset_id", .integer).notNull().references("dataset")
                t.column("content_sha256", .text).notNull()
                t.column("model_sha256", .text).notNull()
                t.column("team", .text).notNull()
                t.column("title", .text).notNull()
                t.column("members", .text).notNull()
                t.column("path", .text).notNull()
                t.column("model_file", .text).notNull()
                t.column("format", .text).notNull()
                t.column("file_bytes", .integer).notNull()
                t.column("is_baseline", .boolean).notNull().defaults(to: false)
                t.column("status", .text).notNull().check(sql: "status IN ('scored', 'failed')")
                t.column("failure", .text)
                t.column("submitted_at", .text).notNull()
                t.column("model_summary", .text)
                t.column("readme", .text)
                t.column("history", .text)
                t.uniqueKey(["dataset_id", "content_sha256"])
            }
            try db.create(table: "entry_metrics") { t in
                t.primaryKey("entry_id", .integer).references("entry", onDelete: .cascade)
                for column in [
                    "auc", "auc_low", "auc_high", "auc_variance", "public_auc", "public_auc_low",
                    "public_auc_high", "private_auc", "private_auc_low", "private_auc_high",
                    "accuracy", "log_loss",
                ] {
                    t.column(column, .double).notNull()
                }
                for column in ["true_negatives", "false_positives", "false_negatives", "true_positives"] {
                    t.column(column, .integer).notNull()
                }
                t.column("efficiencies", .text).notNull()
                t.column("roc", .text).notNull()
                t.column("histograms", .text).notNull()
            }
            try db.create(table: "entry_scores") { t in
                t.primaryKey("entry_id", .integer).references("entry", onDelete: .cascade)
                t.column("scores", .blob).notNull()
            }
        }
        migrator.registerMigration("v3: training runs") { db in
            try db.create(table: "training_run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("dataset_id", .integer).notNull().references("dataset")
                t.column("model", .text).notNull()
                t.column("settings", .text).notNull()
                t.column("seed", .integer).notNull()
                t.column("training_rows", .integer).notNull()
                t.column("seconds", .double).notNull()
                t.column("history", .text)
                t.column("feature_ranking", .text)
                t.column("train_histograms", .text)
                t.column("ks_signal", .double)
                t.column("ks_background", .double)
                t.column("model_path", .text).notNull()
                t.column("entry_id", .integer).references("entry", onDelete: .setNull)
                t.column("trained_at", .text).notNull()
            }
        }
        migrator.registerMigration("v4: hidden labels and data set statistics") { db in
            try db.create(table: "dataset_detail") { t in
                t.primaryKey("dataset_id", .integer).references("dataset", onDelete: .cascade)
                t.column("test_labels", .blob).notNull()
                t.column("test_public", .blob).notNull()
                t.column("statistics", .text).notNull()
            }
        }
        migrator.registerMigration("v5: figures on the public rows only") { db in
            try db.create(table: "entry_public_metrics") { t in
                t.primaryKey("entry_id", .integer).references("entry", onDelete: .cascade)
                for column in ["accuracy", "log_loss"] {
                    t.column(column, .double).notNull()
                }
                for column in ["true_negatives", "false_positives", "false_negatives", "true_positives"] {
                    t.column(column, .integer).notNull()
                }
                for column in ["efficiencies", "roc", "histograms"] {
                    t.column(column, .text).notNull()
                }
            }
            // Entries scored before have none: `score` fills them in from the stored scores.
            // The data page's statistics were computed on every row, the hidden ones' labels
            // included: they are dropped, and `score` recomputes them on the labelled rows.
            try db.execute(sql: "UPDATE dataset_detail SET statistics = ''")
            // So was the overtraining check's test side; it needs the training scores to be
            // done again on the public rows, so it is dropped until the baseline is trained again.
            try db.execute(sql: "UPDATE training_run SET ks_signal = NULL, ks_background = NULL")
        }
        migrator.registerMigration("v6: typed columns") { db in
            // Every JSON column is now read as a typed value (Contract/). The shapes stay as
            // they were written, save for three changes made here in SQL.
            for table in ["entry_metrics", "entry_public_metrics"] {
                try db.alter(table: table) { t in t.rename(column: "efficiencies", to: "working_points") }
            }
            // The child's format tag was stored inside the summary; it is the `format` column.
            try db.execute(
                sql: """
                    UPDATE entry SET model_summary = json_remove(model_summary, '$.leaderboardFormat')
                    WHERE json_valid(model_summary)
                    """)
            // That tag was all a predictions file's summary held.
            try db.execute(sql: "UPDATE entry SET model_summary = NULL WHERE model_summary = '{}'")
            // A baseline's history was stored without epoch numbers: they count from 0, as
            // Keras' do.
            try db.execute(
                sql: """
                    UPDATE training_run
                    SET history = json_set(history, '$.epoch', (SELECT json_group_array(key) FROM json_each(history, '$.loss')))
                    WHERE json_valid(history) AND json_type(history, '$.epoch') IS NULL
                    """)
            // Statistics the v5 migration dropped were an empty text; they are now NULL, so the
            // column becomes nullable (SQLite rebuilds the table for that).
            try db.create(table: "dataset_detail_typed") { t in
                t.primaryKey("dataset_id", .integer).references("dataset", onDelete: .cascade)
                t.column("test_labels", .blob).notNull()
                t.column("test_public", .blob).notNull()
                t.column("statistics", .text)
            }
            try db.execute(
                sql: """
                    INSERT INTO dataset_detail_typed (dataset_id, test_labels, test_public, statistics)
                    SELECT dataset_id, test_labels, test_public, NULLIF(statistics, '') FROM dataset_detail
                    """)
            try db.drop(table: "dataset_detail")
            try db.rename(table: "dataset_detail_typed", to: "dataset_detail")
        }
        migrator.registerMigration("v7: memorization check") { db in
            // A `MemorizationCheck` on all hidden rows and on the public ones. Entries scored
            // before have none (NULL): not checked.
            for table in ["entry_metrics", "entry_public_metrics"] {
                try db.alter(table: table) { t in t.add(column: "memorization", .text) }
            }
        }
        migrator.registerMigration("v8: copies") { db in
            // A later entry's likeness to another team's earlier one: the same model file, or
            // scores that rank the hidden rows almost as the other's do (`EntryCopyRecord`).
            // Entries recorded before were never compared: they have none.
            try db.create(table: "entry_copy") { t in
                t.column("entry_id", .integer).notNull().references("entry", onDelete: .cascade)
                t.column("other_id", .integer).notNull().references("entry", onDelete: .cascade)
                t.column("identical", .boolean).notNull()
                t.column("rank_correlation", .double)
                t.primaryKey(["entry_id", "other_id"])
            }
        }
        migrator.registerMigration("v9: deliverables") { db in
            // What a submission folder held beside its model: the notebooks as read and
            // checked (`EntryDeliverables`, a JSON column), and each PDF's bytes in a table of
            // their own, so that the site is built from the database alone. Entries recorded
            // before have none.
            try db.create(table: "entry_deliverables") { t in
                t.primaryKey("entry_id", .integer).references("entry", onDelete: .cascade)
                t.column("deliverables", .text).notNull()
            }
            try db.create(table: "entry_pdf") { t in
                t.column("entry_id", .integer).notNull().references("entry", onDelete: .cascade)
                t.column("name", .text).notNull()
                t.column("bytes", .blob).notNull()
                t.primaryKey(["entry_id", "name"])
            }
        }
        migrator.registerMigration("v10: versions and rulings") { db in
            try versionsAndRulings(db)
        }
        return migrator
    }

    /// Migration v10. Each entry becomes a version of its team's entry: `team_key`
    /// (`TeamKey`), filled for the entries recorded before from their path; `selected`, the
    /// manifest's `final: true` (none before). A version over the daily limit is recorded
    /// `held`, which the status check did not allow: the table is made again from its own
    /// definition with that one check widened, so that whatever columns, indexes and triggers
    /// it has (those of other migrations included) come across as they are. Organizers'
    /// rulings get their table.
    static func versionsAndRulings(_ db: Database) throws {
        let oldCheck = "CHECK (status IN ('scored', 'failed'))"
        guard let definition = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'entry'"),
            definition.contains(oldCheck)
        else {
            throw DatabaseError(message: "the entry table's definition is not the one migration v10 expects")
        }
        let widened = definition.replacingOccurrences(of: oldCheck, with: "CHECK (status IN ('scored', 'failed', 'held'))")
            .replacingOccurrences(of: "CREATE TABLE \"entry\"", with: "CREATE TABLE \"entry_versions\"")
        // Dropping the table drops its indexes and triggers: they are made again after.
        let dependents = try String.fetchAll(
            db, sql: "SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = 'entry' AND sql IS NOT NULL")
        try db.execute(sql: widened)
        try db.execute(sql: "INSERT INTO entry_versions SELECT * FROM entry")
        try db.drop(table: "entry")
        try db.rename(table: "entry_versions", to: "entry")
        for sql in dependents { try db.execute(sql: sql) }
        try db.alter(table: "entry") { t in
            t.add(column: "team_key", .text).notNull().defaults(to: "")
            t.add(column: "selected", .boolean).notNull().defaults(to: false)
        }
        let rows = try Row.fetchAll(db, sql: "SELECT id, path, model_file, is_baseline FROM entry")
        for row in rows {
            let key = TeamKey.recorded(path: row["path"], modelFile: row["model_file"], isBaseline: row["is_baseline"])
            try db.execute(sql: "UPDATE entry SET team_key = ? WHERE id = ?", arguments: [key, row["id"] as Int64])
        }
        try db.create(index: "entry_team", on: "entry", columns: ["dataset_id", "team_key"])
        try db.create(table: "ruling") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("team_key", .text).notNull()
            t.column("entry_id", .integer).references("entry", onDelete: .cascade)
            t.column("action", .text).notNull().check(sql: "action IN ('withdraw', 'disqualify', 'restore')")
            t.column("reason", .text).notNull()
            t.column("ruled_by", .text).notNull()
            t.column("ruled_at", .text).notNull()
        }
    }
}
