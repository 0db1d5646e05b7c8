import Foundation
import HiggsData
import Metrics
import Results
import TestSupport
import Testing

@testable import Scoring

/// The public figures are of the public rows only: flipping every private label changes
/// the figures of all rows and none of the public ones.
@Suite struct PublicFiguresTests {
    let dir = TemporaryDirectory()

    /// The sample's hidden rows, and the same rows with every private label flipped.
    static func hiddenRows() throws -> (real: HiddenTestRows, flipped: HiddenTestRows) {
        let data = try EntryEvaluationTests.hidden().rows
        let split = try DataSplit(rowCount: 2 * data.rowCount, settings: SplitSettings(testRows: data.rowCount))
        let features = data.withFeatures { Array($0) }
        var labels = data.labels
        let real = HiddenTestRows(dataset: HiggsDataset(labels: labels + labels, features: features + features), split: split)
        for index in split.privateTestIndices { labels[index] = 1 - labels[index] }
        let flipped = HiddenTestRows(dataset: HiggsDataset(labels: labels + labels, features: features + features), split: split)
        return (real, flipped)
    }

    @Test func privateLabelsLeaveThePublicMemorizationCheck() throws {
        let (real, flipped) = try Self.hiddenRows()
        let scores = try SharedFixtures.predictions("notebook_keras3.predictions.txt")
        // Copies that differ from the originals and from each other, as a model's would.
        let copies = (1...4).map { k in scores.enumerated().map { $0.element + 0.01 * Double(($0.offset * k) % 7) } }
        let a = try EntryEvaluation(scores: scores, copies: copies, hidden: real)
        let b = try EntryEvaluation(scores: scores, copies: copies, hidden: flipped)
        #expect(a.publicRecord == b.publicRecord && a.publicRecord.memorization != nil)
        #expect(a.record.memorization != b.record.memorization)
        #expect(try EntryEvaluation(scores: scores, hidden: real).record.memorization == nil, "no copies, no check")
    }

    @Test func privateLabelsLeavePublicFigures() throws {
        let (real, flipped) = try Self.hiddenRows()
        let scores = try SharedFixtures.predictions("notebook_keras3.predictions.txt")
        let a = try EntryEvaluation(scores: scores, hidden: real), b = try EntryEvaluation(scores: scores, hidden: flipped)
        #expect(a.publicFigures.record == b.publicFigures.record)
        #expect(a.record.publicAUC == b.record.publicAUC)
        #expect(a.record.auc != b.record.auc)
        #expect(a.record.accuracy != b.record.accuracy)
        #expect(a.record.histograms != b.record.histograms)

        let publicRows = real.isPublic.indices.filter { real.isPublic[$0] }
        let report = try BinaryClassificationReport(
            scores: publicRows.map { scores[$0] },
            labels: publicRows.map { real.labels[$0] })
        #expect(a.publicFigures.record.accuracy == report.accuracy)
        #expect(a.publicFigures.record.logLoss == report.logLoss)
        #expect(a.publicFigures.record.truePositives == report.confusionMatrix.truePositives)
        #expect(a.publicFigures.histograms.signal.reduce(0, +) == report.positives)
    }

    @Test func olderEntriesGetPublicFigures() throws {
        let hidden = try EntryEvaluationTests.hidden()
        let scores = try SharedFixtures.predictions("notebook_keras3.predictions.txt")
        let evaluation = try EntryEvaluation(scores: scores, hidden: hidden)
        let db = try ResultsDatabase(path: dir.file("lb.sqlite"))
        let dataset = try db.record(
            DatasetRecord(
                path: "s.csv", sha256: "s", fileBytes: 1, rows: 7_500, signal: 1, trainingRows: 6_300, validationRows: 700,
                testRows: 500, publicTestRows: hidden.isPublic.filter { $0 }.count, publicFraction: 0.3, splitSeed: 2014))
        let id = try #require(dataset.id)
        // As an older version recorded it: figures and scores, no public figures.
        let entry = try db.record(
            EntryRecord(
                datasetID: id, contentSHA256: "c", modelSHA256: "m", team: "t", title: "t", members: [],
                path: "p", modelFile: "model.h5", format: "keras-h5", fileBytes: 1, submittedAt: "2026-01-01"),
            metrics: evaluation.record, scores: scores.map { Float($0) })
        #expect(try db.entriesMissingPublicFigures(datasetID: id) == [entry.id])

        #expect(try PublicFigures.fillMissing(in: db, datasetID: id, hidden: hidden) == 1)
        #expect(try PublicFigures.fillMissing(in: db, datasetID: id, hidden: hidden) == 0)
        let stored = try #require(try db.entries(datasetID: id).first?.publicMetrics)
        var expected = try PublicFigures(scores: scores.map { Double(Float($0)) }, hidden: hidden).record
        expected.entryID = try #require(entry.id)
        #expect(stored == expected)
        #expect(stored.truePositives == evaluation.publicFigures.record.truePositives)
    }
}
