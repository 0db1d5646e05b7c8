import Foundation

/// A feed-forward network of dense layers and the layers around them, as Keras builds
/// them: a directed acyclic graph of ``NetworkLayer``s, evaluated in float32.
///
/// The output is read as Keras' `predict` gives it: a layer of 1 unit is the signal
/// probability; of 2 units, column 1 is (class 1 is signal). Construction checks every
/// width and parameter count, so `predict` cannot fail on a well-formed batch.
public struct DenseNetwork: Classifier {
    /// The layers, in an order where every layer comes after its inputs.
    public let layers: [NetworkLayer]
    /// Index of the layer whose output is the prediction.
    public let outputLayer: Int
    /// The output width of every layer (same order as ``layers``).
    public let widths: [Int]
    /// Features per row: the width of the input layer.
    public let inputCount: Int
    /// How the output layer's values become one score per row.
    public let output: Output

    let plan: Plan

    /// How a network's output becomes one probability per row.
    public enum Output: String, Sendable, Equatable {
        /// One unit (normally sigmoid): its value.
        case singleUnit
        /// Two units (normally softmax): column 1, the signal class.
        case twoClassColumn1
    }

    /// Builds a network from `layers`, reading its prediction from `outputLayer`.
    ///
    /// - Throws: ``NetworkError`` when there is not exactly one input layer, a layer reads
    ///   a later layer, widths do not fit (merges, dense kernels, per-feature vectors),
    ///   a parameter is not finite, or the output is neither 1 nor 2 wide.
    public init(layers: [NetworkLayer], outputLayer: Int) throws {
        guard layers.indices.contains(outputLayer) else {
            throw NetworkError(layer: nil, "no output layer \(outputLayer) among \(layers.count) layers")
        }
        var widths: [Int] = []
        var inputIndex: Int?
        for (index, layer) in layers.enumerated() {
            for input in layer.inputs where input < 0 || input >= index {
                throw NetworkError(layer: layer.name, "reads layer \(input), which is not before it")
            }
            let inputWidths = layer.inputs.map { widths[$0] }
            let width = try Self.width(of: layer, inputWidths: inputWidths)
            if case .input = layer.operation {
                if inputIndex != nil {
                    throw NetworkError(layer: layer.name, "a second input; only single-input models are supported")
                }
                inputIndex = index
            }
            widths.append(width)
        }
        guard let inputIndex, case let .input(inputCount) = layers[inputIndex].operation else {
            throw NetworkError(layer: nil, "the network has no input layer")
        }
        switch widths[outputLayer] {
        case 1: output = .singleUnit
        case 2: output = .twoClassColumn1
        default:
            throw NetworkError(
                layer: layers[outputLayer].name,
                "the output has \(widths[outputLayer]) units; expected 1 (sigmoid) or 2 (softmax)")
        }
        self.layers = layers
        self.outputLayer = outputLayer
        self.widths = widths
        self.inputCount = inputCount
        self.plan = Plan(layers: layers, widths: widths, inputLayer: inputIndex, outputLayer: outputLayer)
    }

