import Foundation

/// An activation function: the one vocabulary of the Keras reader, the ONNX interpreter and
/// the trainer. ``apply(to:rows:width:stride:)`` computes it in `Float` as Keras computes
/// it (float32); the ONNX interpreter computes the cases its operators read as onnxruntime
/// does, in the tensor's precision.
///
/// Parameters that Keras or ONNX let a caller choose are payloads; the defaults Keras applies
/// when an activation is named by a string are in the `ModelFiles` reader, which knows the
/// Keras version. Where Keras 2 and Keras 3 define a name differently there are two cases
/// (``hardSigmoid`` and ``linearHardSigmoid(alpha:beta:)``, Keras 2's being
/// ``hardSigmoidKeras2``).
public enum Activation: Sendable, Hashable {
    /// `x`.
    case linear
    /// Keras' general ReLU (the `ReLU` layer, `relu(x, negative_slope, max_value,
    /// threshold)`): `x` above `threshold` (else 0), clipped to `[0, maxValue]` when a
    /// maximum is given, minus `negativeSlope * max(threshold - x, 0)`.
    /// `relu` is `relu(negativeSlope: 0, maxValue: nil, threshold: 0)`; Keras 2's
    /// `ThresholdedReLU(theta)` is `relu(negativeSlope: 0, maxValue: nil, threshold: theta)`.
    case relu(negativeSlope: Float, maxValue: Float?, threshold: Float)
    /// `min(max(x, 0), 6)`.
    case relu6
    /// `x` for `x >= 0`, `negativeSlope * x` otherwise (Keras' `leaky_relu` activation
    /// defaults to 0.2; the `LeakyReLU` layer to 0.3).
    case leakyReLU(negativeSlope: Float)
    /// `x` for `x > 0`, `alpha * (exp(x) - 1)` otherwise.
    case elu(alpha: Float)
    /// `scale * elu(x, alpha)`; Keras fixes `alpha ≈ 1.6733` and `scale ≈ 1.0507` (``selu``),
    /// ONNX's `Selu` reads them (as `alpha` and `gamma`).
    case selu(alpha: Float, scale: Float)
    /// `max(x, 0) + alpha * expm1(min(x, 0) / alpha)` (Keras 3).
    case celu(alpha: Float)
    /// `1 / (1 + exp(-x))`.
    case sigmoid
    /// Keras 3's `hard_sigmoid`: `relu6(x + 3) / 6`.
    case hardSigmoid
    /// `clip(alpha * x + beta, 0, 1)`: ONNX's `HardSigmoid`, and Keras 2's `hard_sigmoid`
    /// with `alpha` 0.2 and `beta` 0.5 (``hardSigmoidKeras2``).
    case linearHardSigmoid(alpha: Float, beta: Float)
    /// `x * relu6(x + 3) / 6` (Keras 3's `hard_silu`, alias `hard_swish`).
    case hardSilu
    /// `log(sigmoid(x))`, computed as `-softplus(-x)` (Keras 3).
    case logSigmoid
    /// 0 for `x <= -1`, 1 for `x >= 1`, `(x + 1) / 2` between (Keras 3).
    case sparseSigmoid
    /// `tanh(x)`.
    case tanh
    /// `x - tanh(x)` (Keras 3).
    case tanhShrink
    /// `clip(x, -1, 1)` (Keras 3).
    case hardTanh
    /// `x - t` above `t`, `x + t` below `-t`, 0 between (Keras 3, `t` defaults to 0.5).
    case softShrink(threshold: Float)
    /// `x` where `|x| > t`, 0 elsewhere (Keras 3, `t` defaults to 0.5).
    case hardShrink(threshold: Float)
    /// `log(1 + exp(x))`.
    case softplus
    /// `x / (1 + |x|)`.
    case softsign
    /// `(x + sqrt(x² + b)) / 2` (Keras 3, `b` defaults to 4).
    case squareplus(b: Float)
    /// 0 for `x <= -1`, `(x + 1)² / 4` for `-1 < x < 1`, `x` above (Keras 3).
    case sparsePlus
    /// `x * sigmoid(x)` (`swish` and `silu`).
    case silu
    /// `x * Φ(x)` with the normal CDF `Φ`; `approximate` uses Keras' tanh formula
    /// `0.5 x (1 + tanh(sqrt(2/π) (x + 0.044715 x³)))`. Keras' `gelu` string means
    /// `approximate: false`.
    case gelu(approximate: Bool)
    /// `x * tanh(softplus(x))`.
    case mish
    /// `exp(x)`.
    case exponential
    /// `exp(x_i) / Σ exp(x_j)` over each row.
    case softmax
    /// `x_i - log Σ exp(x_j)` over each row.
    case logSoftmax
    /// Keras 3's `sparsemax` over each row, exactly as Keras computes it (its threshold is
    /// `(Σ_{i≤k} cumsum_i − 1) / k`, which differs from the paper's when more than one
    /// entry is in the support).
    case sparsemax
    /// Gated linear unit over each row: the first half times the sigmoid of the second;
    /// halves the width (Keras 3).
    case glu

