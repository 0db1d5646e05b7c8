import Foundation
import Testing
import Training

@Suite("Glorot-uniform start")
struct NetworkParametersTests {
    @Test("Glorot-uniform kernels, zero biases")
    func glorotRanges() {
        let specs = NetworkTrainingOptions.notebookLayers
        let parameters = NetworkParameters(glorotUniformFor: specs, inputCount: 28, seed: 7)
        #expect(parameters.layers.map(\.units) == [28, 14, 7, 1])
        #expect(parameters.parameterCount == 28 * 28 + 28 + 28 * 14 + 14 + 14 * 7 + 7 + 7 + 1)
        var fanIn = 28
        for layer in parameters.layers {
            let limit = Float((6.0 / Double(fanIn + layer.units)).squareRoot())
            #expect(layer.kernel.count == fanIn * layer.units)
            #expect(layer.kernel.allSatisfy { abs($0) <= limit })
            #expect(layer.bias == [Float](repeating: 0, count: layer.units))
            if layer.kernel.count >= 98 {
                // Uniform: the extremes come near the bounds, and the mean near zero.
                #expect(layer.kernel.max()! > 0.8 * limit && layer.kernel.min()! < -0.8 * limit)
                let mean = layer.kernel.reduce(0, +) / Float(layer.kernel.count)
                #expect(abs(mean) < 0.15 * limit)
            }
            fanIn = layer.units
        }
        #expect(NetworkParameters.glorotLimit(fanIn: 28, fanOut: 28) == Float((6.0 / 56).squareRoot()))
    }

    @Test("the start depends on the seed alone")
    func seeded() {
        let specs = NetworkTrainingOptions.notebookLayers
        let a = NetworkParameters(glorotUniformFor: specs, inputCount: 28, seed: 1)
        #expect(a == NetworkParameters(glorotUniformFor: specs, inputCount: 28, seed: 1))
        #expect(a != NetworkParameters(glorotUniformFor: specs, inputCount: 28, seed: 2))
    }

    @Test("inference network: Keras layer names, same predictions")
    func denseNetwork() throws {
        let parameters = NetworkParameters(glorotUniformFor: NetworkTrainingOptions.notebookLayers, inputCount: 28, seed: 3)
        let network = try parameters.denseNetwork()
        #expect(network.layers.map(\.name) == ["input_layer", "dense", "dense_1", "dense_2", "dense_3"])
        #expect(network.inputCount == 28)
    }
}
