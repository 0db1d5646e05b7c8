import Models

/// Where each layer's kernel and bias sit in one flat array of all parameters (and of
/// their gradients and Adam moments): layer by layer, kernel (row-major, `fanIn × units`)
/// then bias.
struct ParameterLayout: Sendable {
    let inputCount: Int
    let fanIn: [Int]
    let units: [Int]
    let activations: [Activation]
    let kernelOffset: [Int]
    let biasOffset: [Int]
    let count: Int

    init(inputCount: Int, specs: [NetworkLayerSpec]) {
        self.inputCount = inputCount
        var fanIn: [Int] = [], kernelOffset: [Int] = [], biasOffset: [Int] = []
        var width = inputCount, offset = 0
        for spec in specs {
            fanIn.append(width)
            kernelOffset.append(offset)
            offset += width * spec.units
            biasOffset.append(offset)
            offset += spec.units
            width = spec.units
        }
        self.fanIn = fanIn
        self.units = specs.map(\.units)
        self.activations = specs.map(\.activation)
        self.kernelOffset = kernelOffset
        self.biasOffset = biasOffset
        self.count = offset
    }

    var layerCount: Int { units.count }

    /// The parameters as one flat array in this layout.
    func flatten(_ parameters: NetworkParameters) -> [Float] {
        var flat = [Float](repeating: 0, count: count)
        for (index, layer) in parameters.layers.enumerated() {
            flat.replaceSubrange(kernelOffset[index]..<kernelOffset[index] + layer.kernel.count, with: layer.kernel)
            flat.replaceSubrange(biasOffset[index]..<biasOffset[index] + layer.bias.count, with: layer.bias)
        }
        return flat
    }

    /// Parameters read back from a flat array in this layout.
    func parameters(from flat: UnsafeBufferPointer<Float>) -> NetworkParameters {
        let layers = (0..<layerCount).map { index in
            DenseLayerParameters(
                inputCount: fanIn[index], units: units[index], activation: activations[index],
                kernel: Array(flat[kernelOffset[index]..<kernelOffset[index] + fanIn[index] * units[index]]),
                bias: Array(flat[biasOffset[index]..<biasOffset[index] + units[index]]))
        }
        return NetworkParameters(inputCount: inputCount, layers: layers)
    }
}
