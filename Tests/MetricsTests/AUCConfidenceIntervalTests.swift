import Foundation
import Metrics
import Testing

@Suite("DeLong's confidence interval of the AUC")
struct AUCConfidenceIntervalTests {
    @Test(
        "equals the independent midrank implementation",
        arguments: try MetricsFixtures.cases().filter { $0.delong != nil })
    func agreesWithReference(_ fixture: MetricsFixtures.Case) throws {
        let reference = try #require(fixture.delong)
        let interval = try AUCConfidenceInterval(scores: fixture.scores, labels: fixture.labels)
        #expect(matchesReference(interval.auc, reference.auc))
        // Variances are small numbers: compare them relative to their size.
        #expect(abs(interval.variance - reference.variance) <= 1e-9 * max(reference.variance, 1e-12))
        #expect(matchesReference(interval.lower, reference.lower))
        #expect(matchesReference(interval.upper, reference.upper))
        #expect(interval.lower <= interval.auc && interval.auc <= interval.upper)
    }

    @Test("is AUC ± 1.96 standard errors, clipped to [0, 1]")
    func shape() throws {
        let fixture = try MetricsFixtures.case("realistic_5000")
        let interval = try AUCConfidenceInterval(scores: fixture.scores, labels: fixture.booleanLabels)
        let halfWidth = 1.959963984540054 * interval.standardError
        #expect(abs(interval.upper - interval.auc - halfWidth) < 1e-15)
        #expect(abs(interval.auc - interval.lower - halfWidth) < 1e-15)
        let separated = try MetricsFixtures.case("perfectly_separated")
        let perfect = try AUCConfidenceInterval(scores: separated.scores, labels: separated.labels)
        #expect(perfect.variance == 0 && perfect.lower == 1 && perfect.upper == 1)
    }
}
