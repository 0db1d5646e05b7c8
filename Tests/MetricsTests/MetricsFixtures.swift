import Foundation
import Testing

/// The reference values that `Fixtures/make_metrics_fixtures.py` computed with scikit-learn
/// (and, for DeLong, an independent numpy/scipy implementation checked against pROC).
struct MetricsFixtures: Decodable, Sendable {
    struct Versions: Decodable, Sendable {
        let numpy: String
        let scipy: String
        let scikitLearn: String

        enum CodingKeys: String, CodingKey {
            case numpy, scipy
            case scikitLearn = "scikit-learn"
        }
    }

    struct ROC: Decodable, Sendable {
        let fpr: [Double]
        let tpr: [Double]
        let thresholds: [Double]
    }

    struct DeLong: Decodable, Sendable {
        let auc: Double
        let variance: Double
        let lower: Double
        let upper: Double
    }

    /// One score/label vector with every figure scikit-learn gives for it.
    struct Case: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let scores: [Double]
        let labels: [UInt8]
        let roc: ROC
        let auc: Double
        let accuracy: Double
        let confusion: [[Int]]
        let logLoss: Double?
        let logLossSklearnFloat32Input: Double?
        let signalEfficiencyAtBackground: [Double]
        let backgroundEfficiencyAtSignal: [Double]
        let delong: DeLong?

        var testDescription: String { name }
        var booleanLabels: [Bool] { labels.map { $0 == 1 } }
        /// Whether every score is a probability (the report needs that).
        var isProbabilities: Bool { scores.allSatisfy { (0...1).contains($0) } }
    }

    /// Two score vectors on the same rows with the paired DeLong test's figures.
    struct Pair: Decodable, Sendable, CustomTestStringConvertible {
        let name: String
        let scoresA: [Double]
        let scoresB: [Double]
        let labels: [UInt8]
        let aucA: Double
        let aucB: Double
        let variance: Double
        let z: Double
        let pValue: Double

        var testDescription: String { name }
    }

    struct Cases: Decodable, Sendable {
        let versions: Versions
        let cases: [Case]
    }

    struct Pairs: Decodable, Sendable {
        let versions: Versions
        let pairs: [Pair]
    }

    static func decode<T: Decodable>(_ type: T.Type, from name: String) throws -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures")
        else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/\(name).json"])
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(type, from: Data(contentsOf: url))
    }

    /// Every single-vector case.
    static func cases() throws -> [Case] { try decode(Cases.self, from: "metrics_cases").cases }
    /// Every paired case.
    static func pairs() throws -> [Pair] { try decode(Pairs.self, from: "delong_paired").pairs }
    /// One case by name.
    static func `case`(_ name: String) throws -> Case {
        try #require(try cases().first { $0.name == name })
    }
}

/// The tolerance every comparison with scikit-learn uses: 1e-9, relative above 1.
let referenceTolerance = 1e-9

/// Whether `value` equals `reference` to `referenceTolerance` (absolute, or relative for
/// magnitudes above 1); infinities must match exactly.
func matchesReference(_ value: Double, _ reference: Double, tolerance: Double = referenceTolerance) -> Bool {
    if reference.isInfinite || value.isInfinite { return value == reference }
    return abs(value - reference) <= tolerance * max(1, abs(reference))
}

/// Whether two arrays match element by element (see `matchesReference`).
func matchesReference(_ values: [Double], _ references: [Double], tolerance: Double = referenceTolerance) -> Bool {
    values.count == references.count && zip(values, references).allSatisfy { matchesReference($0, $1, tolerance: tolerance) }
}
