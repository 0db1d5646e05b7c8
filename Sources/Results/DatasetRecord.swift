import GRDB

/// A data set as the database records it: which file, its size and classes, and its split.
public struct DatasetRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "dataset"

    /// Row id; `nil` before it is stored.
    public var id: Int64?
    /// The file's path when it was recorded.
    public var path: String
    /// The file's SHA-256 (hex).
    public var sha256: String
    /// The file's size in bytes.
    public var fileBytes: Int
    /// Rows in the file.
    public var rows: Int
    /// Signal rows in the file.
    public var signal: Int
    /// Rows of each part of the split.
    public var trainingRows: Int, validationRows: Int, testRows: Int, publicTestRows: Int
    /// The split's public fraction and seed.
    public var publicFraction: Double, splitSeed: Int64

    enum CodingKeys: String, CodingKey {
        case id, path, sha256, rows, signal
        case fileBytes = "file_bytes", trainingRows = "training_rows", validationRows = "validation_rows"
        case testRows = "test_rows", publicTestRows = "public_test_rows", publicFraction = "public_fraction"
        case splitSeed = "split_seed"
    }

    /// A record of the given values.
    public init(
        path: String, sha256: String, fileBytes: Int, rows: Int, signal: Int, trainingRows: Int,
        validationRows: Int, testRows: Int, publicTestRows: Int, publicFraction: Double, splitSeed: Int64
    ) {
        self.path = path
        self.sha256 = sha256
        self.fileBytes = fileBytes
        self.rows = rows
        self.signal = signal
        self.trainingRows = trainingRows
        self.validationRows = validationRows
        self.testRows = testRows
        self.publicTestRows = publicTestRows
        self.publicFraction = publicFraction
        self.splitSeed = splitSeed
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension ResultsDatabase {
    /// Records `dataset` unless the same file with the same split is already there; returns
    /// the stored record (with its id).
    public func record(_ dataset: DatasetRecord) throws(ResultsError) -> DatasetRecord {
        try write { db in
            if let existing =
                try DatasetRecord
                .filter(
                    Column("sha256") == dataset.sha256 && Column("test_rows") == dataset.testRows
                        && Column("public_fraction") == dataset.publicFraction
                        && Column("split_seed") == dataset.splitSeed
                        && Column("validation_rows") == dataset.validationRows
                )
                .fetchOne(db)
            {
                return existing
            }
            var stored = dataset
            try stored.insert(db)
            return stored
        }
    }

    /// Every recorded data set, oldest first.
    public func datasets() throws(ResultsError) -> [DatasetRecord] {
        try read { db in try DatasetRecord.order(Column("id")).fetchAll(db) }
    }
}
