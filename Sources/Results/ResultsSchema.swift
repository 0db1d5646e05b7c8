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
        return migrator
    }
}
