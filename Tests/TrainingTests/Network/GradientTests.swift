import Foundation
import HiggsData
import Testing

@testable import Training

/// The backward pass against finite differences of the loss.
@Suite("Gradients")
struct GradientTests {
    @Test(
        "backpropagation equals central differences",
        arguments: [
            [
                NetworkLayerSpec(units: 5, activation: .tanh), NetworkLayerSpec(units: 3, activation: .sigmoid),
                NetworkLayerSpec(units: 1, activation: .sigmoid),
            ],
            [
                NetworkLayerSpec(units: 6, activation: .linear), NetworkLayerSpec(units: 4, activation: .relu),
                NetworkLayerSpec(units: 1, activation: .sigmoid),
            ],
        ])
    func finiteDifferences(_ specs: [NetworkLayerSpec]) throws {
        let (sample, _) = try NetworkTestData.sample.get()
        let rows = sample.rows(0..<45)
        let layout = ParameterLayout(inputCount: 28, specs: specs)
        var weights = layout.flatten(NetworkParameters(glorotUniformFor: specs, inputCount: 28, seed: 11))
        // Non-zero biases, so their gradients are exercised away from the start.
        for layer in 0..<layout.layerCount {
            for j in 0..<layout.units[layer] { weights[layout.biasOffset[layer] + j] = 0.1 * Float(j % 3) - 0.05 }
        }
        let workspace = NetworkWorkspace(layout: layout, rows: rows.rowCount)
        defer { workspace.deallocate() }

        func loss(_ weights: [Float], gradient: Bool) -> Double {
            rows.withFeatures { features in
                rows.withLabels { labels in
                    weights.withUnsafeBufferPointer { w in
                        workspace.gather(features: features.baseAddress!, labels: labels.baseAddress!, first: 0, count: rows.rowCount)
                        workspace.forward(parameters: w.baseAddress!, count: rows.rowCount)
                        workspace.lossAndDeltas(count: rows.rowCount, scale: 1 / Float(rows.rowCount))
                        if gradient { workspace.backward(parameters: w.baseAddress!, count: rows.rowCount) }
                        return workspace.lossSum / Double(rows.rowCount)
                    }
                }
            }
        }
        _ = loss(weights, gradient: true)
        let analytic = Array(UnsafeBufferPointer(start: workspace.gradient, count: layout.count))
        // Small enough that few rows cross a relu kink, large enough above float32 rounding.
        let h: Float = 2e-3
        var worst = 0.0
        for i in 0..<layout.count {
            var plus = weights, minus = weights
            plus[i] += h
            minus[i] -= h
            let numeric = (loss(plus, gradient: false) - loss(minus, gradient: false)) / Double(2 * h)
            let error = abs(numeric - Double(analytic[i])) / max(0.05, abs(numeric))
            worst = max(worst, error)
        }
        print("worst relative gradient error \(worst) over \(layout.count) parameters")
        #expect(worst < 5e-3)
    }
}