    /// Keras' `relu`: `max(x, 0)`, ONNX's `Relu`.
    public static let relu = Activation.relu(negativeSlope: 0, maxValue: nil, threshold: 0)
    /// Keras' `selu`, with its fixed constants.
    public static let selu = Activation.selu(alpha: seluAlpha, scale: seluScale)
    /// Keras 2's `hard_sigmoid`: `clip(0.2 * x + 0.5, 0, 1)`.
    public static let hardSigmoidKeras2 = Activation.linearHardSigmoid(alpha: 0.2, beta: 0.5)

    /// How wide the output is for an input row of `width` values, or `nil` when this
    /// activation cannot take such a row (``glu`` needs an even width).
    public func outputWidth(forInput width: Int) -> Int? {
        switch self {
        case .glu: return width % 2 == 0 ? width / 2 : nil
        default: return width
        }
    }

    /// Whether the function works on whole rows (softmax and friends) rather than on each
    /// value alone.
    var isRowWise: Bool {
        switch self {
        case .softmax, .logSoftmax, .sparsemax, .glu: return true
        default: return false
        }
    }

    /// Applies the activation to `rows` rows of `width` values, `stride` floats apart,
    /// in place (for ``glu`` the result is the first `width / 2` values of each row).
    func apply(to data: UnsafeMutablePointer<Float>, rows: Int, width: Int, stride: Int) {
        switch self {
        case .linear: return
        case .relu(0, nil, 0): map(data, rows, width, stride) { max($0, 0) }
        case let .relu(slope, maxValue, threshold):
            map(data, rows, width, stride) {
                Self.generalReLU($0, negativeSlope: slope, maxValue: maxValue, threshold: threshold)
            }
        case .relu6: map(data, rows, width, stride) { min(max($0, 0), 6) }
        case let .leakyReLU(slope): map(data, rows, width, stride) { $0 >= 0 ? $0 : slope * $0 }
        case let .elu(alpha): map(data, rows, width, stride) { $0 > 0 ? $0 : alpha * expm1($0) }
        case let .selu(alpha, scale):
            map(data, rows, width, stride) { $0 > 0 ? scale * $0 : scale * alpha * expm1($0) }
        case let .celu(alpha):
            map(data, rows, width, stride) { max($0, 0) + alpha * expm1(min($0, 0) / alpha) }
        case .sigmoid: map(data, rows, width, stride) { Self.sigmoid($0) }
        case .hardSigmoid: map(data, rows, width, stride) { min(max($0 + 3, 0), 6) / 6 }
        case let .linearHardSigmoid(alpha, beta): map(data, rows, width, stride) { min(max($0 * alpha + beta, 0), 1) }
        case .hardSilu: map(data, rows, width, stride) { $0 * (min(max($0 + 3, 0), 6) / 6) }
        case .logSigmoid: map(data, rows, width, stride) { -Self.softplus(-$0) }
        case .sparseSigmoid:
            map(data, rows, width, stride) { $0 <= -1 ? 0 : ($0 >= 1 ? 1 : 0.5 * ($0 + 1)) }
        case .tanh: map(data, rows, width, stride) { Foundation.tanh($0) }
        case .tanhShrink: map(data, rows, width, stride) { $0 - Foundation.tanh($0) }
        case .hardTanh: map(data, rows, width, stride) { min(max($0, -1), 1) }
        case let .softShrink(t):
            map(data, rows, width, stride) { $0 > t ? $0 - t : ($0 < -t ? $0 + t : 0) }
        case let .hardShrink(t): map(data, rows, width, stride) { abs($0) > t ? $0 : 0 }
        case .softplus: map(data, rows, width, stride) { Self.softplus($0) }
        case .softsign: map(data, rows, width, stride) { $0 / (1 + abs($0)) }
        case let .squareplus(b): map(data, rows, width, stride) { ($0 + ($0 * $0 + b).squareRoot()) / 2 }
        case .sparsePlus:
            map(data, rows, width, stride) { $0 <= -1 ? 0 : ($0 < 1 ? 0.25 * ($0 + 1) * ($0 + 1) : $0) }
        case .silu: map(data, rows, width, stride) { $0 * Self.sigmoid($0) }
        case .gelu(false):
            map(data, rows, width, stride) { 0.5 * $0 * (1 + erf($0 * Self.inverseSquareRootOfTwo)) }
        case .gelu(true):
            map(data, rows, width, stride) {
                0.5 * $0 * (1 + Foundation.tanh(Self.squareRootOfTwoOverPi * ($0 + 0.044715 * $0 * $0 * $0)))
            }
        case .mish: map(data, rows, width, stride) { $0 * Foundation.tanh(Self.softplus($0)) }
        case .exponential: map(data, rows, width, stride) { exp($0) }
        case .softmax:
            for r in 0..<rows { Self.softmaxRow(data + r * stride, width) }
        case .logSoftmax:
            for r in 0..<rows { Self.logSoftmaxRow(data + r * stride, width) }
        case .sparsemax:
            for r in 0..<rows { Self.sparsemaxRow(data + r * stride, width) }
        case .glu:
            let half = width / 2
            for r in 0..<rows {
                let row = data + r * stride
                for i in 0..<half { row[i] = row[i] * Self.sigmoid(row[half + i]) }
            }
        }
    }

