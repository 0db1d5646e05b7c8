import Foundation
import GRDB

/// What the site needs of a data set beyond its counts: the hidden rows' labels and
/// public/private membership (for paired tests between entries) and the statistics of the
/// data page (per-feature histograms by class, correlation matrices).
///
/// The statistics are of the rows whose labels are not hidden (training and validation):
/// the data page is public, and must not depend on a hidden row's label.
public struct DatasetDetailRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "dataset_detail"

    /// The data set.
    public var datasetID: Int64
    /// One byte per hidden row: 1 signal, 0 background.
    public var testLabels: Data
    /// One byte per hidden row: 1 in the public part.
    public var testPublic: Data
    /// The data page's statistics; `nil` when a migration dropped them (they were computed
    /// on every row before) and `score` has not recomputed them yet.
    public var statistics: DataStatistics?

    enum CodingKeys: String, CodingKey {
        case statistics
        case datasetID = "dataset_id", testLabels = "test_labels", testPublic = "test_public"
    }

    /// A record of the given values.
    public init(datasetID: Int64, testLabels: [UInt8], testPublic: [Bool], statistics: DataStatistics?) {
        self.datasetID = datasetID
        self.testLabels = Data(testLabels)
        self.testPublic = Data(testPublic.map { $0 ? 1 : 0 })
        self.statistics = statistics
    }
}

extension ResultsDatabase {
    /// Stores the detail of a data set unless it is there already; statistics that a
    /// migration dropped are filled in from `detail`.
    public func recordDetailIfMissing(_ detail: DatasetDetailRecord) throws(ResultsError) {
        try write { db in
            guard var stored = try DatasetDetailRecord.fetchOne(db, key: detail.datasetID) else {
                try detail.insert(db)
                return
            }
            if stored.statistics == nil {
                stored.statistics = detail.statistics
                try stored.update(db)
            }
        }
    }

    /// Whether the detail of `datasetID` is stored, statistics included.
    public func hasDetail(datasetID: Int64) throws(ResultsError) -> Bool {
        try read { db in try DatasetDetailRecord.fetchOne(db, key: datasetID).map { $0.statistics != nil } ?? false }
    }

    /// The detail of `datasetID`, if stored.
    public func detail(datasetID: Int64) throws(ResultsError) -> DatasetDetailRecord? {
        try read { db in try DatasetDetailRecord.fetchOne(db, key: datasetID) }
    }
}
