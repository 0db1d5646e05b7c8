import TestSupport
import Testing

@testable import Results

@Suite struct TrainingRunRecordTests {
    @Test func aRunIsStoredLinkedToItsEntryAndListedNewestFirst() throws {
        let dir = TemporaryDirectory()
        let db = try ResultsDatabase(path: dir.file("lb.sqlite"))
        let dataset = try #require(try db.record(ResultsDatabaseTests.sampleRecord()).id)
        let entry = try db.record(
            EntryRecordTests.entry("bdt", dataset: dataset),
            metrics: EntryRecordTests.metrics(auc: 0.8), scores: nil)
        func run(_ model: String, entry: Int64?) -> TrainingRunRecord {
            TrainingRunRecord(
                datasetID: dataset, model: model, settings: #"{"rounds":200}"#, seed: 1, trainingRows: 6_300,
                seconds: 1.5, history: nil, featureRanking: ["m_bb": 0.3], trainHistograms: nil,
                ksSignal: 0.4, ksBackground: 0.02, modelPath: "baselines/bdt/model.json",
                entryID: entry, trainedAt: "2026-11-29T12:00:00Z")
        }
        let first = try db.record(run("bdt", entry: entry.id))
        _ = try db.record(run("nn", entry: nil))
        let runs = try db.trainingRuns(datasetID: dataset)
        #expect(runs.map(\.model) == ["nn", "bdt"])
        #expect(runs[1] == first)
        #expect(runs[1].entryID == entry.id)
    }
}
