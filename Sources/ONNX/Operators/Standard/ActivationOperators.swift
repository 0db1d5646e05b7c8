import Foundation
import Models

extension ONNXOperatorRegistry {
    /// Activations, Softmax and Clip.
    static let activationOperators: [ONNXOperator] = [
        activation("Relu") { _ throws(ONNXError) in .relu },
        activation("LeakyRelu") { a throws(ONNXError) in .leakyReLU(negativeSlope: try a.float("alpha", default: 0.01)) },
        activation("Elu") { a throws(ONNXError) in .elu(alpha: try a.float("alpha", default: 1)) },
        activation("Selu") { a throws(ONNXError) in
            .selu(
                alpha: try a.float("alpha", default: 1.67326319217681884765625),
                scale: try a.float("gamma", default: 1.05070102214813232421875))
        },
        activation("Sigmoid") { _ throws(ONNXError) in .sigmoid },
        activation("HardSigmoid") { a throws(ONNXError) in
            .linearHardSigmoid(alpha: try a.float("alpha", default: 0.2), beta: try a.float("beta", default: 0.5))
        },
        activation("Tanh") { _ throws(ONNXError) in .tanh },
        activation("Softplus") { _ throws(ONNXError) in .softplus },
        activation("Softsign") { _ throws(ONNXError) in .softsign },
        activation("Gelu") { a throws(ONNXError) in
            switch try a.string("approximate") ?? "none" {
            case "tanh": return .gelu(approximate: true)
            case "none": return .gelu(approximate: false)
            case let other: throw .malformed("Gelu has approximate='\(other)'")
            }
        },
        ONNXOperator(type: "PRelu") { context throws(ONNXError) in
            try context.requireArity(inputs: 2...2)
            return { inputs throws(ONNXError) in
                let x = try inputs.floats(0), slope = try inputs.floats(1)
                let shape = try Broadcasting.shape([x.shape, slope.shape], node: inputs.node)
                guard shape == x.shape else { throw .evaluation(inputs.node, "slope of shape \(slope.shape) does not fit \(x.shape)") }
                let y = Broadcasting.apply(x.values, x.shape, slope.values, slope.shape, output: shape) { $0 >= 0 ? $0 : $0 * $1 }
                return [.tensor(ONNXTensor(unchecked: shape, .float(y)))]
            }
        },
        softmax("Softmax", log: false),
        softmax("LogSoftmax", log: true),
        ONNXOperator(type: "Clip", prepare: prepareClip),
    ]

    /// An elementwise activation on float or double tensors, in the tensor's precision;
    /// `read` reads its attributes.
    static func activation(
        _ type: String, _ read: @escaping @Sendable (ONNXAttributes) throws(ONNXError) -> Activation
    ) -> ONNXOperator {
        ONNXOperator(type: type) { context throws(ONNXError) in
            try context.requireArity(inputs: 1...1)
            let f = try read(context.attributes)
            return { inputs throws(ONNXError) in
                let x = try inputs.tensor(0)
                switch x.storage {
                case let .float(v): return [.tensor(ONNXTensor(unchecked: x.shape, .float(f.map(v))))]
                case let .double(v): return [.tensor(ONNXTensor(unchecked: x.shape, .double(f.map(v))))]
                default: throw .evaluation(inputs.node, "\(type) of a \(x.elementType.name) tensor is not supported")
                }
            }
        }
    }

    /// Softmax (or LogSoftmax): before opset 13 over all dimensions from `axis` on (default 1,
    /// the input seen as a matrix); from 13 over the one dimension `axis` (default -1).
    static func softmax(_ type: String, log takeLog: Bool) -> ONNXOperator {
        ONNXOperator(type: type) { context throws(ONNXError) in
            try context.requireArity(inputs: 1...1)
            let modern = context.opsetVersion >= 13
            let axis = try context.attributes.int("axis", default: modern ? -1 : 1)
            return { inputs throws(ONNXError) in
                let x = try inputs.tensor(0)
                guard let values = x.doubles, x.elementType == .float || x.elementType == .double else {
                    throw .evaluation(inputs.node, "\(type) of a \(x.elementType.name) tensor is not supported")
                }
                let a = try ONNXTensor.normalizedAxis(axis, rank: x.rank, node: inputs.node)
                // Elements are grouped as [outer, length, inner]: softmax runs along `length`.
                let length = modern ? x.shape[a] : x.shape[a...].reduce(1, *)
                let inner = modern ? x.shape[(a + 1)...].reduce(1, *) : 1
                var out = values
                if length > 0 && inner > 0 {
                    for block in 0..<(values.count / (length * inner)) {
                        for i in 0..<inner {
                            let base = block * length * inner + i
                            var peak = -Double.infinity
                            for k in 0..<length { peak = Swift.max(peak, values[base + k * inner]) }
                            var sum = 0.0
                            for k in 0..<length {
                                out[base + k * inner] = exp(values[base + k * inner] - peak)
                                sum += out[base + k * inner]
                            }
                            if takeLog {
                                let logSum = Foundation.log(sum)
                                for k in 0..<length { out[base + k * inner] = values[base + k * inner] - peak - logSum }
                            } else {
                                for k in 0..<length { out[base + k * inner] /= sum }
                            }
                        }
                    }
                }
                let storage: ONNXTensor.Storage = x.elementType == .float ? .float(out.map { Float($0) }) : .double(out)
                return [.tensor(ONNXTensor(unchecked: x.shape, storage))]
            }
        }
    }

    /// Clip: bounds from attributes `min`/`max` before opset 11, from optional scalar inputs after.
    private static func prepareClip(_ context: ONNXNodeContext) throws(ONNXError) -> ONNXKernel {
        try context.requireArity(inputs: 1...3)
        let attributeLow = try context.attributes.float("min").map(Double.init)
        let attributeHigh = try context.attributes.float("max").map(Double.init)
        return { inputs throws(ONNXError) in
            let x = try inputs.tensor(0)
            func bound(_ index: Int, _ attribute: Double?, _ fallback: Double) throws(ONNXError) -> Double {
                guard context.opsetVersion >= 11 else { return attribute ?? fallback }
                guard let tensor = try inputs.optionalTensor(index) else { return fallback }
                guard tensor.count == 1, let value = tensor.doubles?.first else {
                    throw .evaluation(inputs.node, "Clip's bound \(index) must be one number")
                }
                return value
            }
            let low = try bound(1, attributeLow, -.infinity), high = try bound(2, attributeHigh, .infinity)
            switch x.storage {
            case let .float(v):
                let lo = Float(low), hi = Float(high)
                return [.tensor(ONNXTensor(unchecked: x.shape, .float(v.map { Swift.min(Swift.max($0, lo), hi) })))]
            case let .double(v):
                return [.tensor(ONNXTensor(unchecked: x.shape, .double(v.map { Swift.min(Swift.max($0, low), high) })))]
            case let .int64(v):
                let lo = Int64(exactly: low.rounded(.up)) ?? .min, hi = Int64(exactly: high.rounded(.down)) ?? .max
                return [.tensor(ONNXTensor(unchecked: x.shape, .int64(v.map { Swift.min(Swift.max($0, lo), hi) })))]
            default:
                throw .evaluation(inputs.node, "Clip of a \(x.elementType.name) tensor is not supported")
            }
        }
    }
}
