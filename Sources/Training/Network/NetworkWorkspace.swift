import Foundation
import Models

/// The buffers one thread needs to run a part of a batch forward and backward: the rows'
/// features, every layer's activations and deltas, and the gradient it sums.
///
/// Matrices are kept feature-major (one row of `stride` values per unit, the batch's rows
/// along it), so every inner loop runs over rows with `SIMD8<Float>`: a dense layer is a
/// sum of scaled rows, its weight gradient a set of dot products. `stride` is a multiple
/// of ``NetworkWorkspace/tile``; the rows past the part's `count` are padding, kept at
/// zero delta so they add nothing to the gradient.
///
/// Owns unsafe memory: one workspace is used by one thread at a time, and freed with
/// ``deallocate()``.
final class NetworkWorkspace: @unchecked Sendable {
    /// Rows handled per inner tile: four `SIMD8<Float>` accumulators.
    static let tile = 32

    let layout: ParameterLayout
    let stride: Int
    /// `inputCount × stride`: the part's features, transposed.
    let input: UnsafeMutablePointer<Float>
    /// Per layer, `units × stride`: activations (the last layer keeps its logits).
    let activations: [UnsafeMutablePointer<Float>]
    /// Per layer, `units × stride`: the loss's derivative by the layer's pre-activation.
    let deltas: [UnsafeMutablePointer<Float>]
    /// The labels of the part, as 0 or 1.
    let labels: UnsafeMutablePointer<Float>
    /// The gradient of this part's rows' share of the batch loss (flat layout).
    let gradient: UnsafeMutablePointer<Float>

    /// After ``forward(parameters:count:)`` and ``lossAndDeltas(count:scale:)``: the sum
    /// over the part's rows of binary cross-entropy, and how many were classified right.
    var lossSum: Double = 0
    var correct: Int = 0

    private var allocations: [UnsafeMutableRawPointer] = []

    /// Buffers for parts of up to `rows` rows.
    init(layout: ParameterLayout, rows: Int) {
        self.layout = layout
        let tile = Self.tile
        let stride = max(tile, (rows + tile - 1) / tile * tile)
        self.stride = stride
        var allocations: [UnsafeMutableRawPointer] = []
        func make(_ count: Int) -> UnsafeMutablePointer<Float> {
            let raw = UnsafeMutableRawPointer.allocate(byteCount: max(1, count) * 4, alignment: 64)
            allocations.append(raw)
            let pointer = raw.bindMemory(to: Float.self, capacity: max(1, count))
            pointer.initialize(repeating: 0, count: max(1, count))
            return pointer
        }
        input = make(layout.inputCount * stride)
        activations = layout.units.map { make($0 * stride) }
        deltas = layout.units.map { make($0 * stride) }
        labels = make(stride)
        gradient = make(layout.count)
        self.allocations = allocations
    }

    func deallocate() {
        for raw in allocations { raw.deallocate() }
        allocations = []
    }

    // MARK: Filling

    /// Copies `count` rows into the part, transposed: row `r` of the part is row
    /// `rowIndices[r]` of `features` (row-major, `inputCount` wide); the rest is zeroed.
    func gather(
        features: UnsafePointer<Float>, labels source: UnsafePointer<UInt8>,
        rowIndices: UnsafePointer<Int32>, count: Int
    ) {
        precondition(count <= stride, "NetworkWorkspace: \(count) rows in a part of \(stride)")
        let width = layout.inputCount
        for r in 0..<count {
            let row = Int(rowIndices[r])
            let values = features + row * width
            for f in 0..<width { input[f * stride + r] = values[f] }
            labels[r] = Float(source[row])
        }
        clearPadding(from: count)
    }

    /// Copies `count` consecutive rows starting at `first`.
    func gather(features: UnsafePointer<Float>, labels source: UnsafePointer<UInt8>, first: Int, count: Int) {
        precondition(count <= stride, "NetworkWorkspace: \(count) rows in a part of \(stride)")
        let width = layout.inputCount
        for r in 0..<count {
            let values = features + (first + r) * width
            for f in 0..<width { input[f * stride + r] = values[f] }
            labels[r] = Float(source[first + r])
        }
        clearPadding(from: count)
    }

    private func clearPadding(from count: Int) {
        guard count < stride else { return }
        for f in 0..<layout.inputCount {
            (input + f * stride + count).update(repeating: 0, count: stride - count)
        }
        (labels + count).update(repeating: 0, count: stride - count)
    }

    // MARK: Forward

