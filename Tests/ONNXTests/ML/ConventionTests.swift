import Foundation
import Testing

@testable import ONNX

/// One-operator graphs written with onnx.helper: every output value equals onnxruntime's, on
/// rows that hit thresholds exactly and hold NaNs (binary conventions, base values, node modes,
/// NaN routing, aggregates, post transforms, opset-3 tensors, linear classifiers,
/// preprocessing, ZipMap).
@Suite struct ConventionTests {
    static let cases = [
        "tec_binary_positive_none", "tec_binary_positive_logistic", "tec_binary_mixed_none",
        "tec_binary_mixed_logistic_base1", "tec_binary_positive_none_base1", "tec_binary_mixed_logistic_base2",
        "tec_binary_class1_only_logistic", "tec_binary_both_softmax", "tec_binary_both_none",
        "tec_binary_both_logistic_base2", "tec_binary_strings_logistic", "tec_three_softmax", "tec_three_softmax_zero",
        "tec_three_logistic", "tec_modes_lt_gte_eq", "tec_modes_gt_neq_leq", "tec_modes_neq_untracked",
        "tec_tracks_true_leq", "tec_as_tensor_logistic",
        "ter_sum_base", "ter_sum_nobase_logistic", "ter_average_probit", "ter_min", "ter_max",
        "ter_two_targets_sum_softmax", "ter_two_targets_min_logistic", "ter_two_targets_max_softmax_zero",
        "ter_two_targets_average", "ter_modes_as_tensor",
        "lc_one_row_none", "lc_one_row_logistic", "lc_one_row_softmax", "lc_one_row_softmax_zero",
        "lc_two_rows_none", "lc_two_rows_logistic", "lc_two_rows_softmax", "lc_two_rows_softmax_zero",
        "lc_two_rows_probit", "lc_three_softmax", "lc_one_row_logistic_multi_class",
        "lr_one_target_none", "lr_one_target_logistic", "lr_one_target_softmax", "lr_two_targets_none",
        "lr_two_targets_logistic", "lr_two_targets_softmax",
        "normalizer_max", "normalizer_l1", "normalizer_l2", "scaler_vectors", "scaler_one_value",
        "array_feature_extractor", "zipmap_int64", "zipmap_strings",
    ]

    @Test("output Y equals onnxruntime's", arguments: cases)
    func matchesOnnxruntime(_ name: String) throws {
        let (rows, features) = try MLFixtures.conventionRows()
        let model = try ONNXModel(
            data: ONNXFixtures.data("conventions/\(name).onnx"),
            options: ONNXReadOptions(outputName: "Y", defaultInputWidth: 4))
        let values = try Self.flattened(model.evaluate(rows: rows, features: features))
        let expected = try ONNXFixtures.numbers("conventions/\(name).onnxruntime.txt")
        let difference = MLFixtures.largestDifference(values, expected)
        #expect(values.count == expected.count, "\(values.count) values, onnxruntime gave \(expected.count)")
        #expect(difference <= 1e-5, "\(name): largest difference \(difference)")
    }

    @Test("one-class binary forest with PROBIT refused")
    func probitOnOneClassRefused() throws {
        let data = try ONNXFixtures.data("conventions/tec_binary_mixed_probit.onnx")
        let error = try #require(throws: ONNXError.self) {
            _ = try ONNXModel(data: data, options: ONNXReadOptions(outputName: "Y", defaultInputWidth: 4))
        }
        #expect(error.description.contains("PROBIT"))
        #expect(!error.description.contains("\n"))
    }

    /// A value's numbers in order: a tensor's elements, or each map's values in key order.
    static func flattened(_ value: ONNXValue) throws -> [Double] {
        switch value {
        case let .tensor(tensor):
            return try #require(tensor.doubles)
        case let .sequence(items):
            return try items.flatMap { item -> [Double] in
                guard case let .map(map) = item else { throw ConventionFailure("a sequence item is not a map") }
                let values = try #require(map.values.doubles)
                let order: [Int]
                if let keys = map.keys.int64s {
                    order = keys.indices.sorted { keys[$0] < keys[$1] }
                } else {
                    let keys = try #require(map.keys.strings)
                    order = keys.indices.sorted { keys[$0] < keys[$1] }
                }
                return order.map { values[$0] }
            }
        case .map:
            throw ConventionFailure("the output is a map, not a tensor or a sequence")
        }
    }
}

/// A convention output of an unexpected kind.
struct ConventionFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The signal probability is read from ZipMap outputs: label 1, or the second of two string labels.
@Suite struct ZipMapSignalTests {
    @Test("ZipMap signal entry, int64 and string labels", arguments: ["zipmap_int64", "zipmap_strings"])
    func signalFromZipMap(_ name: String) throws {
        let (rows, features) = try MLFixtures.conventionRows()
        let model = try ONNXModel(
            data: ONNXFixtures.data("conventions/\(name).onnx"),
            options: ONNXReadOptions(defaultInputWidth: 4))
        let scores = try model.scores(rows: rows, features: features)
        let pairs = try ONNXFixtures.numbers("conventions/\(name).onnxruntime.txt")
        let second = stride(from: 1, to: pairs.count, by: 2).map { pairs[$0] }
        #expect(MLFixtures.largestDifference(scores, second) <= 1e-6)
    }
}
