import Foundation
import TestSupport
import Testing

/// What the `ai.onnx.ml` tests need beyond ``ONNXFixtures`` and ``SampleRows``: the rows of
/// the convention cases (`Fixtures/conventions/`) and a NaN-aware comparison.
enum MLFixtures {
    /// The convention cases' rows: 48 rows of 4 features (`nan` for NaN).
    static func conventionRows() throws -> (rows: Int, features: [Float]) {
        let text = try String(contentsOf: ONNXFixtures.url("conventions/input.txt"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        let features = try lines.flatMap { line in
            try line.split(separator: ",").map { try #require(Float($0), "not a number in input.txt: \($0)") }
        }
        #expect(features.count == lines.count * 4)
        return (lines.count, features)
    }

    /// The largest difference between `a` and `b`, relative where `b` exceeds 1 in size; a NaN
    /// in one and not the other counts as infinitely different, a NaN in both as equal.
    static func largestDifference(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count == b.count else { return .infinity }
        return zip(a, b).reduce(0) { worst, pair in
            if pair.0.isNaN || pair.1.isNaN { return pair.0.isNaN == pair.1.isNaN ? worst : .infinity }
            return max(worst, relativeError(pair.0, pair.1))
        }
    }
}
