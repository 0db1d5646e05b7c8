import Foundation
import Testing

@testable import Training

/// Adam's update against a computation by hand, in doubles, of Keras' formula.
@Suite("Adam")
struct AdamOptimizerTests {
    @Test("two steps equal Keras' formula computed by hand")
    func twoStepsByHand() {
        var adam = AdamOptimizer(parameterCount: 3, learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7)
        var weights: [Float] = [0.5, -0.25, 0]
        let gradients: [[Float]] = [[0.1, -2, 1e-9], [-0.3, 0.5, 0]]
        // By hand: m_t = 0.9 m + 0.1 g; v_t = 0.999 v + 0.001 g²;
        // w -= lr·sqrt(1 - 0.999^t)/(1 - 0.9^t) · m_t / (sqrt(v_t) + 1e-7).
        var m = [Double](repeating: 0, count: 3), v = m
        var expected = weights.map(Double.init)
        for (step, gradient) in gradients.enumerated() {
            let t = Double(step + 1)
            let alpha = 0.001 * (1 - pow(0.999, t)).squareRoot() / (1 - pow(0.9, t))
            for i in 0..<3 {
                let g = Double(gradient[i])
                m[i] = 0.9 * m[i] + 0.1 * g
                v[i] = 0.999 * v[i] + 0.001 * g * g
                expected[i] -= alpha * m[i] / (v[i].squareRoot() + 1e-7)
            }
            weights.withUnsafeMutableBufferPointer { w in
                gradient.withUnsafeBufferPointer { adam.step(parameters: w.baseAddress!, gradient: $0.baseAddress!) }
            }
        }
        for i in 0..<3 {
            #expect(abs(Double(weights[i]) - expected[i]) < 1e-7, "weight \(i): \(weights[i]) vs \(expected[i])")
        }
        // The first step moves every weight with a clear gradient by the learning rate.
        #expect(abs(Double(0.5 - 0.001) - expected[0]) < 0.002)
        #expect(adam.iterations == 2)
    }
}
