import Foundation
import GRDB
import TestSupport
import Testing

@testable import Results

@Suite struct EntryRecordTests {
    static func entry(_ sha: String, dataset: Int64, failure: String? = nil) -> EntryRecord {
        EntryRecord(
            datasetID: dataset, contentSHA256: sha, modelSHA256: sha, team: "team-\(sha)", title: "model.h5",
            members: ["A", "B"], path: "submissions/team-\(sha)", modelFile: "model.h5", format: "keras-h5",
            fileBytes: 1234, failure: failure, submittedAt: "2026-11-29T12:00:00Z")
    }

    static func metrics(auc: Double) -> EntryMetricsRecord {
        EntryMetricsRecord(
            auc: auc, aucLow: auc - 0.01, aucHigh: auc + 0.01, aucVariance: 1e-5, publicAUC: auc,
            publicAUCLow: auc - 0.02, publicAUCHigh: auc + 0.02, privateAUC: auc,
            privateAUCLow: auc - 0.01, privateAUCHigh: auc + 0.01, accuracy: 0.7, logLoss: 0.55, trueNegatives: 1, falsePositives: 2,
            falseNegatives: 3, truePositives: 4, workingPoints: workingPoints, roc: roc,
            histograms: histograms)
    }

    /// A two-point curve, its working points and histograms: the figures' stored shapes.
    static let roc = ROCPoints(falsePositiveRate: [0, 1], truePositiveRate: [0, 1], thresholds: [nil, 0], tolerance: 0)
    static let workingPoints = WorkingPoints(
        signalEfficiencyAtBackgroundEfficiency: [.init(at: 0.1, value: 0.1)],
        backgroundRejectionAtSignalEfficiency: [.init(at: 0.5, value: nil)])
    static let histograms = ScoreHistograms(low: 0, high: 1, signal: [1, 1], background: [1, 1])

    func database() throws -> (ResultsDatabase, Int64, TemporaryDirectory) {
        let dir = TemporaryDirectory()
        let db = try ResultsDatabase(path: dir.file("lb.sqlite"))
        let dataset = try db.record(ResultsDatabaseTests.sampleRecord())
        return (db, try #require(dataset.id), dir)
    }

    @Test func entriesAreListedBestFirstWithFailuresLast() throws {
        let (db, dataset, keep) = try database()
        _ = try db.record(Self.entry("a", dataset: dataset), metrics: Self.metrics(auc: 0.70), scores: [0.1, 0.9])
        _ = try db.record(Self.entry("b", dataset: dataset, failure: "model.pkl is a pickle"), metrics: nil, scores: nil)
        let c = try db.record(Self.entry("c", dataset: dataset), metrics: Self.metrics(auc: 0.80), scores: [0.2, 0.3])
        let listed = try db.entries(datasetID: dataset)
        #expect(listed.map(\.entry.contentSHA256) == ["c", "a", "b"])
        #expect(listed[2].metrics == nil && listed[2].entry.status == .failed)
        #expect(try db.scores(entryID: #require(c.id)) == [0.2, 0.3])
        #expect(try db.hasEntry(contentSHA256: "b", datasetID: dataset))
        #expect(try !db.hasEntry(contentSHA256: "z", datasetID: dataset))
        _ = keep
    }

    @Test func aFailureMidWriteLeavesNoHalfEntry() throws {
        let (db, dataset, keep) = try database()
        // SQLite stores NaN as NULL, which the NOT NULL metrics column refuses: the entry row,
        // written first in the same transaction, must be rolled back with it.
        #expect(throws: ResultsError.self) {
            try db.record(Self.entry("x", dataset: dataset), metrics: Self.metrics(auc: .nan), scores: [0.5])
        }
        #expect(try db.entries(datasetID: dataset).isEmpty)
        #expect(try !db.hasEntry(contentSHA256: "x", datasetID: dataset))
        #expect(try db.integrityCheck())
        _ = keep
    }

    @Test("an infinite z (copies ranked alike, originals apart, no spread) is stored and read back")
    func anInfiniteZIsStored() throws {
        let (db, dataset, keep) = try database()
        var metrics = Self.metrics(auc: 1)
        for z in [Double.infinity, -.infinity] {
            metrics.memorization = MemorizationCheck(
                transformedAUC: 0.5, difference: z > 0 ? 0.5 : -0.5, standardError: 0, z: z, pValue: z > 0 ? 0 : 1,
                suspected: z > 0)
            let stored = try db.record(Self.entry("inf\(z)", dataset: dataset), metrics: metrics, scores: [0.1, 0.9])
            let read = try #require(db.entries(datasetID: dataset).first { $0.entry.id == stored.id })
            #expect(read.metrics?.memorization == metrics.memorization)
        }
        _ = keep
    }

    @Test func theSameContentIsRecordedOncePerDataset() throws {
        let (db, dataset, keep) = try database()
        _ = try db.record(Self.entry("a", dataset: dataset), metrics: Self.metrics(auc: 0.7), scores: nil)
        #expect(throws: ResultsError.self) {
            try db.record(Self.entry("a", dataset: dataset), metrics: Self.metrics(auc: 0.7), scores: nil)
        }
        #expect(try db.entries(datasetID: dataset).count == 1)
        _ = keep
    }

    @Test func aVersion1DatabaseIsMigrated() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("old.sqlite")
        // A database as version 1 of the tool left it: only the first migration applied.
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "PRAGMA application_id = \(ResultsDatabase.applicationID)") }
        try ResultsSchema.migrator.migrate(queue, upTo: "v1: data sets")
        try queue.write { db in
            var record = ResultsDatabaseTests.sampleRecord()
            try record.insert(db)
        }
        try queue.close()
        let db = try ResultsDatabase(path: path)
        #expect(try db.schemaVersion() == ResultsSchema.migrator.migrations.count)
        #expect(try db.datasets().count == 1)
        #expect(try db.entries(datasetID: 1).isEmpty)
    }
}
