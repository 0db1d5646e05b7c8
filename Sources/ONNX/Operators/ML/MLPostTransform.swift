import Foundation

/// The `post_transform` of the `ai.onnx.ml` classifiers and regressors, computed as
/// onnxruntime computes it (its logistic, its softmax that skips zeros, and its probit, which
/// uses an approximation of erf⁻¹ in single precision).
enum MLPostTransform: String, Sendable, CaseIterable {
    /// The scores as they are.
    case none = "NONE"
    /// `1 / (1 + e^-x)`, value by value.
    case logistic = "LOGISTIC"
    /// `e^x / Σ e^x` over a row.
    case softmax = "SOFTMAX"
    /// As softmax, but values within 1e-7 of zero stay (nearly) zero and are left out of the sum.
    case softmaxZero = "SOFTMAX_ZERO"
    /// `√2 · erf⁻¹(2x − 1)`, value by value.
    case probit = "PROBIT"

    /// The node's `post_transform` (NONE when absent).
    ///
    /// - Throws: ``ONNXError`` for a value ONNX does not define.
    static func read(_ context: ONNXNodeContext) throws(ONNXError) -> MLPostTransform {
        let name = try context.choice("post_transform", default: "NONE", allowed: allCases.map(\.rawValue))
        return MLPostTransform(rawValue: name) ?? .none
    }

    /// Transforms every row of `scores` (`columns` values a row) in place.
    func apply(to scores: inout [Double], columns: Int) {
        guard columns > 0 else { return }
        switch self {
        case .none:
            return
        case .logistic:
            for i in scores.indices { scores[i] = Self.logistic(scores[i]) }
        case .probit:
            for i in scores.indices { scores[i] = Self.probit(scores[i]) }
        case .softmax, .softmaxZero:
            let skipZeros = self == .softmaxZero
            var start = 0
            while start < scores.count {
                Self.softmax(&scores[start..<start + columns], skipZeros: skipZeros)
                start += columns
            }
        }
    }

    /// A two-score row transformed (without allocating for the value-by-value transforms).
    func pair(_ a: Double, _ b: Double) -> (Double, Double) {
        switch self {
        case .none: return (a, b)
        case .logistic: return (Self.logistic(a), Self.logistic(b))
        case .probit: return (Self.probit(a), Self.probit(b))
        case .softmax, .softmaxZero:
            var row = [a, b]
            apply(to: &row, columns: 2)
            return (row[0], row[1])
        }
    }

    /// onnxruntime's logistic, symmetric around 0.
    static func logistic(_ x: Double) -> Double {
        let v = 1 / (1 + exp(-abs(x)))
        return x < 0 ? 1 - v : v
    }

    /// onnxruntime's probit: `√2 · erfinv(2x − 1)` with its single-precision erf⁻¹
    /// approximation (Winitzki's, a = 0.147); NaN outside (0, 1), as there.
    static func probit(_ x: Double) -> Double {
        var v = 2 * Float(x) - 1
        let sign: Float = v < 0 ? -1 : 1
        v = (1 - v) * (1 + v)
        let log = logf(v)
        let a = 2 / (Float(3.14159) * Float(0.147)) + 0.5 * log
        let b = 1 / Float(0.147) * log
        let root = sign * sqrtf(-a + sqrtf(a * a - b))
        return Double(Float(1.41421356) * root)
    }

    /// Softmax of one row in place; with `skipZeros`, values within 1e-7 of zero are scaled by
    /// `e^-max` instead of exponentiated, and left out of the sum (onnxruntime's SOFTMAX_ZERO).
    static func softmax(_ row: inout ArraySlice<Double>, skipZeros: Bool) {
        guard let top = row.max() else { return }
        var total = 0.0
        let scale = exp(-top)
        for i in row.indices {
            if skipZeros && abs(row[i]) <= 1e-7 {
                row[i] *= scale
            } else {
                row[i] = exp(row[i] - top)
                total += row[i]
            }
        }
        for i in row.indices { row[i] /= total }
    }
}
