import Foundation
import HiggsData
import Metrics
import Results
import TestSupport
import Testing

@testable import Scoring

@Suite struct EntryEvaluationTests {
    static func hidden() throws -> HiddenTestRows {
        let data = try DataLoader(cacheDirectory: TemporaryDirectory().path).load(KnownDataSets.samplePath).dataset
        return HiddenTestRows(dataset: data, split: try DataSplit(rowCount: data.rowCount))
    }

    @Test func figuresAreTheMetricsOfTheWholeAndOfEachPart() throws {
        let hidden = try Self.hidden()
        let scores = try SharedFixtures.predictions("notebook_keras3.predictions.txt")
        let evaluation = try EntryEvaluation(scores: scores, hidden: hidden)
        let all = try BinaryClassificationReport(scores: scores, labels: hidden.labels)
        #expect(evaluation.record.auc == all.auc)
        #expect(evaluation.record.accuracy == all.accuracy)
        let pub = hidden.isPublic.indices.filter { hidden.isPublic[$0] }
        let publicAUC = try AUCConfidenceInterval(scores: pub.map { scores[$0] }, labels: pub.map { hidden.labels[$0] })
        #expect(evaluation.publicAUC == publicAUC)
        #expect(evaluation.record.publicAUCLow == publicAUC.lower)
        #expect(evaluation.publicAUC.auc != evaluation.privateAUC.auc)
        #expect(evaluation.histograms.signal.reduce(0, +) == hidden.labels.filter { $0 == 1 }.count)
        #expect(evaluation.histograms.background.reduce(0, +) == hidden.labels.filter { $0 == 0 }.count)
        #expect(evaluation.record.roc.thresholds.first == .some(nil))
    }

    @Test func histogramsOfScoresOutsideZeroToOneUseTheirRange() {
        let h = ScoreHistograms(scores: [-2, 0, 2, 2], labels: [0, 1, 1, 0], bins: 4)
        #expect(h.low == -2 && h.high == 2)
        #expect(h.signal == [0, 0, 1, 1])
        #expect(h.background == [1, 0, 0, 1])
    }

    @Test func nonFiniteScoresAreRefused() throws {
        let hidden = try Self.hidden()
        var scores = [Double](repeating: 0.5, count: hidden.count)
        scores[3] = .nan
        #expect(throws: MetricsError.self) { try EntryEvaluation(scores: scores, hidden: hidden) }
    }

    @Test func standardizationIsAppliedPerSelectedFeature() {
        let values: [Float] = (0..<56).map { Float($0) }
        let selected = values.withUnsafeBufferPointer {
            SubmissionPredictor.select(
                $0, exact: nil, rows: 2, features: [27, 0],
                standardization: .init(mean: [1, 2], scale: [2, 4]), keepingDoubles: true)
        }
        #expect(selected.values == [13, -0.5, 27, 6.5])
        #expect(selected.exact == [13, -0.5, 27, 6.5])
    }
}
