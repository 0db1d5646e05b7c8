import Foundation
import Testing
import TestSupport
@testable import ONNX

/// The `ai.onnx.ml` fixtures of `Tests/ONNXTests/Fixtures` (see its README.md): models,
/// the frameworks' own outputs, and the rows they were computed on.
enum MLFixtures {
    /// The fixtures folder, found from the repository root.
    static let folder = SharedFixtures.repositoryRoot + "/Tests/ONNXTests/Fixtures/"

    /// The bytes of fixture `name` (a path under the folder).
    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: folder + name))
    }

    /// One number a line (`nan` included), as the fixture scripts write them.
    static func values(_ name: String) throws -> [Double] {
        let text = try String(contentsOfFile: folder + name, encoding: .utf8)
        return try text.split(separator: "\n").map { try #require(Double($0), "not a number in \(name): \($0)") }
    }

    /// The sample's hidden-test rows (its last 500), 28 features each, row-major.
    static func hiddenTestRows() throws -> [Float] {
        let csv = SharedFixtures.repositoryRoot + "/Sources/HiggsData/Resources/higgs-sample.csv"
        let lines = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").suffix(500)
        #expect(lines.count == 500)
        return lines.flatMap { $0.split(separator: ",").dropFirst().map { Float($0) ?? .nan } }
    }

    /// The convention cases' rows: 48 rows of 4 features (`nan` for NaN).
    static func conventionRows() throws -> (rows: Int, features: [Float]) {
        let text = try String(contentsOfFile: folder + "conventions/input.txt", encoding: .utf8)
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