    /// Runs the part's rows through the network; the last layer's buffer keeps the logits
    /// (the output's sigmoid is folded into the loss, as Keras folds it).
    func forward(parameters: UnsafePointer<Float>, count: Int) {
        let rows = (count + Self.tile - 1) / Self.tile * Self.tile
        var source = UnsafePointer(input)
        for layer in 0..<layout.layerCount {
            let isOutput = layer == layout.layerCount - 1
            let activation = layout.activations[layer]
            Self.denseForward(
                input: source, fanIn: layout.fanIn[layer],
                kernel: parameters + layout.kernelOffset[layer], bias: parameters + layout.biasOffset[layer],
                units: layout.units[layer], output: activations[layer], stride: stride, rows: rows,
                relu: !isOutput && activation == .relu)
            if !isOutput, activation != .relu {
                Self.activate(activations[layer], count: layout.units[layer] * stride, activation)
            }
            source = UnsafePointer(activations[layer])
        }
    }

    /// `output[j][r] = bias[j] + Σ_i kernel[i][j] · input[i][r]` for the first `rows` rows
    /// (a multiple of ``tile``), with `max(·, 0)` applied when `relu`.
    static func denseForward(
        input: UnsafePointer<Float>, fanIn: Int, kernel: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        units: Int, output: UnsafeMutablePointer<Float>, stride: Int, rows: Int, relu: Bool
    ) {
        let zero = SIMD8<Float>(repeating: 0)
        for j in 0..<units {
            let out = output + j * stride
            var t = 0
            while t < rows {
                var a0 = SIMD8<Float>(repeating: bias[j]), a1 = a0, a2 = a0, a3 = a0
                var x = input + t
                var w = kernel + j
                for _ in 0..<fanIn {
                    let s = SIMD8<Float>(repeating: w.pointee)
                    a0 += s * load(x)
                    a1 += s * load(x + 8)
                    a2 += s * load(x + 16)
                    a3 += s * load(x + 24)
                    x += stride
                    w += units
                }
                if relu {
                    a0 = pointwiseMax(a0, zero); a1 = pointwiseMax(a1, zero)
                    a2 = pointwiseMax(a2, zero); a3 = pointwiseMax(a3, zero)
                }
                store(a0, out + t); store(a1, out + t + 8); store(a2, out + t + 16); store(a3, out + t + 24)
                t += tile
            }
        }
    }

    /// Applies `activation`, one the options' validation let through (``Models/Activation/trainableName``).
    static func activate(_ values: UnsafeMutablePointer<Float>, count: Int, _ activation: Activation) {
        switch activation {
        case .relu(0, nil, 0): for i in 0..<count { values[i] = max(values[i], 0) }
        case .sigmoid: for i in 0..<count { values[i] = sigmoid(values[i]) }
        case .tanh: for i in 0..<count { values[i] = Foundation.tanh(values[i]) }
        case .linear: return
        default: preconditionFailure("\(activation) is not trainable; the options' validation refuses it")
        }
    }

    // MARK: Loss

    /// Binary cross-entropy from the logits `z` in the last layer: Keras' TensorFlow backend
    /// sees that the output is a sigmoid and computes
    /// `max(z, 0) - z·y + log1p(exp(-|z|))` (so its probability clipping at 1e-7 never
    /// applies), whose derivative by `z` is `sigmoid(z) - y`. Sets ``lossSum``,
    /// ``correct``, and the output deltas `scale · (sigmoid(z) - y)` (zero on padding).
    func lossAndDeltas(count: Int, scale: Float) {
        let logits = activations[layout.layerCount - 1]
        let delta = deltas[layout.layerCount - 1]
        var lossSum: Double = 0
        var correct = 0
        for r in 0..<count {
            let z = logits[r], y = labels[r]
            let p = Self.sigmoid(z)
            lossSum += Double(max(z, 0) - z * y + log1p(exp(-abs(z))))
            if (p > 0.5) == (y == 1) { correct += 1 }
            delta[r] = (p - y) * scale
        }
        if count < stride { (delta + count).update(repeating: 0, count: stride - count) }
        self.lossSum = lossSum
        self.correct = correct
    }

    // MARK: Backward

    /// Fills ``gradient`` from the deltas of the output layer back to the first layer.
    func backward(parameters: UnsafePointer<Float>, count: Int) {
        let rows = (count + Self.tile - 1) / Self.tile * Self.tile
        for layer in (0..<layout.layerCount).reversed() {
            let fanIn = layout.fanIn[layer], units = layout.units[layer]
            let below = layer == 0 ? UnsafePointer(input) : UnsafePointer(activations[layer - 1])
            let delta = UnsafePointer(deltas[layer])
            Self.weightGradient(
                input: below, fanIn: fanIn, delta: delta, units: units, stride: stride, rows: rows,
                kernelGradient: gradient + layout.kernelOffset[layer],
                biasGradient: gradient + layout.biasOffset[layer])
            if layer > 0 {
                Self.propagate(
                    delta: delta, units: units, kernel: parameters + layout.kernelOffset[layer], fanIn: fanIn,
                    activations: below, activation: layout.activations[layer - 1],
                    output: deltas[layer - 1], stride: stride, rows: rows)
            }
        }
    }

