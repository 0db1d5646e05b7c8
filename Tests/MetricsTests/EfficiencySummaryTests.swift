import Metrics
import Testing

@Suite("Working points: efficiencies and rejections")
struct EfficiencySummaryTests {
    @Test("equal numpy.interp on sklearn's curve, read as documented", arguments: try MetricsFixtures.cases())
    func agreesWithReference(_ fixture: MetricsFixtures.Case) throws {
        let curve = try ROCCurve(scores: fixture.scores, labels: fixture.labels)
        let summary = EfficiencySummary(curve: curve)
        #expect(summary.signalEfficiencies.map(\.backgroundEfficiency) == [0.01, 0.10, 0.30])
        #expect(summary.backgroundRejections.map(\.signalEfficiency) == [0.30, 0.50, 0.70])
        #expect(
            matchesReference(
                summary.signalEfficiencies.map(\.signalEfficiency), fixture.signalEfficiencyAtBackground))
        #expect(
            matchesReference(
                summary.backgroundRejections.map(\.backgroundEfficiency), fixture.backgroundEfficiencyAtSignal))
        for point in summary.backgroundRejections {
            #expect(point.rejection == 1 / point.backgroundEfficiency)
        }
    }

    @Test("vertical stretch: highest signal efficiency")
    func verticalStretch() {
        let curve = ROCCurve(
            falsePositiveRates: [0, 0.1, 0.1, 1], truePositiveRates: [0, 0.2, 0.6, 1],
            thresholds: [.infinity, 0.9, 0.8, 0.1])
        #expect(curve.signalEfficiency(atBackgroundEfficiency: 0.1) == 0.6)
        #expect(curve.signalEfficiency(atBackgroundEfficiency: 0.05) == 0.1)
        #expect(curve.signalEfficiency(atBackgroundEfficiency: 0) == 0)
        #expect(curve.signalEfficiency(atBackgroundEfficiency: 1) == 1)
    }

    @Test("horizontal stretch: lowest background efficiency")
    func horizontalStretch() {
        let curve = ROCCurve(
            falsePositiveRates: [0, 0.2, 0.6, 1], truePositiveRates: [0, 0.5, 0.5, 1],
            thresholds: [.infinity, 0.9, 0.8, 0.1])
        #expect(curve.backgroundEfficiency(atSignalEfficiency: 0.5) == 0.2)
        #expect(curve.backgroundEfficiency(atSignalEfficiency: 0.25) == 0.1)
        #expect(curve.backgroundEfficiency(atSignalEfficiency: 0) == 0)
        #expect(curve.backgroundEfficiency(atSignalEfficiency: 1) == 1)
        #expect(curve.backgroundRejection(atSignalEfficiency: 0.5) == 5)
    }

    @Test("no background passing gives infinite rejection")
    func infiniteRejection() throws {
        let fixture = try MetricsFixtures.case("perfectly_separated")
        let summary = EfficiencySummary(curve: try ROCCurve(scores: fixture.scores, labels: fixture.labels))
        #expect(summary.backgroundRejections.allSatisfy { $0.rejection == .infinity })
    }

    @Test("other working points can be asked for")
    func custom() throws {
        let fixture = try MetricsFixtures.case("all_equal")
        let summary = EfficiencySummary(
            curve: try ROCCurve(scores: fixture.scores, labels: fixture.labels),
            backgroundEfficiencies: [0.5], signalEfficiencies: [0.25, 0.75])
        #expect(summary.signalEfficiencies.map(\.signalEfficiency) == [0.5])
        #expect(summary.backgroundRejections.map(\.backgroundEfficiency) == [0.25, 0.75])
    }
}
