import Testing

@testable import Metrics

@Suite struct RankedScoresSubsetTests {
    @Test(arguments: [1, 2, 3])
    func aSubsetRankingEqualsTheSubsetRankedAlone(seed: UInt64) throws {
        var state = seed
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        let n = 5_000
        // Rounded scores: many ties, as real float32 outputs have.
        let scores = (0..<n).map { _ in Double(next() % 200) / 200 }
        let labels: [UInt8] = scores.map { s in next() % 100 < UInt64(30 + 40 * s) ? 1 : 0 }
        let include = (0..<n).map { _ in next() % 10 < 3 }
        let ranked = try RankedScores(scores: scores, labels: labels)
        let rows = include.indices.filter { include[$0] }
        let alone = try RankedScores(scores: rows.map { scores[$0] }, labels: rows.map { labels[$0] })
        let subset = try ranked.subset(where: include)
        #expect(subset.auc == alone.auc)
        #expect(subset.distinctScores == alone.distinctScores)
        #expect(subset.cumulativePositives == alone.cumulativePositives)
        #expect(try AUCConfidenceInterval(subset) == AUCConfidenceInterval(alone))
        #expect(try ranked.subset(where: include.map { !$0 }).auc != alone.auc)
    }

    @Test func aSubsetOfOneClassIsRefused() throws {
        let ranked = try RankedScores(scores: [0.1, 0.4, 0.35, 0.8], labels: [0, 0, 1, 1] as [UInt8])
        #expect(throws: MetricsError.self) { try ranked.subset(where: [true, true, false, false]) }
        #expect(throws: MetricsError.self) { try ranked.subset(where: [true]) }
    }
}