    /// `kernelGradient[i][j] = Σ_r input[i][r] · delta[j][r]`, `biasGradient[j] = Σ_r delta[j][r]`.
    static func weightGradient(
        input: UnsafePointer<Float>, fanIn: Int, delta: UnsafePointer<Float>, units: Int,
        stride: Int, rows: Int, kernelGradient: UnsafeMutablePointer<Float>, biasGradient: UnsafeMutablePointer<Float>
    ) {
        for j in 0..<units {
            let d = delta + j * stride
            var s0 = SIMD8<Float>(repeating: 0), s1 = s0, s2 = s0, s3 = s0
            var t = 0
            while t < rows {
                s0 += load(d + t); s1 += load(d + t + 8); s2 += load(d + t + 16); s3 += load(d + t + 24)
                t += tile
            }
            biasGradient[j] = ((s0 + s1) + (s2 + s3)).sum()
        }
        for i in 0..<fanIn {
            let x = input + i * stride
            var j = 0
            // Two units at a time: each loaded input vector serves two dot products.
            while j + 1 < units {
                let d0 = delta + j * stride, d1 = d0 + stride
                var a0 = SIMD8<Float>(repeating: 0), a1 = a0, b0 = a0, b1 = a0
                var t = 0
                while t < rows {
                    let x0 = load(x + t), x1 = load(x + t + 8), x2 = load(x + t + 16), x3 = load(x + t + 24)
                    a0 += x0 * load(d0 + t) + x1 * load(d0 + t + 8)
                    a1 += x2 * load(d0 + t + 16) + x3 * load(d0 + t + 24)
                    b0 += x0 * load(d1 + t) + x1 * load(d1 + t + 8)
                    b1 += x2 * load(d1 + t + 16) + x3 * load(d1 + t + 24)
                    t += tile
                }
                kernelGradient[i * units + j] = (a0 + a1).sum()
                kernelGradient[i * units + j + 1] = (b0 + b1).sum()
                j += 2
            }
            if j < units {
                let d0 = delta + j * stride
                var a0 = SIMD8<Float>(repeating: 0), a1 = a0
                var t = 0
                while t < rows {
                    a0 += load(x + t) * load(d0 + t) + load(x + t + 8) * load(d0 + t + 8)
                    a1 += load(x + t + 16) * load(d0 + t + 16) + load(x + t + 24) * load(d0 + t + 24)
                    t += tile
                }
                kernelGradient[i * units + j] = (a0 + a1).sum()
            }
        }
    }

    /// The deltas of the layer below: `output[i][r] = f'(activations[i][r]) · Σ_j kernel[i][j] · delta[j][r]`,
    /// with `f'` written in terms of the activation's output (relu: 1 where it is positive).
    static func propagate(
        delta: UnsafePointer<Float>, units: Int, kernel: UnsafePointer<Float>, fanIn: Int,
        activations: UnsafePointer<Float>, activation: Activation,
        output: UnsafeMutablePointer<Float>, stride: Int, rows: Int
    ) {
        let zero = SIMD8<Float>(repeating: 0), one = SIMD8<Float>(repeating: 1)
        for i in 0..<fanIn {
            let weights = kernel + i * units
            let a = activations + i * stride
            let out = output + i * stride
            var t = 0
            while t < rows {
                var a0 = zero, a1 = zero, a2 = zero, a3 = zero
                var d = delta + t
                for j in 0..<units {
                    let s = SIMD8<Float>(repeating: weights[j])
                    a0 += s * load(d)
                    a1 += s * load(d + 8)
                    a2 += s * load(d + 16)
                    a3 += s * load(d + 24)
                    d += stride
                }
                func derivative(_ y: SIMD8<Float>) -> SIMD8<Float> {
                    switch activation {
                    case .relu(0, nil, 0): return zero.replacing(with: one, where: y .> zero)
                    case .sigmoid: return y * (one - y)
                    case .tanh: return one - y * y
                    case .linear: return one
                    default: preconditionFailure("\(activation) is not trainable; the options' validation refuses it")
                    }
                }
                store(a0 * derivative(load(a + t)), out + t)
                store(a1 * derivative(load(a + t + 8)), out + t + 8)
                store(a2 * derivative(load(a + t + 16)), out + t + 16)
                store(a3 * derivative(load(a + t + 24)), out + t + 24)
                t += tile
            }
        }
    }

    // MARK: Helpers

    @inline(__always)
    static func sigmoid(_ x: Float) -> Float {
        // The symmetric form never overflows exp; it is the form Models' inference uses.
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }
}

@inline(__always)
private func load(_ pointer: UnsafePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
}

@inline(__always)
private func load(_ pointer: UnsafeMutablePointer<Float>) -> SIMD8<Float> {
    UnsafeRawPointer(pointer).loadUnaligned(as: SIMD8<Float>.self)
}

@inline(__always)
private func store(_ value: SIMD8<Float>, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD8<Float>.self)
}
