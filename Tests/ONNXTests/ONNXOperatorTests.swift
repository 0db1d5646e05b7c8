import Foundation
import Models
import TestSupport
import Testing

@testable import ONNX

/// Operator semantics that differ between opsets, or that the exporter fixtures do not
/// reach, checked on small tensors against values worked out by hand.
@Suite("ONNX operators")
struct ONNXOperatorTests {
    typealias B = ModelBuilder

    /// A model of `width` features whose nodes compute `y`.
    private func model(width: Int, opset: Int64 = 17, _ nodes: [Onnx_NodeProto], _ initializers: [Onnx_TensorProto] = []) -> ModelBuilder {
        var model = ModelBuilder()
        model.width = width
        model.opset = opset
        model.nodes = nodes
        model.initializers = initializers
        return model
    }

    private func input(_ shape: [Int], _ values: [Float]) throws -> ONNXTensor {
        try ONNXTensor(shape: shape, floats: values)
    }

    @Test("Softmax axes before and from opset 13")
    func softmaxAxis() throws {
        let x = try input([1, 2, 2], [0, 0, 1, 1])
        let e = exp(1.0)
        let old = try model(width: 2, opset: 11, [B.node("Softmax", ["x"], ["y"], [B.int("axis", 1)])]).tensor(x)
        #expect(close(old.floats, [0.5 / (1 + e), 0.5 / (1 + e), 0.5 * e / (1 + e), 0.5 * e / (1 + e)]))
        let new = try model(width: 2, opset: 13, [B.node("Softmax", ["x"], ["y"], [B.int("axis", 1)])]).tensor(x)
        #expect(close(new.floats, [1 / (1 + e), 1 / (1 + e), e / (1 + e), e / (1 + e)]))
    }

    /// Whether `values` equal `expected` to float precision.
    private func close(_ values: [Float]?, _ expected: [Double]) -> Bool {
        guard let values, values.count == expected.count else { return false }
        return zip(values, expected).allSatisfy { abs(Double($0) - $1) < 1e-6 }
    }

    @Test("Reshape, Flatten and Transpose as numpy")
    func reshapeTranspose() throws {
        let x = try input([2, 6], (0..<12).map(Float.init))
        let reshaped = try model(
            width: 6,
            [
                B.node("Reshape", ["x", "shape"], ["r"]), B.node("Transpose", ["r"], ["t"], [B.ints("perm", [0, 2, 1])]),
                B.node("Flatten", ["t"], ["y"]),
            ], [B.int64s("shape", [3], [0, -1, 3])]
        ).tensor(x)
        #expect(reshaped.shape == [2, 6])
        #expect(reshaped.floats == [0, 3, 1, 4, 2, 5, 6, 9, 7, 10, 8, 11])
    }

    @Test("Unsqueeze and Squeeze axes before and from opset 13")
    func unsqueezeAxes() throws {
        let x = try input([2, 3], [1, 2, 3, 4, 5, 6])
        let old = try model(width: 3, opset: 11, [B.node("Unsqueeze", ["x"], ["y"], [B.ints("axes", [1, -1])])]).tensor(x)
        #expect(old.shape == [2, 1, 3, 1])
        let new = try model(
            width: 3, opset: 13, [B.node("Unsqueeze", ["x", "axes"], ["u"]), B.node("Squeeze", ["u", "one"], ["y"])],
            [B.int64s("axes", [2], [0, 3]), B.int64s("one", [1], [0])]
        ).tensor(x)
        #expect(new.shape == [2, 3, 1])
        #expect(new.floats == [1, 2, 3, 4, 5, 6])
    }

    @Test("Clip bounds before and from opset 11")
    func clipBounds() throws {
        let x = try input([1, 4], [-3, -0.5, 0.5, 3])
        let old = try model(width: 4, opset: 6, [B.node("Clip", ["x"], ["y"], [B.float("min", -1), B.float("max", 1)])]).tensor(x)
        #expect(old.floats == [-1, -0.5, 0.5, 1])
        let new = try model(width: 4, opset: 13, [B.node("Clip", ["x", "", "high"], ["y"])], [B.floats("high", [], [0])]).tensor(x)
        #expect(new.floats == [-3, -0.5, 0, 0])
    }

    @Test("numpy broadcasting in arithmetic, comparisons and Where")
    func broadcasting() throws {
        let x = try input([2, 3], [1, 2, 3, 4, 5, 6])
        let y = try model(
            width: 3,
            [
                B.node("Sub", ["x", "column"], ["d"]), B.node("Greater", ["d", "zero"], ["g"]),
                B.node("Where", ["g", "d", "minus"], ["y"]),
            ], [B.floats("column", [2, 1], [2, 4]), B.floats("zero", [], [0]), B.floats("minus", [3], [-1, -2, -3])]
        ).tensor(x)
        #expect(y.floats == [-1, -2, 1, -1, 1, 2])
        let bad = model(width: 3, [B.node("Add", ["x", "wrong"], ["y"])], [B.floats("wrong", [2], [1, 2])])
        #expect(throws: ONNXError.self) { try bad.tensor(x) }
    }

