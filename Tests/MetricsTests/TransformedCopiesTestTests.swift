import Foundation
import Metrics
import Testing

@Suite("Transformed copies test")
struct TransformedCopiesTestTests {
    /// One case of `Fixtures/transformed_copies.json` (made by `make_transformed_copies_fixture.py`).
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let scores: [Double]
        let copies: [[Double]]
        let labels: [UInt8]
        let auc: Double
        let transformedAuc: Double
        let variance: Double
        let z: Double
        let pValue: Double

        var testDescription: String { name }
    }

    struct Cases: Decodable, Sendable {
        let cases: [Case]
    }

    static func cases() throws -> [Case] {
        try MetricsFixtures.decode(Cases.self, from: "transformed_copies").cases
    }

    @Test("originals ranked perfectly and every copy scored alike: no spread, z is +infinity and significant")
    func noSpreadGivesAnInfiniteZ() throws {
        let labels: [UInt8] = [0, 0, 0, 1, 1, 1]
        let scores: [Double] = [0.1, 0.2, 0.3, 0.7, 0.8, 0.9]
        let test = try TransformedCopiesTest(scores: scores, copies: [[Double](repeating: 0.5, count: 6)], labels: labels)
        #expect(test.auc == 1 && test.transformedAUC == 0.5 && test.variance == 0)
        #expect(test.z == .infinity && test.pValue == 0 && test.isSignificant)
    }

    @Test("equals the independent covariance-form computation", arguments: try cases())
    func agreesWithReference(_ fixture: Case) throws {
        let test = try TransformedCopiesTest(scores: fixture.scores, copies: fixture.copies, labels: fixture.labels)
        #expect(matchesReference(test.auc, fixture.auc))
        #expect(matchesReference(test.transformedAUC, fixture.transformedAuc))
        #expect(abs(test.variance - fixture.variance) <= 1e-9 * max(fixture.variance, 1e-12))
        #expect(matchesReference(test.z, fixture.z))
        #expect(matchesReference(test.pValue, fixture.pValue))
    }

    @Test("the memorizer is significant, the honest copies are not")
    func verdicts() throws {
        let cases = try Self.cases()
        for fixture in cases {
            let test = try TransformedCopiesTest(scores: fixture.scores, copies: fixture.copies, labels: fixture.labels)
            #expect(test.isSignificant == (fixture.name == "memorizer_four_copies"), "\(fixture.name)")
        }
    }

    @Test("one copy is the paired DeLong test, one-sided")
    func oneCopyIsPaired() throws {
        let fixture = try #require(try Self.cases().first { $0.name == "one_copy" })
        let copy = try #require(fixture.copies.first)
        let test = try TransformedCopiesTest(scores: fixture.scores, copies: [copy], labels: fixture.labels)
        let paired = try PairedDeLongTest(scoresA: fixture.scores, scoresB: copy, labels: fixture.labels)
        #expect(matchesReference(test.variance, paired.variance))
        #expect(matchesReference(test.z, paired.z))
        #expect(matchesReference(test.pValue, paired.pValue / 2))
    }

    @Test("the copies' order does not matter")
    func orderFree() throws {
        let fixture = try #require(try Self.cases().first { $0.name == "memorizer_four_copies" })
        let forward = try TransformedCopiesTest(scores: fixture.scores, copies: fixture.copies, labels: fixture.labels)
        let backward = try TransformedCopiesTest(
            scores: fixture.scores, copies: fixture.copies.reversed(), labels: fixture.labels)
        #expect(matchesReference(forward.variance, backward.variance))
        #expect(matchesReference(forward.transformedAUC, backward.transformedAUC))
    }

    @Test("refuses no copy, a short copy, a NaN in a copy, one class")
    func refusals() throws {
        let scores = [0.1, 0.9, 0.4, 0.6, 0.3]
        let labels: [UInt8] = [0, 1, 0, 1, 1]
        #expect(throws: MetricsError(.empty)) { try TransformedCopiesTest(scores: scores, copies: [], labels: labels) }
        #expect(throws: MetricsError(.lengthMismatch(scores: 4, labels: 5))) {
            try TransformedCopiesTest(scores: scores, copies: [scores, [0.1, 0.2, 0.3, 0.4]], labels: labels)
        }
        #expect(throws: MetricsError(.nanScore(index: 2))) {
            try TransformedCopiesTest(scores: scores, copies: [[0.1, 0.9, .nan, 0.6, 0.3]], labels: labels)
        }
        #expect(throws: MetricsError(.tooFewForVariance(positives: 4, negatives: 1))) {
            try TransformedCopiesTest(scores: scores, copies: [scores], labels: [0, 1, 1, 1, 1].map(UInt8.init))
        }
    }
}
