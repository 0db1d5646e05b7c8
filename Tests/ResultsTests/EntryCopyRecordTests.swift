import Foundation
import GRDB
import TestSupport
import Testing

@testable import Results

/// Likenesses between teams' entries: stored with the later entry, in its transaction.
@Suite struct EntryCopyRecordTests {
    /// Team `team`'s entry of model `model`, recorded under content key `key`.
    static func entry(_ key: String, model: String, team: String, dataset: Int64) -> EntryRecord {
        var entry = EntryRecordTests.entry(key, dataset: dataset)
        entry.modelSHA256 = model
        entry.team = team
        entry.teamKey = team
        return entry
    }

    @Test func theOriginalIsAnotherTeamsEarliestEntryOfTheSameModelFile() throws {
        let (db, dataset, keep) = try EntryRecordTests().database()
        _ = keep
        let first = try db.record(Self.entry("k1", model: "m", team: "alpha", dataset: dataset), metrics: nil, scores: nil)
        _ = try db.record(Self.entry("k2", model: "m", team: "beta", dataset: dataset), metrics: nil, scores: nil)
        #expect(try db.firstEntry(modelSHA256: "m", datasetID: dataset, otherThan: "gamma")?.id == first.id)
        // A team's own entry is no original of its own.
        #expect(try db.firstEntry(modelSHA256: "m", datasetID: dataset, otherThan: "alpha")?.team == "beta")
        // Failures recorded before any model was read have no model digest: nothing matches them.
        _ = try db.record(Self.entry("k3", model: "", team: "delta", dataset: dataset), metrics: nil, scores: nil)
        #expect(try db.firstEntry(modelSHA256: "", datasetID: dataset, otherThan: "gamma") == nil)
        #expect(try db.entry(contentSHA256: "k2", datasetID: dataset)?.team == "beta")
        #expect(try db.entry(contentSHA256: "zz", datasetID: dataset) == nil)
    }

    @Test func likenessesAreStoredWithTheLaterEntryOrNotAtAll() throws {
        let (db, dataset, keep) = try EntryRecordTests().database()
        _ = keep
        let first = try db.record(Self.entry("k1", model: "m", team: "alpha", dataset: dataset), metrics: nil, scores: nil)
        let original = try #require(first.id)
        let later = try db.record(
            Self.entry("k2", model: "m", team: "beta", dataset: dataset), metrics: nil, scores: nil,
            copies: [EntryCopyRecord(otherID: original, identical: true, rankCorrelation: nil)])
        #expect(
            try db.copies(datasetID: dataset) == [
                EntryCopyRecord(otherID: original, identical: true, rankCorrelation: nil).with(entryID: try #require(later.id))
            ])
        // A likeness to an entry that is not there fails the whole transaction: no entry without it.
        #expect(throws: ResultsError.self) {
            try db.record(
                Self.entry("k3", model: "n", team: "gamma", dataset: dataset), metrics: nil, scores: nil,
                copies: [EntryCopyRecord(otherID: 999, identical: false, rankCorrelation: 0.999)])
        }
        #expect(try db.entry(contentSHA256: "k3", datasetID: dataset) == nil)
        #expect(try db.copies(datasetID: dataset).count == 1)
    }
}

extension EntryCopyRecord {
    /// This likeness as stored with the entry `id`.
    func with(entryID id: Int64) -> EntryCopyRecord {
        var copy = self
        copy.entryID = id
        return copy
    }
}
