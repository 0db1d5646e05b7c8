import Foundation
import TestSupport
import Testing

@testable import Models

/// The SIMD, blocked, multi-threaded evaluation against a plain one written from the
/// definitions, on networks built by hand.
@Suite("Dense networks")
struct DenseNetworkTests {
    /// A deterministic generator, so a failure reproduces.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    static func random(_ count: Int, _ generator: inout Generator, scale: Float = 0.5) -> [Float] {
        (0..<count).map { _ in Float.random(in: -scale...scale, using: &generator) }
    }

    /// The plain evaluation: one row at a time, straight from each operation's definition.
    static func plainPredict(_ network: DenseNetwork, row: [Float]) -> Double {
        var outputs: [[Float]] = []
        for layer in network.layers {
            let inputs = layer.inputs.map { outputs[$0] }
            var y: [Float]
            switch layer.operation {
            case .input: y = row
            case let .dense(units, kernel, bias, activation):
                let x = inputs[0]
                y = (0..<units).map { j in
                    (0..<x.count).reduce(bias?[j] ?? 0) { $0 + x[$1] * kernel[$1 * units + j] }
                }
                y.withUnsafeMutableBufferPointer { activation.apply(to: $0.baseAddress!, rows: 1, width: units, stride: units) }
            case let .batchNormalization(mean, variance, scale, offset, epsilon):
                y = inputs[0].indices.map { i in
                    let inv = 1 / (variance[i] + epsilon).squareRoot() * (scale?[i] ?? 1)
                    return inputs[0][i] * inv + ((offset?[i] ?? 0) - mean[i] * inv)
                }
            case let .normalization(mean, variance):
                y = inputs[0].indices.map { i in
                    let m = mean.count == 1 ? mean[0] : mean[i], v = variance.count == 1 ? variance[0] : variance[i]
                    return (inputs[0][i] - m) / max(v.squareRoot(), 1e-7)
                }
            case let .activation(activation):
                y = inputs[0]
                y.withUnsafeMutableBufferPointer { activation.apply(to: $0.baseAddress!, rows: 1, width: $0.count, stride: $0.count) }
                y = Array(y.prefix(activation.outputWidth(forInput: inputs[0].count) ?? 0))
            case let .parametricReLU(alpha):
                y = inputs[0].enumerated().map { i, x in x >= 0 ? x : (alpha.count == 1 ? alpha[0] : alpha[i]) * x }
            case .identity: y = inputs[0]
            case let .merge(merge):
                y = inputs[0]
                for other in inputs.dropFirst() {
                    for i in y.indices {
                        switch merge {
                        case .add, .average: y[i] += other[i]
                        case .subtract: y[i] -= other[i]
                        case .multiply: y[i] *= other[i]
                        case .maximum: y[i] = max(y[i], other[i])
                        case .minimum: y[i] = min(y[i], other[i])
                        }
                    }
                }
                if merge == .average { y = y.map { $0 / Float(inputs.count) } }
            case .concatenate: y = inputs.flatMap { $0 }
            }
            outputs.append(y)
        }
        let last = outputs[network.outputLayer]
        return Double(last.count == 2 ? last[1] : last[0])
    }

    /// A network touching every operation and the dense kernel's every chunk count
    /// (1–4 SIMD chunks and the general path for more than 32 units).
    static func everything(inputs: Int, seed: UInt64) throws -> DenseNetwork {
        var g = Generator(state: seed)
        func dense(_ name: String, _ input: Int, _ from: Int, _ units: Int, _ activation: Activation, bias: Bool = true) -> NetworkLayer {
            NetworkLayer(
                name: name,
                operation: .dense(
                    units: units, kernel: random(from * units, &g), bias: bias ? random(units, &g) : nil,
                    activation: activation), inputs: [input])
        }
        let positive = random(inputs, &g).map { abs($0) + 0.1 }
        let layers: [NetworkLayer] = [
            NetworkLayer(name: "in", operation: .input(width: inputs), inputs: []),  // 0
            NetworkLayer(name: "norm", operation: .normalization(mean: random(inputs, &g), variance: positive), inputs: [0]),
            dense("d40", 1, inputs, 40, .relu(negativeSlope: 0, maxValue: nil, threshold: 0)),  // 2
            dense("d5", 2, 40, 5, .tanh),  // 3
            dense("d17", 2, 40, 17, .gelu(approximate: false), bias: false),  // 4
            NetworkLayer(
                name: "bn",
                operation: .batchNormalization(
                    mean: random(17, &g), variance: random(17, &g).map { abs($0) }, scale: random(17, &g),
                    offset: nil, epsilon: 1e-3), inputs: [4]),  // 5
            dense("d24", 5, 17, 24, .elu(alpha: 0.7)),  // 6
            dense("d24b", 1, inputs, 24, .silu),  // 7
            NetworkLayer(name: "add", operation: .merge(.add), inputs: [6, 7]),  // 8
            NetworkLayer(name: "avg", operation: .merge(.average), inputs: [6, 7, 8]),  // 9
            NetworkLayer(name: "max", operation: .merge(.maximum), inputs: [9, 7]),  // 10
            NetworkLayer(name: "prelu", operation: .parametricReLU(alpha: random(24, &g)), inputs: [10]),  // 11
            NetworkLayer(name: "drop", operation: .identity, inputs: [11]),  // 12
            dense("d32", 12, 24, 32, .linear),  // 13
            NetworkLayer(name: "soft", operation: .activation(.softmax), inputs: [13]),  // 14
            NetworkLayer(name: "cat", operation: .concatenate, inputs: [3, 14, 12]),  // 15
            dense("d2", 15, 5 + 32 + 24, 2, .softmax),  // 16
        ]
        return try DenseNetwork(layers: layers, outputLayer: layers.count - 1)
    }

    @Test("the fast evaluation equals the plain one", arguments: [1, 7, 255, 256, 257, 1_000])
    func fastEqualsPlain(rows: Int) throws {
        let network = try Self.everything(inputs: 28, seed: 42)
        var g = Generator(state: 7)
        let values = Self.random(rows * 28, &g, scale: 2)
        let fast = try withFeatureBatch(values, columns: 28) { try network.predict($0) }
        let plain = (0..<rows).map { Self.plainPredict(network, row: Array(values[$0 * 28..<($0 + 1) * 28])) }
        #expect(network.output == .twoClassColumn1)
        #expect(maxAbsDifference(fast, plain) < 1e-5)
    }

    @Test("threaded large batch equals small batches")
    func threadsAgree() throws {
        let network = try Self.everything(inputs: 9, seed: 3)
        var g = Generator(state: 11)
        let rows = 20_000
        let values = Self.random(rows * 9, &g, scale: 3)
        let whole = try withFeatureBatch(values, columns: 9) { try network.predict($0) }
        var pieces: [Double] = []
        for start in stride(from: 0, to: rows, by: 999) {
            let end = min(rows, start + 999)
            pieces += try withFeatureBatch(Array(values[start * 9..<end * 9]), columns: 9) { try network.predict($0) }
        }
        #expect(whole == pieces)
        #expect(try withFeatureBatch([], columns: 9) { try network.predict($0) } == [])
    }

    @Test("construction checks widths, order and the output")
    func constructionErrors() {
        let input = NetworkLayer(name: "in", operation: .input(width: 3), inputs: [])
        func build(_ layers: [NetworkLayer]) throws { _ = try DenseNetwork(layers: layers, outputLayer: layers.count - 1) }
        #expect(throws: NetworkError.self) {
            try build([
                input, NetworkLayer(name: "d", operation: .dense(units: 1, kernel: [1, 2], bias: nil, activation: .sigmoid), inputs: [0]),
            ])
        }
        #expect(throws: NetworkError.self) {
            try build([
                input,
                NetworkLayer(
                    name: "d", operation: .dense(units: 3, kernel: .init(repeating: 0, count: 9), bias: nil, activation: .linear),
                    inputs: [0]),
            ])
        }
        #expect(throws: NetworkError.self) {
            try build([input, NetworkLayer(name: "loop", operation: .identity, inputs: [1])])
        }
        #expect(throws: NetworkError.self) {
            try build([input, input])
        }
        #expect(throws: NetworkError.self) {
            try build([
                input,
                NetworkLayer(name: "d", operation: .dense(units: 1, kernel: [1, .nan, 3], bias: nil, activation: .sigmoid), inputs: [0]),
            ])
        }
        let narrow = NetworkLayer(
            name: "d", operation: .dense(units: 2, kernel: .init(repeating: 0, count: 6), bias: nil, activation: .linear), inputs: [0])
        #expect(throws: NetworkError.self) {
            try build([input, narrow, NetworkLayer(name: "add", operation: .merge(.add), inputs: [0, 1])])
        }
    }
}
