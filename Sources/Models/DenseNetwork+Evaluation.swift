/// The network compiled for evaluation: parameters laid out for SIMD arithmetic and a
/// buffer per layer for blocks of `blockRows` rows (the `EvaluationBuffers` of a thread).
///
/// Row widths are padded to multiples of 8 floats so a dense layer computes 8 units with
/// one `SIMD8<Float>` multiply and add; padding lanes hold zeros in the kernel and bias
/// and are never read as features.
struct Plan: Sendable {
    /// Rows evaluated together: the buffers of every layer for a block stay in L2.
    static let blockRows = 256

    enum Kernel: Sendable {
        case input
        case dense(kernel: [Float], bias: [Float], paddedUnits: Int, activation: Activation)
        case affine(scale: [Float], shift: [Float])
        case standardize(mean: [Float], divisor: [Float])
        case activation(Activation, inputWidth: Int)
        case parametricReLU(alpha: [Float])
        case alias
        case merge(NetworkLayer.Merge)
        case concatenate
    }

    struct Step: Sendable {
        var kernel: Kernel
        var inputs: [Int]
        var width: Int
        /// Floats between consecutive rows of this step's buffer.
        var stride: Int
        /// Where this step's buffer starts in the `EvaluationBuffers`, in floats.
        var offset: Int
    }

    let steps: [Step]
    let inputWidth: Int
    let outputStep: Int
    let outputColumn: Int
    /// Floats the buffers hold.
    let bufferFloats: Int

    init(layers: [NetworkLayer], widths: [Int], inputLayer: Int, outputLayer: Int) {
        var steps: [Step] = []
        var used = 0
        for (index, layer) in layers.enumerated() {
            let width = widths[index]
            let stride = Self.padded(width)
            var kernel: Kernel
            let inputWidth = layer.inputs.first.map { widths[$0] } ?? width
            switch layer.operation {
            case .input:
                kernel = .input
            case let .dense(units, weights, bias, activation):
                let paddedUnits = Self.padded(units)
                var padded = [Float](repeating: 0, count: inputWidth * paddedUnits)
                for k in 0..<inputWidth {
                    for j in 0..<units { padded[k * paddedUnits + j] = weights[k * units + j] }
                }
                var paddedBias = [Float](repeating: 0, count: paddedUnits)
                if let bias { paddedBias.replaceSubrange(0..<units, with: bias) }
                kernel = .dense(kernel: padded, bias: paddedBias, paddedUnits: paddedUnits, activation: activation)
            case let .batchNormalization(mean, variance, scale, offset, epsilon):
                // TensorFlow's order: inv = rsqrt(var + eps) * gamma; shift = beta - mean * inv.
                var inv = variance.map { 1 / ($0 + epsilon).squareRoot() }
                if let scale { inv = zip(inv, scale).map { $0 * $1 } }
                var shift = zip(mean, inv).map { -($0 * $1) }
                if let offset { shift = (0..<width).map { offset[$0] - mean[$0] * inv[$0] } }
                kernel = .affine(scale: inv, shift: shift)
            case let .normalization(mean, variance):
                let means = mean.count == 1 ? Array(repeating: mean[0], count: width) : mean
                let variances = variance.count == 1 ? Array(repeating: variance[0], count: width) : variance
                kernel = .standardize(mean: means, divisor: variances.map { max($0.squareRoot(), 1e-7) })
            case let .activation(activation):
                kernel = .activation(activation, inputWidth: inputWidth)
            case let .parametricReLU(alpha):
                kernel = .parametricReLU(alpha: alpha.count == 1 ? Array(repeating: alpha[0], count: width) : alpha)
            case .identity:
                kernel = .alias
            case let .merge(merge):
                kernel = .merge(merge)
            case .concatenate:
                kernel = .concatenate
            }
            var offset = used
            if case .alias = kernel, let source = layer.inputs.first {
                offset = steps[source].offset
            } else {
                used += stride * Self.blockRows
            }
            steps.append(Step(kernel: kernel, inputs: layer.inputs, width: width, stride: stride, offset: offset))
        }
        self.steps = steps
        self.inputWidth = widths[inputLayer]
        self.outputStep = outputLayer
        self.outputColumn = widths[outputLayer] == 2 ? 1 : 0
        self.bufferFloats = used
    }

    static func padded(_ width: Int) -> Int { max(8, (width + 7) / 8 * 8) }

