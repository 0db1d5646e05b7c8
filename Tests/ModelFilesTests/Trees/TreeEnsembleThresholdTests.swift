import Models
import Testing

/// The evaluator compares float32 values with a `Float` stand-in for each `Double`
/// threshold; these cases check that stand-in against the `Double` comparison right at the
/// threshold, where a plain rounding would send a row the wrong way.
@Suite("Tree ensemble thresholds between floats")
struct TreeEnsembleThresholdTests {
    /// Doubles that no float equals (just above and below floats, halfway between two, huge
    /// and tiny), and a few that are floats.
    static let thresholds: [Double] = [
        0.1, -0.1, 1.0 / 3, Double(Float(0.7)).nextUp, Double(Float(0.7)).nextDown,
        (Double(Float(2.5)) + Double(Float(2.5).nextUp)) / 2, 1e300, -1e300, 1e-300, -1e-300,
        0, -0.0, 2.5, Double(Float.greatestFiniteMagnitude), .infinity, -.infinity,
    ]

    @Test(
        "floats near a threshold compare as Double",
        arguments: TreeEnsemble.Comparison.allCases)
    func comparesAsDouble(_ comparison: TreeEnsemble.Comparison) throws {
        for threshold in Self.thresholds {
            let tree = TreeEnsemble.Tree(
                nodes: [
                    .split(
                        feature: 0, threshold: threshold, comparison: comparison, left: 1, right: 2,
                        missingGoesLeft: false), .leaf, .leaf,
                ],
                leafValues: [0, 1, 2])
            let ensemble = try TreeEnsemble(trees: [tree], inputCount: 1, baseScores: [0])
            let near = Float(threshold)
            let values: [Float] = [
                near, near.nextUp, near.nextDown, near.nextUp.nextUp, near.nextDown.nextDown,
                0, -0.0, .infinity, -.infinity, .greatestFiniteMagnitude,
            ]
            let scores = try withFeatureBatch(values, columns: 1) { try ensemble.rawScores($0) }
            for (x, score) in zip(values, scores) {
                let holds = TreeEnsembleTests.holds(Double(x), comparison, threshold)
                #expect(score == (holds ? 1 : 2), "x \(x) \(comparison) \(threshold)")
            }
        }
    }

    @Test(
        "a float64 ensemble compares the values as written, missing and zero included",
        arguments: TreeEnsemble.Comparison.allCases, [false, true])
    func float64EnsembleComparesAsWritten(_ comparison: TreeEnsemble.Comparison, zeroIsMissing: Bool) throws {
        let zero = Double(Float(1e-35))
        for threshold in Self.thresholds where threshold.isFinite {
            let tree = TreeEnsemble.Tree(
                nodes: [
                    .split(
                        feature: 1, threshold: threshold, comparison: comparison, left: 1, right: 2,
                        missingGoesLeft: false, zeroIsMissing: zeroIsMissing), .leaf, .leaf,
                ],
                leafValues: [0, 1, 2])
            let ensemble = try TreeEnsemble(trees: [tree], inputCount: 2, baseScores: [0], precision: .float64)
            // Values on the threshold and on the zero bound that their float32 moves across,
            // repeated past the size where the search for them runs on all cores.
            let near: [Double] = [
                threshold, threshold.nextUp, threshold.nextDown, Double(Float(threshold)), zero, -zero,
                zero.nextUp, -zero.nextUp, zero.nextDown, 0, .nan, 0.1,
            ]
            let written = (0..<1_000).flatMap { row in near.flatMap { [Double(row), $0] } }
            let scores = try withFeatureBatch(written.map { Float($0) }, exactValues: written, columns: 2) {
                try ensemble.rawScores($0)
            }
            for (row, score) in scores.enumerated() {
                let x = written[row * 2 + 1]
                let missing = x.isNaN || (zeroIsMissing && abs(x) <= zero)
                let holds = !missing && TreeEnsembleTests.holds(x, comparison, threshold)
                #expect(score == (holds ? 1 : 2), "x \(x) \(comparison) \(threshold)")
            }
        }
    }
}
