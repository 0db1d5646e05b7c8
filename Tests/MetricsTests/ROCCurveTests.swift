import Testing

@testable import Metrics

@Suite("ROC curve against sklearn.metrics.roc_curve")
struct ROCCurveTests {
    @Test("points and thresholds equal sklearn's", arguments: try MetricsFixtures.cases())
    func matchesSklearn(_ fixture: MetricsFixtures.Case) throws {
        let curve = try ROCCurve(scores: fixture.scores, labels: fixture.labels)
        #expect(curve.count == fixture.roc.fpr.count)
        #expect(matchesReference(curve.falsePositiveRates, fixture.roc.fpr))
        #expect(matchesReference(curve.truePositiveRates, fixture.roc.tpr))
        #expect(matchesReference(curve.thresholds, fixture.roc.thresholds))
        #expect(curve.thresholds.first == .infinity)
    }

    @Test("Bool and 0/1 labels give the same curve", arguments: try MetricsFixtures.cases())
    func labelKinds(_ fixture: MetricsFixtures.Case) throws {
        let fromBytes = try ROCCurve(scores: fixture.scores, labels: fixture.labels)
        let fromBools = try ROCCurve(scores: fixture.scores, labels: fixture.booleanLabels)
        #expect(fromBytes == fromBools)
    }

    @Test("trapezoid area equals the AUC", arguments: try MetricsFixtures.cases())
    func area(_ fixture: MetricsFixtures.Case) throws {
        let curve = try ROCCurve(scores: fixture.scores, labels: fixture.labels)
        #expect(matchesReference(curve.area, fixture.auc))
    }

    @Test("curve from a ranking equals curve from scores")
    func fromRanking() throws {
        let fixture = try MetricsFixtures.case("realistic_5000")
        let ranked = try RankedScores(scores: fixture.scores, labels: fixture.labels)
        #expect(ROCCurve(ranked) == (try ROCCurve(scores: fixture.scores, labels: fixture.labels)))
    }

    @Test("two distinct scores keep every point")
    func twoThresholds() throws {
        let curve = try ROCCurve(scores: [0.2, 0.2, 0.8, 0.8], labels: [0, 1, 0, 1] as [UInt8])
        #expect(curve.falsePositiveRates == [0, 0.5, 1])
        #expect(curve.truePositiveRates == [0, 0.5, 1])
        #expect(curve.thresholds == [.infinity, 0.8, 0.2])
    }
}
