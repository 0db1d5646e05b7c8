import Foundation
import Metrics
import TestSupport
import Testing

@Suite("Spearman's rank correlation")
struct ScoreRanksTests {
    static let copies = SharedFixtures.repositoryRoot + "/Tests/LeaderboardCLITests/Fixtures/copies/"

    /// The framework's own hidden-row scores of fixture `name`, as float32 (as they are stored).
    static func scores(_ name: String) throws -> [Float] {
        try String(contentsOfFile: copies + name + ".predictions.txt", encoding: .utf8)
            .split(separator: "\n").compactMap { Float(String($0)) }
    }

    /// The pairs scipy's `spearmanr` measured, with its figure (`correlations.txt`).
    static func measured() throws -> [(a: String, b: String, rho: Double)] {
        try String(contentsOfFile: copies + "correlations.txt", encoding: .utf8).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count == 4, let rho = Double(parts[3]) else { return nil }
            return (parts[1], parts[2], rho)
        }
    }

    @Test("equals scipy's spearmanr on models made by the frameworks")
    func agreesWithScipy() throws {
        let pairs = try Self.measured()
        // Predictions files hold their scores in the submission itself, not beside it.
        let scored = pairs.filter { !$0.b.hasSuffix("scaled") && !$0.b.hasSuffix("noise") }
        #expect(scored.count == 8)
        for pair in scored {
            let a = try ScoreRanks(try Self.scores(pair.a)), b = try ScoreRanks(try Self.scores(pair.b))
            let rho = try #require(try a.spearman(b))
            // correlations.txt holds six decimals.
            #expect(abs(rho - pair.rho) <= 5e-7, "\(pair.a) against \(pair.b): \(rho), scipy \(pair.rho)")
        }
    }

    @Test("tied scores share the mean of their ranks")
    func ties() throws {
        // Ranks (1.5, 1.5, 3) against (1, 2, 3): 1.5 / √(1.5 × 2).
        let rho = try ScoreRanks([0.2, 0.2, 0.9]).spearman(try ScoreRanks([0.1, 0.5, 0.7]))
        #expect(abs((rho ?? 0) - 1.5 / 3.0.squareRoot()) < 1e-15)
    }

    @Test("only the order counts: a rescaled copy is 1, a reversed one -1")
    func orderOnly() throws {
        var generator = SeededGenerator(seed: 14)
        let scores = (0..<10_000).map { _ in Float.random(in: 0..<1, using: &generator) }
        let ranks = try ScoreRanks(scores)
        #expect(try ranks.spearman(try ScoreRanks(scores.map { $0 * 0.5 })) == 1)
        #expect(try ranks.spearman(try ScoreRanks(scores.map { 1 - $0 })) == -1)
        let other = try ScoreRanks((0..<10_000).map { _ in Float.random(in: 0..<1, using: &generator) })
        #expect(abs(try #require(try ranks.spearman(other))) < 0.05)
    }

    @Test("a list that orders nothing has no correlation; bad lists are refused")
    func refusals() throws {
        #expect(try ScoreRanks([0.5, 0.5, 0.5]).spearman(try ScoreRanks([0.1, 0.2, 0.3])) == nil)
        #expect(throws: MetricsError(.lengthMismatch(scores: 2, labels: 3))) {
            try ScoreRanks([0.1, 0.2, 0.3]).spearman(try ScoreRanks([0.1, 0.2]))
        }
        #expect(throws: MetricsError(.nanScore(index: 1))) { try ScoreRanks([0.1, .nan]) }
        #expect(throws: MetricsError(.infiniteScore(index: 0, value: .infinity))) { try ScoreRanks([.infinity]) }
        #expect(throws: MetricsError(.empty)) { try ScoreRanks([]) }
    }
}