    /// Evaluates `rows` (at most ``blockRows``) rows of `inputWidth` features at `input`,
    /// writing one score per row at `output`.
    func evaluate(
        rows: Int, input: UnsafePointer<Float>, buffers: EvaluationBuffers, output: UnsafeMutablePointer<Double>
    ) {
        let base = buffers.floats
        for step in steps {
            let out = base + step.offset
            switch step.kernel {
            case .alias:
                continue
            case .input:
                for r in 0..<rows {
                    (out + r * step.stride).update(from: input + r * step.width, count: step.width)
                }
            case let .dense(kernel, bias, paddedUnits, activation):
                let source = steps[step.inputs[0]]
                kernel.withUnsafeBufferPointer { kernel in
                    bias.withUnsafeBufferPointer { bias in
                        denseBlock(
                            rows: rows, input: base + source.offset, inputStride: source.stride,
                            inputWidth: source.width, kernel: kernel, bias: bias,
                            paddedUnits: paddedUnits, output: out, outputStride: step.stride)
                    }
                }
                activation.apply(to: out, rows: rows, width: step.width, stride: step.stride)
            case let .affine(scale, shift):
                let source = steps[step.inputs[0]]
                for r in 0..<rows {
                    let x = base + source.offset + r * source.stride
                    let y = out + r * step.stride
                    for i in 0..<step.width { y[i] = x[i] * scale[i] + shift[i] }
                }
            case let .standardize(mean, divisor):
                let source = steps[step.inputs[0]]
                for r in 0..<rows {
                    let x = base + source.offset + r * source.stride
                    let y = out + r * step.stride
                    for i in 0..<step.width { y[i] = (x[i] - mean[i]) / divisor[i] }
                }
            case let .activation(activation, inputWidth):
                let source = steps[step.inputs[0]]
                for r in 0..<rows {
                    (out + r * step.stride).update(from: base + source.offset + r * source.stride, count: inputWidth)
                }
                activation.apply(to: out, rows: rows, width: inputWidth, stride: step.stride)
            case let .parametricReLU(alpha):
                let source = steps[step.inputs[0]]
                for r in 0..<rows {
                    let x = base + source.offset + r * source.stride
                    let y = out + r * step.stride
                    for i in 0..<step.width { y[i] = max(x[i], 0) - alpha[i] * max(-x[i], 0) }
                }
            case let .merge(merge):
                merged(merge, step: step, rows: rows, base: base, out: out)
            case .concatenate:
                for r in 0..<rows {
                    var column = 0
                    for index in step.inputs {
                        let source = steps[index]
                        (out + r * step.stride + column)
                            .update(from: base + source.offset + r * source.stride, count: source.width)
                        column += source.width
                    }
                }
            }
        }
        let last = steps[outputStep]
        let result = base + last.offset + outputColumn
        for r in 0..<rows { output[r] = Double(result[r * last.stride]) }
    }

    private func merged(
        _ merge: NetworkLayer.Merge, step: Step, rows: Int, base: UnsafeMutablePointer<Float>,
        out: UnsafeMutablePointer<Float>
    ) {
        let first = steps[step.inputs[0]]
        for r in 0..<rows {
            (out + r * step.stride).update(from: base + first.offset + r * first.stride, count: step.width)
        }
        for index in step.inputs.dropFirst() {
            let source = steps[index]
            for r in 0..<rows {
                let x = base + source.offset + r * source.stride
                let y = out + r * step.stride
                switch merge {
                case .add, .average: for i in 0..<step.width { y[i] += x[i] }
                case .subtract: for i in 0..<step.width { y[i] -= x[i] }
                case .multiply: for i in 0..<step.width { y[i] *= x[i] }
                case .maximum: for i in 0..<step.width { y[i] = max(y[i], x[i]) }
                case .minimum: for i in 0..<step.width { y[i] = min(y[i], x[i]) }
                }
            }
        }
        if merge == .average {
            let count = Float(step.inputs.count)
            for r in 0..<rows {
                let y = out + r * step.stride
                for i in 0..<step.width { y[i] /= count }
            }
        }
    }
}

