import Foundation
import Models

/// The elementwise activations of the ONNX operators (`Relu`, `LeakyRelu`, `Elu`, `Selu`,
/// `Sigmoid`, `HardSigmoid`, `Tanh`, `Softplus`, `Softsign`, `Gelu`), computed as
/// onnxruntime computes them: in the tensor's own precision (float for float tensors), each
/// formula written once for both.
extension Activation {
    /// The activation of every element of `values`; ReLU gets a loop of its own (so it
    /// vectorizes), the others call ``callAsFunction(_:)`` per element.
    func map<T: ActivationScalar>(_ values: [T]) -> [T] {
        if self == .relu { return values.map { Swift.max($0, 0) } }
        return values.map { self($0) }
    }

    /// The activation at `x`. Only the activations an ONNX operator reads
    /// (`ActivationOperators.swift`) are computed here; no operator makes another.
    @inline(__always)
    func callAsFunction<T: ActivationScalar>(_ x: T) -> T {
        switch self {
        case .relu(0, nil, 0): return Swift.max(x, 0)
        case let .leakyReLU(alpha): return x >= 0 ? x : T(alpha) * x
        // exp(x) - 1 as onnxruntime computes it (glibc's expm1f is several times slower).
        case let .elu(alpha): return x >= 0 ? x : T(alpha) * (T.exp(x) - 1)
        case let .selu(alpha, gamma): return x > 0 ? T(gamma) * x : T(gamma) * (T(alpha) * T.exp(x) - T(alpha))
        case .sigmoid: return 1 / (1 + T.exp(-x))
        case let .linearHardSigmoid(alpha, beta): return Swift.max(0, Swift.min(1, T(alpha) * x + T(beta)))
        case .tanh: return T.tanh(x)
        case .softplus: return x > 0 ? x + T.log1p(T.exp(-x)) : T.log1p(T.exp(x))
        case .softsign: return x / (1 + Swift.abs(x))
        case .gelu(approximate: true):
            return x / 2 * (1 + T.tanh(T((2 / Double.pi).squareRoot()) * (x + T(0.044715) * x * x * x)))
        case .gelu(approximate: false): return x / 2 * (1 + T.erf(x / T(2.0.squareRoot())))
        default: preconditionFailure("\(self) is not the activation of an ONNX operator")
        }
    }
}

/// A float type with the elementary functions the activations need.
protocol ActivationScalar: BinaryFloatingPoint {
    static func exp(_ x: Self) -> Self
    static func log1p(_ x: Self) -> Self
    static func tanh(_ x: Self) -> Self
    static func erf(_ x: Self) -> Self
}

extension Float: ActivationScalar {
    static func exp(_ x: Float) -> Float { expf(x) }
    static func log1p(_ x: Float) -> Float { log1pf(x) }
    /// tanh from one `expf`: `(e - 1) / (e + 1)` with `e = exp(2x)`, `x` clamped to ±10
    /// (where tanh is 1 to float precision). Within 2e-7 of the exact value (a test checks
    /// it), as onnxruntime's own approximation is; glibc's `tanhf` goes through the much
    /// slower `expm1f`.
    static func tanh(_ x: Float) -> Float {
        let e = expf(2 * Swift.min(Swift.max(x, -10), 10))
        return (e - 1) / (e + 1)
    }
    static func erf(_ x: Float) -> Float { erff(x) }
}

extension Double: ActivationScalar {
    static func exp(_ x: Double) -> Double { Foundation.exp(x) }
    static func log1p(_ x: Double) -> Double { Foundation.log1p(x) }
    static func tanh(_ x: Double) -> Double { Foundation.tanh(x) }
    static func erf(_ x: Double) -> Double { Foundation.erf(x) }
}
