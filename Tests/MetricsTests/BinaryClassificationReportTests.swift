import Metrics
import Testing

@Suite("The one-sort report")
struct BinaryClassificationReportTests {
    @Test(
        "every figure equals sklearn's",
        arguments: try MetricsFixtures.cases().filter { $0.isProbabilities && $0.delong != nil })
    func matchesSklearn(_ fixture: MetricsFixtures.Case) throws {
        let report = try BinaryClassificationReport(scores: fixture.scores, labels: fixture.labels)
        #expect(matchesReference(report.auc, fixture.auc))
        #expect(matchesReference(report.accuracy, fixture.accuracy))
        #expect(report.confusionMatrix.rows == fixture.confusion)
        #expect(matchesReference(report.logLoss, try #require(fixture.logLoss)))
        #expect(matchesReference(report.roc.falsePositiveRates, fixture.roc.fpr))
        #expect(matchesReference(report.roc.truePositiveRates, fixture.roc.tpr))
        #expect(matchesReference(report.roc.thresholds, fixture.roc.thresholds))
        #expect(
            matchesReference(
                report.efficiencies.signalEfficiencies.map(\.signalEfficiency), fixture.signalEfficiencyAtBackground))
        #expect(
            matchesReference(
                report.efficiencies.backgroundRejections.map(\.backgroundEfficiency), fixture.backgroundEfficiencyAtSignal))
        let delong = try #require(fixture.delong)
        #expect(matchesReference(report.aucInterval.lower, delong.lower))
        #expect(matchesReference(report.aucInterval.upper, delong.upper))
        #expect(report.count == fixture.scores.count)
        #expect(report.positives + report.negatives == report.count)
    }

    @Test("Bool and 0/1 labels give the same report")
    func labelKinds() throws {
        let fixture = try MetricsFixtures.case("realistic_5000")
        let bytes = try BinaryClassificationReport(scores: fixture.scores, labels: fixture.labels)
        let bools = try BinaryClassificationReport(scores: fixture.scores, labels: fixture.booleanLabels)
        #expect(bytes.roc == bools.roc && bytes.aucInterval == bools.aucInterval)
        #expect(bytes.logLoss == bools.logLoss && bytes.confusionMatrix == bools.confusionMatrix)
        #expect(bytes.efficiencies == bools.efficiencies)
    }
}
