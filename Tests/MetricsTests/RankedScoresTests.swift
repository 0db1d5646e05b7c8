import Testing

@testable import Metrics

@Suite("AUC and the shared ranking")
struct RankedScoresTests {
    @Test("AUC equals sklearn's roc_auc_score", arguments: try MetricsFixtures.cases())
    func auc(_ fixture: MetricsFixtures.Case) throws {
        let ranked = try RankedScores(scores: fixture.scores, labels: fixture.labels)
        #expect(matchesReference(ranked.auc, fixture.auc))
        #expect(ranked.positives == fixture.labels.filter { $0 == 1 }.count)
        #expect(ranked.negatives + ranked.positives == fixture.scores.count)
    }

    @Test("ties get half credit")
    func ties() throws {
        let ranked = try RankedScores(scores: [0.5, 0.5, 0.9, 0.1], labels: [1, 0, 1, 0] as [UInt8])
        // Pairs (signal, background): (0.5,0.5) half, (0.5,0.1) 1, (0.9,0.5) 1, (0.9,0.1) 1.
        #expect(ranked.auc == 3.5 / 4)
    }

    /// Score vectors that stress the key transformation: signs, zeros, subnormals, extremes.
    static let awkwardScores: [[Double]] = [
        [0.5, -0.0, 0.0, 1e-300, -1e-300, 0.5, 3, -7, 0.25, .greatestFiniteMagnitude, -.greatestFiniteMagnitude],
        [],
        [1],
        (0..<5000).map { Double(($0 * 7919) % 1009) / 1009 - 0.3 },
    ]

    @Test("radix sort equals the standard sort", arguments: awkwardScores)
    func radixSort(_ scores: [Double]) {
        let radix = DescendingSort.radixOrder(scores)
        let reference = DescendingSort.comparisonOrder(scores)
        #expect(radix.map(\.row) == reference.map(\.row))
        #expect(radix.map(\.key) == reference.map(\.key))
    }

    @Test("radix sort agrees on every fixture", arguments: try MetricsFixtures.cases())
    func radixSortFixtures(_ fixture: MetricsFixtures.Case) {
        let radix = DescendingSort.radixOrder(fixture.scores)
        #expect(radix.map(\.row) == DescendingSort.comparisonOrder(fixture.scores).map(\.row))
        let sorted = radix.map { fixture.scores[Int($0.row)] }
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0 >= $1 })
    }

    @Test("keys map back to scores; ±0 share one")
    func keys() {
        for score in [0.0, 1.5, -2.25, 0x1p-1030, -0x1p-1030, .leastNonzeroMagnitude, .greatestFiniteMagnitude] {
            #expect(DescendingSort.score(DescendingSort.key(score)) == score)
        }
        #expect(DescendingSort.key(-0.0) == DescendingSort.key(0.0))
        #expect(DescendingSort.key(0.75) < DescendingSort.key(0.5))
    }
}