    @Test("Gather, Slice (negative step), Concat, Shape")
    func indexing() throws {
        let x = try input([2, 3], [1, 2, 3, 4, 5, 6])
        let gathered = try model(
            width: 3, [B.node("Gather", ["x", "i"], ["y"], [B.int("axis", 1)])],
            [B.int64s("i", [2], [-1, 0])]
        ).tensor(x)
        #expect(gathered.shape == [2, 2] && gathered.floats == [3, 1, 6, 4])
        let sliced = try model(
            width: 3, [B.node("Slice", ["x", "s", "e", "a", "st"], ["y"])],
            [
                B.int64s("s", [1], [-1]), B.int64s("e", [1], [Int64.min]), B.int64s("a", [1], [1]),
                B.int64s("st", [1], [-2]),
            ]
        ).tensor(x)
        #expect(sliced.shape == [2, 2] && sliced.floats == [3, 1, 6, 4])
        let joined = try model(width: 3, [B.node("Concat", ["x", "x"], ["y"], [B.int("axis", -1)])]).tensor(x)
        #expect(joined.shape == [2, 6] && joined.floats == [1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6])
        let shape = try model(width: 3, [B.node("Shape", ["x"], ["y"])]).tensor(x)
        #expect(shape.int64s == [2, 3])
    }

    @Test("ReduceSum, ArgMax, Cast, BatchNormalization, Gemm")
    func reductionsAndLinear() throws {
        let x = try input([2, 3], [1, 5, 3, 4, 2, 6])
        let sum = try model(
            width: 3, [B.node("ReduceSum", ["x", "axes"], ["y"], [B.int("keepdims", 0)])],
            [B.int64s("axes", [1], [1])]
        ).tensor(x)
        #expect(sum.shape == [2] && sum.floats == [9, 12])
        let argmax = try model(
            width: 3,
            [
                B.node("ArgMax", ["x"], ["a"], [B.int("axis", 1)]),
                B.node("Cast", ["a"], ["y"], [B.int("to", 1)]),
            ]
        ).tensor(x)
        #expect(argmax.shape == [2, 1] && argmax.floats == [1, 2])
        let normalized = try model(
            width: 3, [B.node("BatchNormalization", ["x", "s", "b", "m", "v"], ["y"], [B.float("epsilon", 0)])],
            [
                B.floats("s", [3], [1, 2, 1]), B.floats("b", [3], [0, 1, 0]),
                B.floats("m", [3], [1, 1, 1]), B.floats("v", [3], [4, 4, 1]),
            ]
        ).tensor(x)
        #expect(normalized.floats == [0, 5, 2, 1.5, 2, 5])
        let gemm = try model(
            width: 3, [B.node("Gemm", ["x", "w", "c"], ["y"], [B.int("transB", 1), B.float("alpha", 2), B.float("beta", 0.5)])],
            [B.floats("w", [1, 3], [1, 0, -1]), B.floats("c", [1], [4])]
        ).tensor(x)
        #expect(gemm.shape == [2, 1] && gemm.floats == [-2, -2])  // 2 * (x · w) + 0.5 * 4
    }

    @Test("constants folded at read; Constant node values")
    func constantFolding() throws {
        let folded = model(
            width: 2,
            [
                B.node("Constant", [], ["c"], [B.ints("value_ints", [2, 3])]),
                B.node("Cast", ["c"], ["cf"], [B.int("to", 1)]), B.node("Add", ["x", "cf"], ["y"]),
            ])
        let program = try ONNXProgram(graph: ONNXGraph(folded.proto, limits: ONNXLimits()), results: ["y"], limits: ONNXLimits())
        #expect(program.nodeCount == 1)
        #expect(try folded.tensor(input([1, 2], [1, 1])).floats == [3, 4])
    }

    @Test("blocked product equals the plain loop exactly", arguments: [(1, 1, 1), (7, 13, 21), (9, 28, 64), (4, 3, 8), (5, 0, 9)])
    func blockedProduct(_ size: (Int, Int, Int)) {
        let (m, k, n) = size
        var generator = SeededGenerator(seed: UInt64(m * 1000 + k * 10 + n))
        func random() -> Float { Float(Int(generator.next() % 2001) - 1000) / 997 }
        let a = (0..<(m * k)).map { _ in random() }, b = (0..<(k * n)).map { _ in random() }
        let blocked = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { MatrixProduct.multiply(x, $0, m: m, k: k, n: n) } }
        #expect(blocked == MatrixProduct.plainMultiply(a, b, m: m, k: k, n: n))
    }

    @Test("float activations stay within 2e-7 of the exact values")
    func floatActivations() {
        let activations: [Activation] = [
            .tanh, .sigmoid, .elu(alpha: 1), .selu(alpha: 1.6732632, scale: 1.050701),
            .softplus, .gelu(approximate: false), .gelu(approximate: true),
        ]
        for activation in activations {
            var worst = 0.0
            for step in -4000...4000 {
                let x = Float(step) / 400
                worst = max(worst, abs(Double(activation(x)) - activation(Double(x))) / max(1, abs(activation(Double(x)))))
            }
            #expect(worst < 2e-7, "\(activation): \(worst)")
        }
        #expect(Activation.tanh(Float.nan).isNaN)
    }

    @Test("LayerNormalization over the last axis")
    func layerNormalization() throws {
        let x = try input([2, 4], [1, 2, 3, 4, 2, 2, 2, 2])
        let y = try model(
            width: 4, [B.node("LayerNormalization", ["x", "s", "b"], ["y"], [B.float("epsilon", 0)])],
            [B.floats("s", [4], [1, 1, 2, 2]), B.floats("b", [1], [0.5])]
        ).tensor(x)
        let d: Double = 1.25.squareRoot()  // the first row's standard deviation
        let centred: [Double] = [-1.5, -0.5, 0.5, 1.5], scales: [Double] = [1, 1, 2, 2]
        let expected: [Double] = (0..<4).map { centred[$0] / d * scales[$0] + 0.5 }
        #expect(close(Array(y.floats?.prefix(4) ?? []), expected))
        #expect(y.floats?.suffix(4).allSatisfy { $0.isNaN } == true)  // a constant row with epsilon 0: 0/0
    }
}
