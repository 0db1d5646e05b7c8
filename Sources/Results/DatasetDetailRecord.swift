import Foundation
import GRDB

/// What the site needs of a data set beyond its counts: the hidden rows' labels and
/// public/private membership (for paired tests between entries) and the statistics of the
/// data page (per-feature histograms by class, correlation matrices), as JSON.
public struct DatasetDetailRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "dataset_detail"

    /// The data set.
    public var datasetID: Int64
    /// One byte per hidden row: 1 signal, 0 background.
    public var testLabels: Data
    /// One byte per hidden row: 1 in the public part.
    public var testPublic: Data
    /// The data page's statistics, as JSON.
    public var statistics: String

    enum CodingKeys: String, CodingKey {
        case statistics
        case datasetID = "dataset_id", testLabels = "test_labels", testPublic = "test_public"
    }

    /// A record of the given values.
    public init(datasetID: Int64, testLabels: [UInt8], testPublic: [Bool], statistics: String) {
        self.datasetID = datasetID
        self.testLabels = Data(testLabels)
        self.testPublic = Data(testPublic.map { $0 ? 1 : 0 })
        self.statistics = statistics
    }
}

extension ResultsDatabase {
    /// Stores the detail of a data set unless it is there already.
    public func recordDetailIfMissing(_ detail: DatasetDetailRecord) throws(ResultsError) {
        try write { db in
            if try DatasetDetailRecord.fetchOne(db, key: detail.datasetID) == nil { try detail.insert(db) }
        }
    }

    /// Whether the detail of `datasetID` is stored.
    public func hasDetail(datasetID: Int64) throws(ResultsError) -> Bool {
        try read { db in try DatasetDetailRecord.fetchOne(db, key: datasetID) != nil }
    }

    /// The detail of `datasetID`, if stored.
    public func detail(datasetID: Int64) throws(ResultsError) -> DatasetDetailRecord? {
        try read { db in try DatasetDetailRecord.fetchOne(db, key: datasetID) }
    }
}
