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
}
