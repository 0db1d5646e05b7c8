import Foundation
import Plots

/// Deterministic inputs for the chart tests: analytic curves and a fixed pseudo-random stream,
/// never the system's random numbers.
enum Fixtures {
    /// A linear congruential generator (Knuth's MMIX constants): the same numbers on every platform.
    struct LCG {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        /// A standard normal deviate (Box–Muller).
        mutating func normal() -> Double {
            let u = max(next(), 1e-12), v = next()
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
    }

    /// A smooth ROC curve ε_S = ε_B^(1/k) with `points` points, and its AUC k/(k+1).
    static func roc(_ name: String, k: Double, points: Int = 300, baseline: Bool = false) -> ROCSeries {
        let fpr = (0..<points).map { pow(Double($0) / Double(points - 1), 2) }
        return ROCSeries(
            name: name, backgroundEfficiency: fpr, signalEfficiency: fpr.map { pow($0, 1 / k) },
            auc: k / (k + 1), isBaseline: baseline)
    }

    /// Scores in 0…1: signal around 0.7, background around 0.3.
    static func scores(signal: Bool, count: Int, seed: UInt64) -> [Double] {
        var rng = LCG(state: seed)
        return (0..<count).map { _ in min(1, max(0, (signal ? 0.68 : 0.32) + 0.17 * rng.normal())) }
    }
}