/// `output = input · kernel + bias` for a block of rows, 8 units at a time.
///
/// `kernel` is `inputWidth × paddedUnits` row-major with zero padding; sums run over the
/// inputs in order, in float32 (Keras' own order may differ in the last bits).
@inline(__always)
private func denseBlock(
    rows: Int, input: UnsafePointer<Float>, inputStride: Int, inputWidth: Int,
    kernel: UnsafeBufferPointer<Float>, bias: UnsafeBufferPointer<Float>, paddedUnits: Int,
    output: UnsafeMutablePointer<Float>, outputStride: Int
) {
    guard let kernelBase = kernel.baseAddress, let biasBase = bias.baseAddress else { return }
    let w = UnsafeRawPointer(kernelBase)
    let b = UnsafeRawPointer(biasBase)
    let chunks = paddedUnits / 8
    let vector = MemoryLayout<SIMD8<Float>>.stride
    switch chunks {
    case 1: denseRows(rows, input, inputStride, inputWidth, w, b, output, outputStride, chunks: 1)
    case 2: denseRows(rows, input, inputStride, inputWidth, w, b, output, outputStride, chunks: 2)
    case 3: denseRows(rows, input, inputStride, inputWidth, w, b, output, outputStride, chunks: 3)
    case 4: denseRows(rows, input, inputStride, inputWidth, w, b, output, outputStride, chunks: 4)
    default:
        for r in 0..<rows {
            let x = input + r * inputStride
            let y = UnsafeMutableRawPointer(output + r * outputStride)
            for c in 0..<chunks {
                y.storeBytes(
                    of: b.loadUnaligned(fromByteOffset: c * vector, as: SIMD8<Float>.self),
                    toByteOffset: c * vector, as: SIMD8<Float>.self)
            }
            for k in 0..<inputWidth {
                let xv = SIMD8<Float>(repeating: x[k])
                let row = w + k * paddedUnits * 4
                for c in 0..<chunks {
                    let acc =
                        y.loadUnaligned(fromByteOffset: c * vector, as: SIMD8<Float>.self)
                        + xv * row.loadUnaligned(fromByteOffset: c * vector, as: SIMD8<Float>.self)
                    y.storeBytes(of: acc, toByteOffset: c * vector, as: SIMD8<Float>.self)
                }
            }
        }
    }
}

/// The dense kernel for up to 32 units: the accumulators stay in registers across the
/// inputs (`chunks` is a constant at each call site, so the loops unroll).
@inline(__always)
private func denseRows(
    _ rows: Int, _ input: UnsafePointer<Float>, _ inputStride: Int, _ inputWidth: Int,
    _ w: UnsafeRawPointer, _ b: UnsafeRawPointer, _ output: UnsafeMutablePointer<Float>,
    _ outputStride: Int, chunks: Int
) {
    let vector = MemoryLayout<SIMD8<Float>>.stride
    let rowBytes = chunks * vector
    let b0 = b.loadUnaligned(as: SIMD8<Float>.self)
    let b1 = chunks > 1 ? b.loadUnaligned(fromByteOffset: vector, as: SIMD8<Float>.self) : .zero
    let b2 = chunks > 2 ? b.loadUnaligned(fromByteOffset: 2 * vector, as: SIMD8<Float>.self) : .zero
    let b3 = chunks > 3 ? b.loadUnaligned(fromByteOffset: 3 * vector, as: SIMD8<Float>.self) : .zero
    for r in 0..<rows {
        let x = input + r * inputStride
        var a0 = b0, a1 = b1, a2 = b2, a3 = b3
        var row = w
        for k in 0..<inputWidth {
            let xv = SIMD8<Float>(repeating: x[k])
            a0 += xv * row.loadUnaligned(as: SIMD8<Float>.self)
            if chunks > 1 { a1 += xv * row.loadUnaligned(fromByteOffset: vector, as: SIMD8<Float>.self) }
            if chunks > 2 { a2 += xv * row.loadUnaligned(fromByteOffset: 2 * vector, as: SIMD8<Float>.self) }
            if chunks > 3 { a3 += xv * row.loadUnaligned(fromByteOffset: 3 * vector, as: SIMD8<Float>.self) }
            row += rowBytes
        }
        let y = UnsafeMutableRawPointer(output + r * outputStride)
        y.storeBytes(of: a0, as: SIMD8<Float>.self)
        if chunks > 1 { y.storeBytes(of: a1, toByteOffset: vector, as: SIMD8<Float>.self) }
        if chunks > 2 { y.storeBytes(of: a2, toByteOffset: 2 * vector, as: SIMD8<Float>.self) }
        if chunks > 3 { y.storeBytes(of: a3, toByteOffset: 3 * vector, as: SIMD8<Float>.self) }
    }
}

/// Scratch memory for evaluating one block of rows: a buffer per layer. One per thread;
/// `deallocate()` when done.
final class EvaluationBuffers {
    let floats: UnsafeMutablePointer<Float>

    init(plan: Plan) {
        floats = .allocate(capacity: max(plan.bufferFloats, 8))
        floats.initialize(repeating: 0, count: max(plan.bufferFloats, 8))
    }

    func deallocate() { floats.deallocate() }
}