    /// One probability per row: the output unit, or column 1 of a two-unit output.
    ///
    /// Rows are evaluated in blocks; large batches are split across the machine's cores.
    /// - Throws: ``ClassifierError/inputWidth(expected:found:)`` when the rows do not have
    ///   ``inputCount`` features.
    public func predict(_ batch: FeatureBatch) throws -> [Double] {
        guard batch.columns == inputCount else {
            throw ClassifierError.inputWidth(expected: inputCount, found: batch.columns)
        }
        let rows = batch.rows
        guard rows > 0 else { return [] }
        let plan = self.plan
        let blockRows = Plan.blockRows
        let blocks = (rows + blockRows - 1) / blockRows
        // Enough chunks for the cores to share, few enough that each amortizes its buffers.
        let chunkCount = min(blocks, max(1, ProcessInfo.processInfo.activeProcessorCount) * 4)
        let blocksPerChunk = (blocks + chunkCount - 1) / chunkCount
        var result = [Double](repeating: 0, count: rows)
        result.withUnsafeMutableBufferPointer { output in
            // Both exist: rows > 0 and inputCount > 0 (checked at construction).
            guard let outputBase = output.baseAddress, let inputBase = batch.values.baseAddress else { return }
            // Each chunk writes its own rows of `output` and reads its own rows of the batch.
            nonisolated(unsafe) let outputs = outputBase
            nonisolated(unsafe) let inputs = inputBase
            let work: @Sendable (Int) -> Void = { chunk in
                let buffers = EvaluationBuffers(plan: plan)
                defer { buffers.deallocate() }
                let firstBlock = chunk * blocksPerChunk
                let lastBlock = min(blocks, firstBlock + blocksPerChunk)
                guard firstBlock < lastBlock else { return }
                for block in firstBlock..<lastBlock {
                    let start = block * blockRows
                    let count = min(blockRows, rows - start)
                    plan.evaluate(
                        rows: count, input: inputs + start * plan.inputWidth,
                        buffers: buffers, output: outputs + start)
                }
            }
            if chunkCount == 1 {
                work(0)
            } else {
                performInParallel(iterations: chunkCount, work)
            }
        }
        return result
    }

    private static func width(of layer: NetworkLayer, inputWidths: [Int]) throws -> Int {
        func fail(_ message: String) -> NetworkError { NetworkError(layer: layer.name, message) }
        func single() throws -> Int {
            guard inputWidths.count == 1 else { throw fail("expects 1 input, has \(inputWidths.count)") }
            return inputWidths[0]
        }
        func check(_ vector: [Float]?, _ what: String, width: Int, broadcast: Bool = false) throws {
            guard let vector else { return }
            guard vector.count == width || (broadcast && vector.count == 1) else {
                throw fail("\(what) has \(vector.count) values for \(width) features")
            }
            guard vector.allSatisfy(\.isFinite) else { throw fail("\(what) has values that are not finite") }
        }
        switch layer.operation {
        case let .input(width):
            guard inputWidths.isEmpty else { throw fail("an input layer reads no other layer") }
            guard width > 0 else { throw fail("an input of \(width) features") }
            return width
        case let .dense(units, kernel, bias, _):
            let width = try single()
            guard units > 0 else { throw fail("\(units) units") }
            guard kernel.count == width * units else {
                throw fail("kernel has \(kernel.count) values, expected \(width) x \(units)")
            }
            try check(kernel, "kernel", width: width * units)
            try check(bias, "bias", width: units)
            return units
        case let .batchNormalization(mean, variance, scale, offset, epsilon):
            let width = try single()
            try check(mean, "moving mean", width: width)
            try check(variance, "moving variance", width: width)
            try check(scale, "gamma", width: width)
            try check(offset, "beta", width: width)
            guard epsilon.isFinite, epsilon >= 0 else { throw fail("epsilon \(epsilon)") }
            return width
        case let .normalization(mean, variance):
            let width = try single()
            try check(mean, "mean", width: width, broadcast: true)
            try check(variance, "variance", width: width, broadcast: true)
            return width
        case let .activation(activation):
            let width = try single()
            guard let out = activation.outputWidth(forInput: width) else {
                throw fail("activation \(activation) cannot take rows of \(width)")
            }
            return out
        case let .parametricReLU(alpha):
            let width = try single()
            try check(alpha, "alpha", width: width, broadcast: true)
            return width
        case .identity:
            return try single()
        case let .merge(merge):
            guard inputWidths.count >= 2 else { throw fail("merges \(inputWidths.count) input(s); needs 2 or more") }
            if merge == .subtract, inputWidths.count != 2 { throw fail("subtracts exactly 2 inputs") }
            guard Set(inputWidths).count == 1 else {
                throw fail("merges inputs of different widths \(inputWidths)")
            }
            return inputWidths[0]
        case .concatenate:
            guard !inputWidths.isEmpty else { throw fail("concatenates nothing") }
            return inputWidths.reduce(0, +)
        }
    }
}
