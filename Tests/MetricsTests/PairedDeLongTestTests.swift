import Foundation
import Metrics
import Testing

@Suite("Paired DeLong test")
struct PairedDeLongTestTests {
    @Test("equals the independent midrank implementation", arguments: try MetricsFixtures.pairs())
    func agreesWithReference(_ pair: MetricsFixtures.Pair) throws {
        let test = try PairedDeLongTest(scoresA: pair.scoresA, scoresB: pair.scoresB, labels: pair.labels)
        #expect(matchesReference(test.aucA, pair.aucA))
        #expect(matchesReference(test.aucB, pair.aucB))
        #expect(abs(test.variance - pair.variance) <= 1e-9 * max(pair.variance, 1e-12))
        #expect(matchesReference(test.z, pair.z))
        #expect(matchesReference(test.pValue, pair.pValue))
    }

    @Test("rankings reused, in either order")
    func fromRankings() throws {
        let pair = try #require(try MetricsFixtures.pairs().first { $0.name == "realistic_5000" })
        let labels = pair.labels.map { $0 == 1 }
        let a = try BinaryClassificationReport(scores: pair.scoresA, labels: labels)
        let b = try RankedScores(scores: pair.scoresB, labels: labels)
        let forward = try PairedDeLongTest(a.ranked, b)
        let backward = try PairedDeLongTest(b, a.ranked)
        #expect(forward == (try PairedDeLongTest(scoresA: pair.scoresA, scoresB: pair.scoresB, labels: labels)))
        #expect(abs(forward.z + backward.z) < 1e-12)
        #expect(abs(forward.pValue - backward.pValue) < 1e-12)
        let interval = forward.differenceInterval
        #expect(interval.contains(forward.difference))
    }

    @Test("identical scores: z 0 and p 1, as pROC")
    func identical() throws {
        let fixture = try MetricsFixtures.case("ties_two_decimals")
        let test = try PairedDeLongTest(scoresA: fixture.scores, scoresB: fixture.scores, labels: fixture.labels)
        #expect(test.z == 0 && test.pValue == 1 && test.variance == 0)
    }

    @Test("a monotone transform changes nothing")
    func monotoneTransform() throws {
        let fixture = try MetricsFixtures.case("realistic_5000")
        let squared = fixture.scores.map { $0 * $0 }
        let test = try PairedDeLongTest(scoresA: fixture.scores, scoresB: squared, labels: fixture.labels)
        #expect(test.difference == 0 && test.z == 0 && test.pValue == 1)
    }
}