    // MARK: Definitions shared by several cases

    static let seluAlpha: Float = 1.6732632423543772848170429916717
    static let seluScale: Float = 1.0507009873554804934193349852946
    static let inverseSquareRootOfTwo: Float = 0.70710678118654752440
    static let squareRootOfTwoOverPi: Float = 0.79788456080286535588

    @inline(__always)
    static func sigmoid(_ x: Float) -> Float {
        // Symmetric form: exp never overflows.
        if x >= 0 {
            return 1 / (1 + exp(-x))
        }
        let e = exp(x)
        return e / (1 + e)
    }

    @inline(__always)
    static func softplus(_ x: Float) -> Float {
        // log1p(exp(x)) without overflow: max(x, 0) + log1p(exp(-|x|)).
        max(x, 0) + log1p(exp(-abs(x)))
    }

    @inline(__always)
    static func generalReLU(_ x: Float, negativeSlope: Float, maxValue: Float?, threshold: Float) -> Float {
        // Follows Keras' ReLU.static_call step by step, including that a non-zero threshold
        // keeps values in (threshold, 0) when no maximum is given.
        var y: Float
        if threshold != 0 {
            y = x > threshold ? x : 0
        } else {
            y = max(x, 0)
        }
        if let maxValue {
            y = min(max(y, 0), maxValue)
        }
        if negativeSlope != 0 {
            y -= negativeSlope * max(threshold - x, 0)
        }
        return y
    }

    static func softmaxRow(_ row: UnsafeMutablePointer<Float>, _ width: Int) {
        guard width > 0 else { return }
        var largest = row[0]
        for i in 1..<width { largest = max(largest, row[i]) }
        var sum: Float = 0
        for i in 0..<width {
            row[i] = exp(row[i] - largest)
            sum += row[i]
        }
        for i in 0..<width { row[i] /= sum }
    }

    static func logSoftmaxRow(_ row: UnsafeMutablePointer<Float>, _ width: Int) {
        guard width > 0 else { return }
        var largest = row[0]
        for i in 1..<width { largest = max(largest, row[i]) }
        var sum: Float = 0
        for i in 0..<width { sum += exp(row[i] - largest) }
        let logSum = log(sum)
        for i in 0..<width { row[i] = row[i] - largest - logSum }
    }

    static func sparsemaxRow(_ row: UnsafeMutablePointer<Float>, _ width: Int) {
        guard width > 0 else { return }
        let sorted = UnsafeBufferPointer(start: row, count: width).sorted(by: >)
        var cumulative: Float = 0
        var supportSize: Float = 0
        var supportCumulativeSum: Float = 0
        for (index, value) in sorted.enumerated() {
            cumulative += value
            if value - (cumulative - 1) / Float(index + 1) > 0 {
                supportSize += 1
                supportCumulativeSum += cumulative
            }
        }
        let tau = (supportCumulativeSum - 1) / supportSize
        for i in 0..<width { row[i] = max(row[i] - tau, 0) }
    }
}

@inline(__always)
private func map(
    _ data: UnsafeMutablePointer<Float>, _ rows: Int, _ width: Int, _ stride: Int,
    _ body: (Float) -> Float
) {
    if stride == width {
        for i in 0..<(rows * width) { data[i] = body(data[i]) }
        return
    }
    for r in 0..<rows {
        let row = data + r * stride
        for i in 0..<width { row[i] = body(row[i]) }
    }
}
